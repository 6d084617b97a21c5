import { listNames, type Rule } from './rule.js';

/**
 * spof: an element whose loss alone makes a process (at or above the SPOF threshold)
 * unrecoverable. One finding per element, naming every process and every reason.
 */
export const checkSpofs: Rule = (context, report) => {
    for (const { element, processes } of context.spofs) {
        const reasons = [...new Set(processes.flatMap(entry => entry.reasons))];
        const direct = reasons.filter(reason => !reason.startsWith('upstream process '));
        report({
            code: 'spof', severity: 'warning', element: element.name, location: element.location,
            message: `Single point of failure: losing ${element.kind} ${element.name} alone makes `
                + `${listNames(processes.map(entry => entry.process.name))} unrecoverable`
                + ` (${listNames(direct.length > 0 ? direct : reasons, 3)})`,
            data: { kind: element.kind, processes: processes.map(({ process }) => process.name) },
        });
    }
};
