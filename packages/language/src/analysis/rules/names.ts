import type { Element } from '../../model/plan-model.js';
import type { Rule } from './rule.js';

/** duplicate-name: a name declared more than once in the workspace, on every occurrence. */
export const checkDuplicateNames: Rule = (context, report) => {
    const byName = new Map<string, Element[]>();
    for (const element of context.model.elements) {
        const elements = byName.get(element.name);
        if (elements) {
            elements.push(element);
        } else {
            byName.set(element.name, [element]);
        }
    }
    for (const [name, elements] of byName) {
        if (elements.length < 2) {
            continue;
        }
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
