import type { SourceLocation } from '../../model/plan-model.js';
import type { ClosingEdge, DependencyOrder } from '../dependency-order.js';
import { chain, type Rule } from './rule.js';

type Report = Parameters<Rule>[1];

/**
 * dependency-cycle: on every `depends-on` (or `input … from`) reference that lies on a cycle.
 * References on the cycle a closing (back) edge completes name the element whose reference closes
 * it; any other reference on a cycle (found through the strongly connected components) names its
 * own element, with a cycle through it. A reference is reported once.
 */
export const checkCycles: Rule = (context, report) => {
    reportCycles(context.workloadOrder, context.model.workloads, 'Dependency',
        workload => workload.dependsOn.map(link => ({ target: link.target, location: link.location })), report);
    reportCycles(context.processOrder, context.model.processes, 'Input',
        process => process.inputs.flatMap(input => input.source.kind === 'process'
            ? [{ target: input.source, location: input.location }] : []), report);
};

function reportCycles<T extends { name: string }>(order: DependencyOrder<T>, nodes: readonly T[], what: string,
    references: (node: T) => Array<{ target: T; location: SourceLocation }>, report: Report): void {
    if (order.closing.length === 0) {
        return; // every cycle has a closing edge: there is none
    }
    const reported = new Set<string>();
    const reportCycle = (closedBy: T, cycle: readonly T[]) => {
        const names = [...cycle.map(node => node.name), cycle[0].name];
        const message = `${what} cycle: ${chain(names, name => name)}; ${closedBy.name}'s reference to ${cycle[0].name} closes it `
            + `and is ignored for timing`;
        cycle.forEach((node, index) => {
            const next = cycle[(index + 1) % cycle.length];
            const key = `${node.name}\u0000${next.name}`;
            const location = references(node).find(reference => reference.target === next)?.location;
            if (location && !reported.has(key)) {
                reported.add(key);
                report({ code: 'dependency-cycle', severity: 'error', element: closedBy.name, location, message });
            }
        });
    };
    for (const edge of order.closing as ReadonlyArray<ClosingEdge<T>>) {
        reportCycle(edge.from, edge.cycle);
    }
    for (const node of nodes) {
        for (const { target } of references(node)) {
            if (!reported.has(`${node.name}\u0000${target.name}`) && order.sameCycle(node, target)) {
                const path = pathWithin(order, references, target, node);
                if (path) {
                    // path runs from target to node; node's reference to target closes it.
                    reportCycle(node, path);
                }
            }
        }
    }
}

/** The shortest path from `from` to `to` within their cycle (breadth first), both included. */
function pathWithin<T>(order: DependencyOrder<T>, references: (node: T) => Array<{ target: T }>, from: T, to: T): T[] | undefined {
    const previous = new Map<T, T | undefined>([[from, undefined]]);
    const queue = [from];
    for (let head = 0; head < queue.length; head++) {
        const node = queue[head];
        if (node === to) {
            const path: T[] = [];
            for (let current: T | undefined = to; current !== undefined; current = previous.get(current)) {
                path.push(current);
            }
            return path.reverse();
        }
        for (const { target } of references(node)) {
            if (!previous.has(target) && order.sameCycle(target, from)) {
                previous.set(target, node);
                queue.push(target);
            }
        }
    }
    return undefined;
}
