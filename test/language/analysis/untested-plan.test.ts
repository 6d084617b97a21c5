import { describe, expect, it } from 'vitest';
import { RECOVERY_BASE, recoveryPlan } from './recovery-plan-base.js';
import { buildSnippet, edit } from './workspace.js';

describe('untested-plan', () => {
    it('warns on a recovery plan without a tested date, on its name', async () => {
        const workspace = await buildSnippet(RECOVERY_BASE + edit(recoveryPlan('  group G1 { workloads Net }'), '  tested 2026-10-01\n', ''));
        const found = workspace.withCode('untested-plan');
        expect(found).toHaveLength(1);
        expect(found[0]).toMatchObject({ severity: 'warning', element: 'Move', text: 'Move' });
        expect(found[0].message).toContain('Move');
        expect(workspace.all().map(d => d.code)).toEqual(['untested-plan']);
    });

    it('stays silent for a tested recovery plan', async () => {
        const workspace = await buildSnippet(RECOVERY_BASE + recoveryPlan('  group G1 { workloads Net }'));
        expect(workspace.all()).toEqual([]);
    });
});
