import type { Rule } from './rule.js';

/** duplicate-name: a name declared more than once in the workspace, on every occurrence. */
export const checkDuplicateNames: Rule = (context, report) => {
    for (const [name, elements] of context.model.duplicates) {
        for (const element of elements) {
            const others = elements.filter(other => other !== element).map(other => other.kind);
            report({
                code: 'duplicate-name', severity: 'error', element: element.declaration, location: element.location,
                message: `${name} is declared ${elements.length} times (also as ${[...new Set(others)].join(', ')}): `
                    + `names are global across the workspace`,
            });
        }
    }
};
