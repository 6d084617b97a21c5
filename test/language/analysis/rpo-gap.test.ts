import { describe, expect, it } from 'vitest';
import { healthyEdited } from './healthy-plan.js';
import { buildWorkspace } from './workspace.js';

describe('rpo-gap', () => {
    it('fires on the process rpo when a needed workload can lose more data than the RPO, naming the worst workload', async () => {
        // Identity's tested recovery point is 5m, the largest Sales needs.
        const workspace = await buildWorkspace(healthyEdited(['processes.drplan', 'rpo 15m', 'rpo 1m']));
        const gaps = workspace.withCode('rpo-gap');
        expect(gaps).toHaveLength(1);
        expect(gaps[0]).toMatchObject({ file: 'processes.drplan', severity: 'error', element: 'Sales', text: 'rpo 1m' });
        expect(gaps[0].message).toContain('5m');
        expect(gaps[0].message).toContain('1m');
        expect(gaps[0].message).toContain('Identity');
        expect(workspace.all().map(d => d.code)).toEqual(['rpo-gap']);
    });

    it('stays silent when the recovery point equals the RPO exactly', async () => {
        const workspace = await buildWorkspace(healthyEdited(['processes.drplan', 'rpo 15m', 'rpo 5m']));
        expect(workspace.all()).toEqual([]);
    });

    it('stays silent for a process without an RPO', async () => {
        const workspace = await buildWorkspace(healthyEdited(
            ['processes.drplan', 'rpo 15m', ''],
            ['workloads.drplan', 'recovery-point 5m tested 2026-10-01', 'recovery-point 2h tested 2026-10-01'],
        ));
        expect(workspace.all()).toEqual([]);
    });

    it('uses the smallest replication or backup interval when no recovery point is declared', async () => {
        // Db: replication every 30s, backup every 24h → 30s; Identity: replication every 5m → 5m; so 5m > 4m.
        const workspace = await buildWorkspace(healthyEdited(
            ['processes.drplan', 'rpo 15m', 'rpo 4m'],
            ['workloads.drplan', 'recovery-point 5m tested 2026-10-01', ''],
            ['workloads.drplan', 'recovery-point 30s tested 2026-10-01', ''],
        ));
        const [gap] = workspace.withCode('rpo-gap');
        expect(gap.message).toContain('5m');
        expect(gap.message).toContain('Identity');
        expect(gap.message).not.toContain('Db');
    });

    it('takes a backup interval when it is smaller than the replication interval', async () => {
        const workspace = await buildWorkspace(healthyEdited(
            ['processes.drplan', 'rpo 15m', 'rpo 20m'],
            ['workloads.drplan', `replication asr every 5m
  recovery-time 20m tested 2026-10-01
  recovery-point 5m tested 2026-10-01`, `replication asr every 1h
  backup dpm every 30m
  recovery-time 20m tested 2026-10-01`],
        ));
        const identity = workspace.analysis.capabilities.get(workspace.element('Identity') as never)!;
        expect(identity.point).toMatchObject({ status: 'estimate', value: 1800, source: 'backup' });
        const [gap] = workspace.withCode('rpo-gap');
        expect(gap.message).toContain('30m');
        expect(gap.message).toContain('20m');
    });

    it('ignores stateless workloads, whatever they declare', async () => {
        const workspace = await buildWorkspace(healthyEdited(
            ['workloads.drplan', `stateless
  recovery-time 15m tested 2026-10-01`, `stateless
  replication asr every 1h
  recovery-time 15m tested 2026-10-01
  recovery-point 1h tested 2026-10-01`],
        ));
        expect(workspace.all()).toEqual([]);
        const sales = workspace.analysis.processes.get(workspace.element('Sales') as never)!;
        expect(sales.recoveryPoint.value).toBe(300);
    });

    it('counts the recovery point of an upstream process (input … from)', async () => {
        const workspace = await buildWorkspace(healthyEdited(
            ['processes.drplan', 'rpo 15m', `rpo 15m
  input "Stock levels" from Stock`],
            ['processes.drplan', 'process Sales', `process Stock "Stock" {
  criticality critical
  rto 1h
  workloads Ledger
}
process Sales`],
            ['workloads.drplan', 'workload App', `workload Ledger "Ledger" {
  runs-at Primary
  failover-to Cloud
  replication storage every 1h
  recovery-time 10m tested 2026-10-01
  recovery-point 1h tested 2026-10-01
}
workload App`],
        ));
        const gaps = workspace.withCode('rpo-gap');
        expect(gaps.map(d => d.element)).toEqual(['Sales']);
        expect(gaps[0].message).toContain('1h');
    });
});
