import { describe, expect, it } from 'vitest';
import { RECOVERY_BASE, recoveryPlan } from './recovery-plan-base.js';
import { buildSnippet } from './workspace.js';

async function missing(groups: string) {
    const workspace = await buildSnippet(RECOVERY_BASE + recoveryPlan(groups) + `
workload Front "Front" { runs-at Primary failover-to Cloud stateless recovery-time 1m estimated depends-on Remote, Local }
`);
    return workspace.withCode('missing-from-plan');
}

describe('missing-from-plan', () => {
    it('warns on a member that directly depends on a workload at the from site that no group fails over', async () => {
        const found = await missing('  group G1 { workloads Db }');
        expect(found).toHaveLength(1);
        expect(found[0]).toMatchObject({ severity: 'warning', element: 'Db', text: 'Db' });
        expect(found[0].message).toContain('Net');
        expect(found[0].message).toContain('Primary');
        expect(found[0].message).toContain('Move');
    });

    it('stays silent when the dependency is failed over in any group of the plan', async () => {
        expect(await missing('  group G1 { workloads Net }\n  group G2 { workloads Db }')).toEqual([]);
    });

    it('stays silent for a dependency at another site', async () => {
        // Front depends on Remote (Secondary) and on Local (Primary): only Local is reported.
        const found = await missing('  group G1 { workloads Front }');
        expect(found.map(d => [d.element, d.message.includes('Local'), d.message.includes('Remote')]))
            .toEqual([['Front', true, false]]);
    });

    it('looks at direct dependencies only', async () => {
        // App depends on Db and Net directly: both missing; Cache depends on App only, which is in the plan.
        const found = await missing('  group G1 { workloads App }\n  group G2 { workloads Cache }');
        expect(found.map(d => d.element)).toEqual(['App', 'App']);
        expect(found.map(d => d.message).join(' ')).toContain('Db');
        expect(found.map(d => d.message).join(' ')).toContain('Net');
    });
});
