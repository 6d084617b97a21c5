import type { Element } from '../../model/plan-model.js';
import type { Rule } from './rule.js';

/** duplicate-name: a name declared more than once in the workspace, on every occurrence. */
export const checkDuplicateNames: Rule = (context, report) => {
    // byName holds each name's first element: any other is a duplicate (most names have none).
    const duplicates = new Map<string, Element[]>();
    for (const element of context.model.elements) {
        const first = context.model.byName.get(element.name);
        if (first !== undefined && first !== element) {
            const elements = duplicates.get(element.name);
            if (elements) {
                elements.push(element);
            } else {
                duplicates.set(element.name, [first, element]);
            }
        }
    }
    // Names in the order of their first declaration.
    for (const first of duplicates.size > 0 ? context.model.elements : []) {
        const elements = duplicates.get(first.name);
        if (elements?.[0] !== first) {
            continue;
        }
        for (const element of elements) {
            const others = elements.filter(other => other !== element).map(other => other.kind);
            report({
                code: 'duplicate-name', severity: 'error', element: element.declaration, location: element.location,
                message: `${element.name} is declared ${elements.length} times (also as ${[...new Set(others)].join(', ')}): `
                    + `names are global across the workspace`,
            });
        }
    }
};
