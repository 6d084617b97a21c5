import { describe, expect, it } from 'vitest';
import { RECOVERY_BASE, recoveryPlan } from './recovery-plan-base.js';
import { buildSnippet } from './workspace.js';

async function mismatches(groups: string, fromTo?: string) {
    const workspace = await buildSnippet(RECOVERY_BASE + recoveryPlan(groups, fromTo));
    return workspace.withCode('plan-site-mismatch');
}

describe('plan-site-mismatch', () => {
    it('stays silent when members run at the from site and fail over to the to site', async () => {
        expect(await mismatches('  group G1 { workloads Net }')).toEqual([]);
    });

    it('is an error on a member that runs at another site, naming both sites', async () => {
        const found = await mismatches('  group G1 { workloads Net, Remote }');
        expect(found).toHaveLength(1);
        expect(found[0]).toMatchObject({ severity: 'error', element: 'Remote', text: 'Remote' });
        expect(found[0].message).toContain('Secondary');
        expect(found[0].message).toContain('Primary');
    });

    it('is an error on a member without failover-to', async () => {
        const found = await mismatches('  group G1 { workloads Local }');
        expect(found.map(d => d.element)).toEqual(['Local']);
        expect(found[0].message).toContain('Cloud');
    });

    it('is an error on a member that fails over to another site than the plan\'s to', async () => {
        const found = await mismatches('  group G1 { workloads Net }', 'from Primary to Secondary');
        expect(found.map(d => d.element)).toEqual(['Net']);
        expect(found[0].message).toContain('Cloud');
        expect(found[0].message).toContain('Secondary');
    });
});
