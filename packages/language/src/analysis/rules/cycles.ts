import type { SourceLocation } from '../../model/plan-model.js';
import type { ClosingEdge } from '../dependency-order.js';
import { upstreamProcesses } from '../rollup.js';
import { chain, type Rule } from './rule.js';

/**
 * dependency-cycle: on every `depends-on` (or `input … from`) reference of each cycle, each naming
 * the element whose reference closes it. A reference in several cycles is reported once.
 */
export const checkCycles: Rule = (context, report) => {
    const reported = new Set<string>();
    const reportCycle = <T extends { name: string }>(edge: ClosingEdge<T>, what: string,
        referenceAt: (from: T, to: T) => SourceLocation | undefined) => {
        const names = [...edge.cycle.map(node => node.name), edge.cycle[0].name];
        const message = `${what} cycle: ${chain(names)}; ${edge.from.name}'s reference to ${edge.cycle[0].name} closes it `
            + `and is ignored for timing`;
        edge.cycle.forEach((node, index) => {
            const next = edge.cycle[(index + 1) % edge.cycle.length];
            const location = referenceAt(node, next);
            const key = `${node.name}\u0000${next.name}`;
            if (location && !reported.has(key)) {
                reported.add(key);
                report({ code: 'dependency-cycle', severity: 'error', element: edge.from.name, location, message });
            }
        });
    };
    for (const edge of context.workloadOrder.closing) {
        reportCycle(edge, 'Dependency', (from, to) => from.dependsOn.find(link => link.target === to)?.location);
    }
    for (const edge of context.processOrder.closing) {
        reportCycle(edge, 'Input', (from, to) => upstreamProcesses(from).includes(to)
            ? from.inputs.find(input => input.source === to)?.location : undefined);
    }
};
