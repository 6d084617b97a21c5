import { describe, expect, it } from 'vitest';
import { RECOVERY_BASE, recoveryPlan } from './recovery-plan-base.js';
import { buildSnippet } from './workspace.js';

async function orderFindings(groups: string, extra = '') {
    const workspace = await buildSnippet(RECOVERY_BASE + recoveryPlan(groups) + extra);
    return workspace.withCode('failover-order');
}

describe('failover-order', () => {
    it('stays silent when every member starts in a later group than its dependencies', async () => {
        expect(await orderFindings(`
  group G1 { workloads Net }
  group G2 { workloads Db }
  group G3 { workloads App }
`)).toEqual([]);
    });

    it('is an error on a member that starts in an earlier group than a dependency, on its reference in the group', async () => {
        const groups = `
  group G1 { workloads Net }
  group G2 { workloads App }
  group G3 { workloads Db }
`;
        const found = await orderFindings(groups);
        expect(found).toHaveLength(1);
        expect(found[0]).toMatchObject({ severity: 'error', element: 'App', text: 'App' });
        const text = RECOVERY_BASE + recoveryPlan(groups);
        expect(found[0].line).toBe(text.split('\n').findIndex(line => line.includes('group G2')) + 1);
        expect(found[0].message).toContain('App');
        expect(found[0].message).toContain('Db');
        expect(found[0].message).toContain('G2');
        expect(found[0].message).toContain('G3');
    });

    it('is an error for a transitive dependency in a later group (through a workload not in the plan)', async () => {
        // Cache → App → Db: App is in no group, Db comes after Cache.
        const found = await orderFindings(`
  group G1 { workloads Net }
  group G2 { workloads Cache }
  group G3 { workloads Db }
`, '');
        const errors = found.filter(d => d.severity === 'error');
        expect(errors.map(d => d.element)).toEqual(['Cache']);
        expect(errors[0].message).toContain('Db');
    });

    it('is a warning on a member in the same group as one of its direct dependencies', async () => {
        const found = await orderFindings(`
  group G1 { workloads Net, Db }
  group G2 { workloads App }
`);
        expect(found).toHaveLength(1);
        expect(found[0]).toMatchObject({ severity: 'warning', element: 'Db', text: 'Db' });
        expect(found[0].message).toContain('Net');
        expect(found[0].message).toContain('G1');
    });

    it('gives no warning for a transitive-only dependency in the same group', async () => {
        // Cache depends on App (G1, earlier: fine) and, through it, on Db and Net in Cache's own group G2.
        const found = await orderFindings(`
  group G1 { workloads App }
  group G2 { workloads Net, Db, Cache }
`);
        // App starts before Db and Net (errors on App); Db and Net share G2 (warning on Db); nothing on Cache.
        expect(found.filter(d => d.element === 'Cache')).toEqual([]);
        expect(found.filter(d => d.severity === 'warning').map(d => d.element)).toEqual(['Db']);
        expect(found.filter(d => d.severity === 'error').map(d => d.element)).toEqual(['App', 'App']);
    });

    it('ignores dependencies that another recovery plan fails over', async () => {
        const workspace = await buildSnippet(RECOVERY_BASE
            + recoveryPlan('  group G1 { workloads App }', 'from Primary to Cloud', 'Apps')
            + recoveryPlan('  group G1 { workloads Net }\n  group G2 { workloads Db }', 'from Primary to Cloud', 'Data'));
        expect(workspace.withCode('failover-order')).toEqual([]);
    });
});
