import { describe, expect, it } from 'vitest';
import { healthyEdited } from './healthy-plan.js';
import { buildWorkspace } from './workspace.js';

describe('raci-accountable', () => {
    it('is an error on a row without accountable, naming the step', async () => {
        const workspace = await buildWorkspace(healthyEdited(['plan.drplan', 'Declare: accountable Commander', 'Declare: responsible Commander']));
        const found = workspace.withCode('raci-accountable');
        expect(found).toHaveLength(1);
        expect(found[0]).toMatchObject({ file: 'plan.drplan', severity: 'error', element: 'Declare' });
        expect(found[0].text).toBe('Declare: responsible Commander');
        expect(found[0].message).toContain('Declare');
        expect(workspace.all().map(d => d.code)).toEqual(['raci-accountable']);
    });

    it('is an error on a row with two accountable roles in one list', async () => {
        const workspace = await buildWorkspace(healthyEdited(['plan.drplan', 'Declare: accountable Commander', 'Declare: accountable Commander, Operators']));
        const found = workspace.withCode('raci-accountable');
        expect(found.map(d => d.element)).toEqual(['Declare']);
        expect(found[0].message).toContain('Commander');
        expect(found[0].message).toContain('Operators');
    });

    it('is an error on a row that says accountable twice', async () => {
        const workspace = await buildWorkspace(healthyEdited(['plan.drplan', 'Declare: accountable Commander', 'Declare: accountable Commander accountable Operators']));
        expect(workspace.withCode('raci-accountable').map(d => d.element)).toEqual(['Declare']);
    });

    it('names a manual action of a recovery plan as the element', async () => {
        const workspace = await buildWorkspace(healthyEdited(['plan.drplan', 'CheckDb: accountable Operators', 'CheckDb: consulted Operators']));
        const found = workspace.withCode('raci-accountable');
        expect(found.map(d => [d.element, d.file])).toEqual([['CheckDb', 'plan.drplan']]);
    });
});

describe('raci-missing', () => {
    it('warns on a step of a plan with a raci block that has no row, on the step\'s name', async () => {
        const workspace = await buildWorkspace(healthyEdited(['plan.drplan', '    Review: accountable Commander\n', '']));
        const found = workspace.withCode('raci-missing');
        expect(found).toHaveLength(1);
        expect(found[0]).toMatchObject({ file: 'plan.drplan', severity: 'warning', element: 'Review', text: 'Review' });
        expect(found[0].message).toContain('Review');
        expect(workspace.all().map(d => d.code)).toEqual(['raci-missing']);
    });

    it('warns on a manual action of an executed recovery plan, in the recovery plan\'s file', async () => {
        const workspace = await buildWorkspace(healthyEdited(['plan.drplan', '    CheckDb: accountable Operators\n', '']));
        const found = workspace.withCode('raci-missing');
        expect(found.map(d => [d.file, d.element, d.text])).toEqual([['failover.drplan', 'CheckDb', 'CheckDb']]);
    });

    it('does not ask for rows for scripts and automation', async () => {
        const workspace = await buildWorkspace(healthyEdited(['failover.drplan', 'workloads App', `workloads App
    after { automation Warm "rb-warm" takes 5m }`]));
        expect(workspace.all()).toEqual([]);
    });

    it('stays silent for a plan without a raci block', async () => {
        const workspace = await buildWorkspace(healthyEdited(['plan.drplan', `  raci {
    Watch: accountable Operators
    Declare: accountable Commander
    Assess: accountable Commander responsible Operators
    CheckDb: accountable Operators
    Verify: accountable Commander informed Operators
    Review: accountable Commander
  }
`, '']));
        expect(workspace.all()).toEqual([]);
    });

    it('does not ask for rows for manual actions of recovery plans the plan does not execute', async () => {
        const workspace = await buildWorkspace(healthyEdited(['failover.drplan', 'recovery-plan Failover', `recovery-plan Drill "Drill" {
  from Primary to Cloud
  tested 2026-10-01
  group Only {
    workloads Identity
    after { manual Inspect "Inspect" by Operators takes 5m }
  }
}
recovery-plan Failover`]));
        expect(workspace.withCode('raci-missing')).toEqual([]);
    });
});
