import { listNames, type Rule } from './rule.js';

const kindWords: Record<string, string> = {
    site: 'site', workload: 'workload', supplier: 'supplier', person: 'person', equipment: 'equipment',
};

/** spof: an element whose loss alone makes a process (at or above the SPOF threshold) unrecoverable. */
export const checkSpofs: Rule = (context, report) => {
    for (const { element, processes } of context.spofs) {
        const kind = kindWords[element.kind] ?? element.kind;
        const details = processes.map(({ process, strandedBy }) => `${process.name} (${listNames(strandedBy, 3)})`);
        report({
            code: 'spof', severity: 'warning', element: element.name, location: element.location,
            message: `Single point of failure: losing ${kind} ${element.name} alone makes `
                + `${listNames(details, 4)} unrecoverable`,
            data: { kind: element.kind, processes: processes.map(({ process }) => process.name) },
        });
    }
};
