import { describe, expect, it } from 'vitest';
import { healthyEdited } from './healthy-plan.js';
import { buildWorkspace } from './workspace.js';

describe('unproven', () => {
    it('warns on the process when its met RTO rests on an estimated recovery time, naming the workload', async () => {
        const workspace = await buildWorkspace(healthyEdited(
            ['workloads.drplan', 'recovery-time 30m tested 2026-10-01', 'recovery-time 30m estimated'],
        ));
        const warnings = workspace.withCode('unproven');
        expect(warnings).toHaveLength(1);
        expect(warnings[0]).toMatchObject({ file: 'processes.drplan', severity: 'warning', element: 'Sales' });
        expect(warnings[0].text).toContain('Sales');
        expect(warnings[0].message).toContain('RTO');
        expect(warnings[0].message).toContain('Db');
        expect(warnings[0].message).not.toContain('RPO');
        expect(workspace.all().map(d => d.code)).toEqual(['unproven']);
    });

    it('warns for the RPO when a recovery point is an estimate, and not for the RTO', async () => {
        const workspace = await buildWorkspace(healthyEdited(
            ['workloads.drplan', 'recovery-point 30s tested 2026-10-01', 'recovery-point 30s estimated'],
        ));
        const warnings = workspace.withCode('unproven');
        expect(warnings).toHaveLength(1);
        expect(warnings[0].message).toContain('RPO');
        expect(warnings[0].message).toContain('Db');
        expect(warnings[0].message).not.toContain('RTO');
    });

    it('counts a recovery point derived from replication as an estimate', async () => {
        const workspace = await buildWorkspace(healthyEdited(
            ['workloads.drplan', 'recovery-point 5m tested 2026-10-01', ''],
        ));
        const warnings = workspace.withCode('unproven');
        expect(warnings).toHaveLength(1);
        expect(warnings[0].message).toContain('RPO');
        expect(warnings[0].message).toContain('Identity');
    });

    it('warns once for each objective when both rest on estimates', async () => {
        const workspace = await buildWorkspace(healthyEdited(
            ['workloads.drplan', 'recovery-time 30m tested 2026-10-01', 'recovery-time 30m estimated'],
            ['workloads.drplan', 'recovery-point 5m tested 2026-10-01', 'recovery-point 5m estimated'],
        ));
        const warnings = workspace.withCode('unproven');
        expect(warnings).toHaveLength(2);
        expect(warnings.every(w => w.element === 'Sales')).toBe(true);
        expect(warnings.some(w => w.message.includes('RTO') && w.message.includes('Db'))).toBe(true);
        expect(warnings.some(w => w.message.includes('RPO') && w.message.includes('Identity'))).toBe(true);
    });

    it('names every estimated workload', async () => {
        const workspace = await buildWorkspace(healthyEdited(
            ['workloads.drplan', 'recovery-time 30m tested 2026-10-01', 'recovery-time 30m estimated'],
            ['workloads.drplan', 'recovery-time 20m tested 2026-10-01', 'recovery-time 20m estimated'],
        ));
        const [warning] = workspace.withCode('unproven');
        expect(warning.message).toContain('Db');
        expect(warning.message).toContain('Identity');
        expect(warning.message).not.toContain('App');
    });

    it('names an unknown recovery time too (counted as 0), beside missing-capability', async () => {
        const workspace = await buildWorkspace(healthyEdited(
            ['workloads.drplan', 'recovery-time 15m tested 2026-10-01', ''],
        ));
        const [warning] = workspace.withCode('unproven');
        expect(warning.message).toContain('App');
        expect(workspace.all().map(d => d.code).sort()).toEqual(['missing-capability', 'unproven']);
    });

    it('counts a stale test as an estimate (with stale-test on the date)', async () => {
        const workspace = await buildWorkspace(healthyEdited(
            ['workloads.drplan', 'recovery-time 30m tested 2026-10-01', 'recovery-time 30m tested 2025-01-01'],
        ));
        expect(workspace.all().map(d => d.code).sort()).toEqual(['stale-test', 'unproven']);
        expect(workspace.withCode('unproven')[0].message).toContain('Db');
    });

    it('stays silent for an objective that is missed (rto-gap says it) or absent', async () => {
        const missed = await buildWorkspace(healthyEdited(
            ['workloads.drplan', 'recovery-time 30m tested 2026-10-01', 'recovery-time 30m estimated'],
            ['processes.drplan', 'rto 4h', 'rto 1h'],
        ));
        expect(missed.all().map(d => d.code)).toEqual(['rto-gap']);
        const absent = await buildWorkspace(healthyEdited(
            ['workloads.drplan', 'recovery-time 30m tested 2026-10-01', 'recovery-time 30m estimated'],
            ['processes.drplan', 'rto 4h', ''],
        ));
        expect(absent.all()).toEqual([]);
    });

    it('names an estimate of an upstream process\'s workload', async () => {
        const workspace = await buildWorkspace(healthyEdited(
            ['processes.drplan', 'rpo 15m', `rpo 15m
  input "Stock levels" from Stock`],
            ['processes.drplan', 'process Sales', `process Stock "Stock" {
  criticality critical
  workloads Ledger
}
process Sales`],
            ['workloads.drplan', 'workload App', `workload Ledger "Ledger" {
  runs-at Primary
  failover-to Cloud
  replication storage every 1m
  recovery-time 10m estimated
  recovery-point 1m tested 2026-10-01
}
workload App`],
        ));
        const warnings = workspace.withCode('unproven');
        expect(warnings).toHaveLength(1);
        expect(warnings[0]).toMatchObject({ element: 'Sales' });
        expect(warnings[0].message).toContain('RTO');
        expect(warnings[0].message).toContain('Ledger');
    });
});
