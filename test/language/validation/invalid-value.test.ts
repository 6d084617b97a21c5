import { describe, expect, it } from 'vitest';
import { buildSnippet, edit } from '../analysis/workspace.js';

const BASE = `
site Here "Here" { kind on-premises }
site There "There" { kind azure }
person P1 "P1" { }
person P2 "P2" { }
role Ops "Ops" { filled-by P1, P2 }
workload Db "Db" {
  runs-at Here
  failover-to There
  stateless
  recovery-time 1h tested 2026-10-01
}
process Orders "Orders" {
  rto 4h
  workloads Db
}
recovery-plan Move "Move" {
  from Here to There
  tested 2026-10-01
  group G1 { workloads Db }
}
plan Response "Response" {
  covers Orders
  policy { staff-effectiveness 50% }
  response {
    mobilize { step Declare "Declare" by Ops takes 30m }
    stabilize { execute Move }
  }
}
`;

describe('invalid-value', () => {
    it('the base snippet is valid: no diagnostic', async () => {
        expect((await buildSnippet(BASE)).all()).toEqual([]);
    });

    it('is an error on an impossible test date of a workload, which then counts as an estimate', async () => {
        const workspace = await buildSnippet(edit(BASE, 'recovery-time 1h tested 2026-10-01', 'recovery-time 1h tested 2026-02-30'));
        const found = workspace.withCode('invalid-value');
        expect(found).toHaveLength(1);
        expect(found[0]).toMatchObject({ severity: 'error', element: 'Db', line: 11 });
        expect(found[0].text).toMatch(/2026-02-30$/);
        expect(found[0].message).toContain('2026-02-30');
        expect(workspace.analysis.capabilities.get(workspace.element('Db') as never)!.time.status).toBe('estimate');
        // Met, but on an estimate now.
        expect(workspace.withCode('unproven').map(d => d.element)).toEqual(['Orders']);
        expect(workspace.withCode('stale-test')).toEqual([]);
    });

    it('knows leap years: 2026-02-29 does not exist, 2028-02-29 does (in the future: stale-test, not invalid-value)', async () => {
        const notLeap = await buildSnippet(edit(BASE, 'tested 2026-10-01\n  group', 'tested 2026-02-29\n  group'));
        expect(notLeap.withCode('invalid-value').map(d => d.element)).toEqual(['Move']);
        const leap = await buildSnippet(edit(BASE, 'tested 2026-10-01\n  group', 'tested 2028-02-29\n  group'));
        expect(leap.withCode('invalid-value')).toEqual([]);
        expect(leap.withCode('stale-test').map(d => d.element)).toEqual(['Move']);
    });

    it('is an error on an impossible recovery-plan date, naming the recovery plan', async () => {
        const workspace = await buildSnippet(edit(BASE, 'tested 2026-10-01\n  group', 'tested 2026-13-01\n  group'));
        const found = workspace.withCode('invalid-value');
        expect(found).toHaveLength(1);
        expect(found[0]).toMatchObject({ element: 'Move', line: 19 });
        expect(found[0].text).toMatch(/2026-13-01$/);
    });

    it('is an error on a percentage outside 1–100, which then counts as 100%', async () => {
        for (const percentage of ['0%', '101%', '150%']) {
            const workspace = await buildSnippet(edit(BASE, 'staff-effectiveness 50%', `staff-effectiveness ${percentage}`));
            const found = workspace.withCode('invalid-value');
            expect(found, percentage).toHaveLength(1);
            expect(found[0], percentage).toMatchObject({ severity: 'error', element: 'Response' });
            expect(found[0].text, percentage).toMatch(new RegExp(`${percentage}$`));
            // Declare 30m at 100%, then Db 1h: 1h30m.
            const orders = [...workspace.analysis.processes.values()][0];
            expect(orders.worst.recoveryTime.value, percentage).toBe(90 * 60);
        }
    });

    it('accepts 1% and 100%', async () => {
        for (const percentage of ['1%', '100%']) {
            const workspace = await buildSnippet(edit(BASE, 'staff-effectiveness 50%', `staff-effectiveness ${percentage}`));
            expect(workspace.withCode('invalid-value'), percentage).toEqual([]);
        }
        const slow = await buildSnippet(edit(BASE, 'staff-effectiveness 50%', 'staff-effectiveness 1%'));
        // Declare 30m at 1% takes 50h.
        expect([...slow.analysis.processes.values()][0].worst.recoveryTime.value).toBe(50 * 3600 + 3600);
    });

    it('is an error on rto 0s, which then counts as no RTO (no rto-gap, no unproven)', async () => {
        const workspace = await buildSnippet(edit(edit(BASE, 'rto 4h', 'rto 0s'), 'tested 2026-10-01\n}', 'estimated\n}'));
        const found = workspace.withCode('invalid-value');
        expect(found).toHaveLength(1);
        expect(found[0]).toMatchObject({ severity: 'error', element: 'Orders' });
        expect(found[0].text).toMatch(/0s$/);
        expect(workspace.all().map(d => d.code)).toEqual(['invalid-value']);
        expect([...workspace.analysis.processes.values()][0].rtoMet).toBeUndefined();
    });

    it('accepts rpo 0s (zero data loss is a requirement, not an impossible value)', async () => {
        const workspace = await buildSnippet(edit(BASE, 'rto 4h', 'rto 4h\n  rpo 0s'));
        expect(workspace.withCode('invalid-value')).toEqual([]);
    });

    it('accepts 0s durations for steps and capabilities', async () => {
        const workspace = await buildSnippet(edit(BASE, 'takes 30m', 'takes 0s'));
        expect(workspace.all()).toEqual([]);
    });
});
