import { describe, expect, it } from 'vitest';
import { healthyEdited } from './healthy-plan.js';
import { buildWorkspace } from './workspace.js';

describe('missing-capability', () => {
    it('warns on a needed workload without a recovery time, naming the process whose RTO needs it', async () => {
        const workspace = await buildWorkspace(healthyEdited(['workloads.drplan', 'recovery-time 30m tested 2026-10-01', '']));
        const warnings = workspace.withCode('missing-capability');
        expect(warnings).toHaveLength(1);
        expect(warnings[0]).toMatchObject({ file: 'workloads.drplan', severity: 'warning', element: 'Db', text: 'Db' });
        expect(warnings[0].message).toContain('Sales');
        expect(warnings[0].message).toMatch(/recovery time/);
    });

    it('warns on a stateful workload without any recovery point (no declaration, replication or backup)', async () => {
        const workspace = await buildWorkspace(healthyEdited(['workloads.drplan', `replication asr every 5m
  recovery-time 20m tested 2026-10-01
  recovery-point 5m tested 2026-10-01`, 'recovery-time 20m tested 2026-10-01']));
        const warnings = workspace.withCode('missing-capability');
        expect(warnings.map(w => w.element)).toEqual(['Identity']);
        expect(warnings[0].message).toMatch(/recovery point/);
        expect(warnings[0].message).toContain('Sales');
    });

    it('stays silent for a stateless workload without a recovery point', async () => {
        const workspace = await buildWorkspace(healthyEdited());
        expect(workspace.analysis.capabilities.get(workspace.element('App') as never)!.point).toBeUndefined();
        expect(workspace.withCode('missing-capability')).toEqual([]);
    });

    it('stays silent when the process needing the workload has no RTO (for RT) or no RPO (for RP)', async () => {
        const noRto = await buildWorkspace(healthyEdited(
            ['workloads.drplan', 'recovery-time 30m tested 2026-10-01', ''],
            ['processes.drplan', 'rto 4h', ''],
        ));
        expect(noRto.withCode('missing-capability')).toEqual([]);
        const noRpo = await buildWorkspace(healthyEdited(
            ['workloads.drplan', `replication asr every 5m
  recovery-time 20m tested 2026-10-01
  recovery-point 5m tested 2026-10-01`, 'recovery-time 20m tested 2026-10-01'],
            ['processes.drplan', 'rpo 15m', ''],
        ));
        expect(noRpo.withCode('missing-capability')).toEqual([]);
    });

    it('stays silent for a workload no process needs', async () => {
        const workspace = await buildWorkspace(healthyEdited(['workloads.drplan', 'workload App', `workload Spare "Spare" {
  runs-at Primary
  failover-to Cloud
}
workload App`]));
        expect(workspace.withCode('missing-capability')).toEqual([]);
    });

    it('follows transitive dependencies and data holders', async () => {
        // Sales needs Archive only through Db's depends-on, and Vault only as the holder of its data.
        const workspace = await buildWorkspace(healthyEdited(
            ['workloads.drplan', 'depends-on Identity\n}', 'depends-on Identity, Archive\n}'],
            ['workloads.drplan', 'workload App', `workload Archive "Archive" {
  runs-at Primary
  failover-to Cloud
  stateless
}
workload Vault "Vault" {
  runs-at Primary
  failover-to Cloud
  backup tape every 1d
}
workload App`],
            ['resources.drplan', 'data Orders "Orders" { held-by Db vital }', `data Orders "Orders" { held-by Db vital }
data Secrets "Secrets" { held-by Vault }`],
            ['processes.drplan', 'data Orders', 'data Orders, Secrets'],
        ));
        const warnings = workspace.withCode('missing-capability');
        expect(warnings.map(w => w.element).sort()).toEqual(['Archive', 'Vault']);
    });
});
