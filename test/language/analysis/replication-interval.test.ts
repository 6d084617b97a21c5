import { describe, expect, it } from 'vitest';
import { buildSnippet } from './workspace.js';

const SITES = `
site Here "Here" { kind on-premises }
site There "There" { kind azure }
`;

async function workload(body: string) {
    return buildSnippet(`${SITES}workload W "W" {\n${body}\n}\n`);
}

describe('replication-interval', () => {
    it('is an error on the interval of hyper-v-replica when it is not 30s, 5m or 15m, naming the allowed ones', async () => {
        const workspace = await workload('  runs-at Here\n  replication hyper-v-replica every 1m');
        const found = workspace.withCode('replication-interval');
        expect(found).toHaveLength(1);
        expect(found[0]).toMatchObject({ severity: 'error', element: 'W', line: 6 });
        expect(found[0].text).toMatch(/1m$/);
        expect(found[0].message).toContain('1m');
        expect(found[0].message).toContain('30s');
        expect(found[0].message).toContain('5m');
        expect(found[0].message).toContain('15m');
    });

    it('accepts 30s, 5m and 15m, however written', async () => {
        for (const interval of ['30s', '5m', '15m', '300s', '14m60s']) {
            const workspace = await workload(`  runs-at Here\n  replication hyper-v-replica every ${interval}`);
            expect(workspace.withCode('replication-interval'), interval).toEqual([]);
        }
    });

    it('does not apply to other replication methods', async () => {
        for (const method of ['asr', 'sql-always-on', 'storage', 'log-shipping', 'other']) {
            const workspace = await workload(`  runs-at Here\n  replication ${method} every 1m`);
            expect(workspace.withCode('replication-interval'), method).toEqual([]);
        }
    });
});
