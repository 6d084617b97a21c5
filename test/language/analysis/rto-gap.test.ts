import { describe, expect, it } from 'vitest';
import { healthyEdited } from './healthy-plan.js';
import { WORKED_EXAMPLE } from './worked-example.js';
import { buildSnippet, buildWorkspace, edit } from './workspace.js';

describe('rto-gap', () => {
    it('fires on the worked example: an error on OrderFulfilment\'s rto with the time, the RTO, the plan and the critical path', async () => {
        const workspace = await buildSnippet(WORKED_EXAMPLE);
        const gaps = workspace.withCode('rto-gap');
        expect(gaps).toHaveLength(1);
        const [gap] = gaps;
        expect(gap).toMatchObject({ severity: 'error', element: 'OrderFulfilment', text: 'rto 4h' });
        expect(gap.message).toContain('OrderFulfilment recovers in 5h20m but its RTO is 4h');
        expect(gap.message).toContain('ContosoRetail');
        expect(gap.message).toContain('Declare 1h → Damage 1h30m → Identity 30m → Data 1h30m → Apps 5m → OrderApp 45m');
    });

    it('is the only complaint about OrderFulfilment\'s recovery time (no unproven for a missed RTO)', async () => {
        const workspace = await buildSnippet(WORKED_EXAMPLE);
        expect(workspace.all().map(d => d.code).sort()).toEqual(['missing-from-plan', 'rto-gap']);
    });

    it('stays silent when the recovery time equals the RTO exactly (only exceeding it is a gap)', async () => {
        const workspace = await buildSnippet(edit(WORKED_EXAMPLE, 'rto 4h', 'rto 5h20m'));
        expect(workspace.withCode('rto-gap')).toEqual([]);
        expect(workspace.withCode('unproven')).toEqual([]);
    });

    it('fires one second over: RTO 5h19m59s against 5h20m', async () => {
        const workspace = await buildSnippet(edit(WORKED_EXAMPLE, 'rto 4h', 'rto 5h19m59s'));
        const [gap] = workspace.withCode('rto-gap');
        expect(gap.text).toBe('rto 5h19m59s');
        expect(gap.message).toContain('recovers in 5h20m but its RTO is 5h19m59s');
    });

    it('stays silent for a process without an RTO', async () => {
        const workspace = await buildSnippet(edit(WORKED_EXAMPLE, 'rto 4h', ''));
        expect(workspace.withCode('rto-gap')).toEqual([]);
    });

    it('treats rto 0s as no RTO: invalid-value, but no rto-gap', async () => {
        const workspace = await buildSnippet(edit(WORKED_EXAMPLE, 'rto 4h', 'rto 0s'));
        expect(workspace.withCode('rto-gap')).toEqual([]);
        expect(workspace.withCode('invalid-value').map(d => d.element)).toEqual(['OrderFulfilment']);
    });

    it('fires in the healthy plan when its RTO drops below 2h30m', async () => {
        const workspace = await buildWorkspace(healthyEdited(['processes.drplan', 'rto 4h', 'rto 2h']));
        const gaps = workspace.withCode('rto-gap');
        expect(gaps).toHaveLength(1);
        expect(gaps[0]).toMatchObject({ file: 'processes.drplan', element: 'Sales', text: 'rto 2h', severity: 'error' });
        expect(gaps[0].message).toContain('Sales recovers in 2h30m but its RTO is 2h');
        expect(gaps[0].message).toContain('Continuity');
        // Critical path: Declare, Assess, the three groups' lead-up, then App.
        expect(gaps[0].message).toMatch(/Declare 30m → Assess 30m → .*App 15m/);
    });

    it('says "at least" when an unknown recovery time makes the roll-up a lower bound', async () => {
        const workspace = await buildWorkspace(healthyEdited(
            ['processes.drplan', 'rto 4h', 'rto 2h'],
            ['workloads.drplan', 'recovery-time 15m tested 2026-10-01', ''],
        ));
        const [gap] = workspace.withCode('rto-gap');
        // App unknown counts as 0: it is ready when started, at 2h15m.
        expect(gap.message).toContain('Sales recovers in at least 2h15m but its RTO is 2h');
    });

    it('fires on a process whose own workloads are fast but whose upstream process is slow', async () => {
        const workspace = await buildSnippet(WORKED_EXAMPLE + `
process Invoicing "Invoicing" {
  criticality low
  rto 6h
  input "Orders" from OrderFulfilment
  workloads CoreNetwork
}
`);
        const gaps = workspace.withCode('rto-gap').filter(d => d.element === 'Invoicing');
        expect(gaps).toHaveLength(0);
        const tight = await buildSnippet(WORKED_EXAMPLE + `
process Invoicing "Invoicing" {
  criticality critical
  rto 1h
  input "Orders" from OrderFulfilment
  workloads CoreNetwork
}
`);
        const [gap] = tight.withCode('rto-gap').filter(d => d.element === 'Invoicing');
        expect(gap.text).toBe('rto 1h');
        expect(gap.message).toContain('Invoicing recovers in 5h20m but its RTO is 1h');
        expect(gap.message).toContain('OrderFulfilment');
    });

    it('evaluates a process that no plan covers on the pure critical path (L = 0) and names no plan', async () => {
        const workspace = await buildWorkspace(healthyEdited(
            ['plan.drplan', 'covers Sales', ''],
            ['processes.drplan', 'rto 4h', 'rto 1h'],
        ));
        const [gap] = workspace.withCode('rto-gap');
        // Identity 20m → Db 30m → App 15m = 1h05m.
        expect(gap.message).toContain('Sales recovers in 1h5m but its RTO is 1h');
        expect(gap.message).not.toContain('Continuity');
    });
});
