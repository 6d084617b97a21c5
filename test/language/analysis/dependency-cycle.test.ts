import { describe, expect, it } from 'vitest';
import { buildSnippet, edit } from './workspace.js';

const workload = (name: string, dependsOn: string, rt = '10m') => `
workload ${name} "${name}" {
  stateless
  recovery-time ${rt} estimated
${dependsOn ? `  depends-on ${dependsOn}\n` : ''}}`;

describe('dependency-cycle', () => {
    it('reports every depends-on reference of a cycle, each naming the closing workload and listing the cycle', async () => {
        const workspace = await buildSnippet(workload('A', 'B') + workload('B', 'C') + workload('C', 'A'));
        const cycles = workspace.withCode('dependency-cycle');
        expect(cycles).toHaveLength(3);
        // Each on the reference itself: A's "B", B's "C", C's "A".
        expect(cycles.map(d => d.text)).toEqual(['B', 'C', 'A']);
        expect(cycles.every(d => d.severity === 'error')).toBe(true);
        const closing = cycles[0].element;
        expect(['A', 'B', 'C']).toContain(closing);
        expect(cycles.every(d => d.element === closing)).toBe(true);
        // The cycle in dependency order, from any starting point: A → B → C → A.
        for (const { message } of cycles) {
            expect(message).toMatch(/A → B → C → A|B → C → A → B|C → A → B → C/);
        }
    });

    it('names as the element the workload whose depends-on closes the cycle (declared order A, B, C: C closes A → B → C)', async () => {
        const workspace = await buildSnippet(workload('A', 'B') + workload('B', 'C') + workload('C', 'A'));
        expect(workspace.withCode('dependency-cycle').map(d => d.element)).toEqual(['C', 'C', 'C']);
    });

    it('reports both cycles of two cycles that share a node', async () => {
        // A ⇄ B and B ⇄ C: four references, each in a cycle.
        const workspace = await buildSnippet(workload('A', 'B') + workload('B', 'A, C') + workload('C', 'B'));
        const cycles = workspace.withCode('dependency-cycle');
        expect(cycles.map(d => [d.line, d.text])).toEqual([[5, 'B'], [10, 'A'], [10, 'C'], [15, 'B']]);
    });

    it('reports a reference that lies on a second cycle through the same nodes (A → C → A beside A → B → C → A)', async () => {
        const workspace = await buildSnippet(workload('A', 'B, C') + workload('B', 'C') + workload('C', 'A'));
        const cycles = workspace.withCode('dependency-cycle');
        // A's B and C, B's C, C's A.
        expect(cycles.map(d => [d.line, d.text])).toEqual([[5, 'B'], [5, 'C'], [10, 'C'], [15, 'A']]);
        expect(cycles.some(d => /A → C → A|C → A → C/.test(d.message))).toBe(true);
    });

    it('reports a workload that depends on itself', async () => {
        const workspace = await buildSnippet(workload('Loop', 'Loop'));
        const cycles = workspace.withCode('dependency-cycle');
        expect(cycles.map(d => [d.element, d.text])).toEqual([['Loop', 'Loop']]);
        expect(cycles[0].message).toContain('Loop → Loop');
    });

    it('reports only the references in the cycle, not a dependency leading into it', async () => {
        const workspace = await buildSnippet(workload('Entry', 'A') + workload('A', 'B') + workload('B', 'A'));
        const cycles = workspace.withCode('dependency-cycle');
        expect(cycles.map(d => d.line)).toEqual([10, 15]); // A's and B's depends-on, not Entry's (line 5)
        expect(cycles.map(d => d.text).sort()).toEqual(['A', 'B']);
    });

    it('stays silent on a diamond (shared dependency is not a cycle)', async () => {
        const workspace = await buildSnippet(workload('Top', 'Left, Right') + workload('Left', 'Base')
            + workload('Right', 'Base') + workload('Base', ''));
        expect(workspace.withCode('dependency-cycle')).toEqual([]);
    });

    it('ignores the closing edge for timing: the roll-up stays finite', async () => {
        const workspace = await buildSnippet(workload('A', 'B', '10m') + workload('B', 'A', '20m')
            + '\nprocess P "P" { rto 1h workloads A }\n');
        const result = [...workspace.analysis.processes.values()][0];
        // DFS from A: A → B closes back to A, so B's edge to A is ignored: B 20m, A 10m after it.
        expect(result.worst.recoveryTime.value).toBe(30 * 60);
        expect(workspace.withCode('rto-gap')).toEqual([]);
    });

    it('reports a cycle of process inputs on each input property', async () => {
        const workspace = await buildSnippet(`
process Orders "Orders" {
  input "Invoices" from Billing
}
process Billing "Billing" {
  input "Orders" from Orders
}
`);
        const cycles = workspace.withCode('dependency-cycle');
        expect(cycles).toHaveLength(2);
        expect(cycles.map(d => d.line)).toEqual([3, 6]);
        expect(cycles[0].text).toContain('Billing');
        expect(cycles[1].text).toContain('Orders');
        const closing = cycles[0].element;
        expect(['Orders', 'Billing']).toContain(closing);
        expect(cycles[1].element).toBe(closing);
        expect(cycles[0].message).toMatch(/Orders → Billing → Orders|Billing → Orders → Billing/);
    });

    it('does not count an input from a supplier as part of a cycle', async () => {
        const workspace = await buildSnippet(`
supplier Bank "Bank" { kind vendor }
process Orders "Orders" { input "Money" from Bank }
`);
        expect(workspace.all()).toEqual([]);
    });

    it('disappears when the cycle is broken', async () => {
        const text = workload('A', 'B') + workload('B', 'A');
        expect((await buildSnippet(text)).withCode('dependency-cycle')).toHaveLength(2);
        expect((await buildSnippet(edit(text, 'depends-on A', ''))).withCode('dependency-cycle')).toEqual([]);
    });
});
