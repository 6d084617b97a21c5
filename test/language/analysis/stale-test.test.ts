import { describe, expect, it } from 'vitest';
import { healthyEdited } from './healthy-plan.js';
import { buildWorkspace } from './workspace.js';

const dbTime = 'recovery-time 30m tested 2026-10-01';

describe('stale-test', () => {
    it('warns on a tested date more than 365 days before the evaluation date, on the date, naming the workload', async () => {
        const workspace = await buildWorkspace(healthyEdited(['workloads.drplan', dbTime, 'recovery-time 30m tested 2025-11-20']));
        const warnings = workspace.withCode('stale-test');
        expect(warnings).toHaveLength(1);
        expect(warnings[0]).toMatchObject({ file: 'workloads.drplan', severity: 'warning', element: 'Db', text: '2025-11-20' });
        expect(warnings[0].message).toContain('Db');
        expect(warnings[0].message).toContain('2025-11-20');
        const db = workspace.analysis.capabilities.get(workspace.element('Db') as never)!;
        expect(db.time).toMatchObject({ status: 'estimate', value: 1800, stale: 'old' });
    });

    it('accepts a test exactly test-validity (365 days) old', async () => {
        const workspace = await buildWorkspace(healthyEdited(['workloads.drplan', dbTime, 'recovery-time 30m tested 2025-11-21']));
        expect(workspace.all()).toEqual([]);
        expect(workspace.analysis.capabilities.get(workspace.element('Db') as never)!.time.status).toBe('proven');
    });

    it('accepts a test on the evaluation date itself', async () => {
        const workspace = await buildWorkspace(healthyEdited(['workloads.drplan', dbTime, 'recovery-time 30m tested 2026-11-21']));
        expect(workspace.all()).toEqual([]);
    });

    it('warns on a test dated in the future', async () => {
        const workspace = await buildWorkspace(healthyEdited(['workloads.drplan', dbTime, 'recovery-time 30m tested 2026-11-22']));
        const warnings = workspace.withCode('stale-test');
        expect(warnings).toHaveLength(1);
        expect(warnings[0]).toMatchObject({ element: 'Db', text: '2026-11-22' });
        expect(workspace.analysis.capabilities.get(workspace.element('Db') as never)!.time)
            .toMatchObject({ status: 'estimate', stale: 'future' });
    });

    it('checks recovery points too', async () => {
        const workspace = await buildWorkspace(healthyEdited(
            ['workloads.drplan', 'recovery-point 30s tested 2026-10-01', 'recovery-point 30s tested 2024-06-01']));
        expect(workspace.withCode('stale-test').map(w => [w.element, w.text])).toEqual([['Db', '2024-06-01']]);
    });

    it('warns on a recovery plan\'s tested date, naming the recovery plan', async () => {
        const workspace = await buildWorkspace(healthyEdited(['failover.drplan', 'tested 2026-10-01', 'tested 2025-06-30']));
        const warnings = workspace.withCode('stale-test');
        expect(warnings).toHaveLength(1);
        expect(warnings[0]).toMatchObject({ file: 'failover.drplan', element: 'Failover', text: '2025-06-30', severity: 'warning' });
        expect(workspace.all().map(d => d.code)).toEqual(['stale-test']);
    });

    it('uses the smallest test-validity of any plan, workspace-wide', async () => {
        // 2026-10-01 is 51 days before 2026-11-21: stale under a 30d policy declared by another plan.
        const workspace = await buildWorkspace(healthyEdited(['plan.drplan', 'plan Continuity', `plan Drill "Drill" {
  policy { test-validity 30d }
}
plan Continuity`]));
        expect(workspace.analysis.testValidity).toBe(30 * 86400);
        const stale = workspace.withCode('stale-test');
        // Every tested date of the healthy plan is 2026-10-01: three workloads' RTs, two RPs, the recovery plan.
        expect(stale.map(w => w.element).sort()).toEqual(['App', 'Db', 'Db', 'Failover', 'Identity', 'Identity']);
        expect(stale.every(w => w.text === '2026-10-01')).toBe(true);
    });

    it('keeps the default 365d when no plan declares test-validity', async () => {
        const workspace = await buildWorkspace(healthyEdited(['plan.drplan', 'test-validity 365d', '']));
        expect(workspace.analysis.testValidity).toBe(365 * 86400);
        expect(workspace.all()).toEqual([]);
    });

    // LANGUAGE.md §3: "the smallest any plan declares (default 365d)": 730d when the only plan declares 730d.
    it('lets the only plan lengthen test-validity: under 730d a test 400 days old is proven', async () => {
        const workspace = await buildWorkspace(healthyEdited(
            ['plan.drplan', 'test-validity 365d', 'test-validity 730d'],
            ['workloads.drplan', dbTime, 'recovery-time 30m tested 2025-10-17'],
        ));
        expect(workspace.analysis.testValidity).toBe(730 * 86400);
        expect(workspace.withCode('stale-test')).toEqual([]);
        expect(workspace.all()).toEqual([]);
    });

    it('does not fire on an estimated capability or an impossible date (invalid-value instead)', async () => {
        const estimated = await buildWorkspace(healthyEdited(['workloads.drplan', dbTime, 'recovery-time 30m estimated']));
        expect(estimated.withCode('stale-test')).toEqual([]);
        const impossible = await buildWorkspace(healthyEdited(['workloads.drplan', dbTime, 'recovery-time 30m tested 2026-02-30']));
        expect(impossible.withCode('stale-test')).toEqual([]);
        expect(impossible.withCode('invalid-value').map(d => d.element)).toEqual(['Db']);
    });
});
