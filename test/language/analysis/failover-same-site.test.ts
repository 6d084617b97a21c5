import { describe, expect, it } from 'vitest';
import { buildSnippet } from './workspace.js';

const SITES = `
site Here "Here" { kind on-premises }
site There "There" { kind azure }
`;

async function workload(body: string) {
    return buildSnippet(`${SITES}workload W "W" {\n${body}\n}\n`);
}

describe('failover-same-site', () => {
    it('is an error on failover-to when it names the site the workload runs at', async () => {
        const workspace = await workload('  runs-at Here\n  failover-to Here\n  replication asr every 5m');
        const found = workspace.withCode('failover-same-site');
        expect(found).toHaveLength(1);
        expect(found[0]).toMatchObject({ severity: 'error', element: 'W', text: 'failover-to Here', line: 6 });
        expect(found[0].message).toContain('Here');
    });

    it('stays silent when the failover site differs', async () => {
        const workspace = await workload('  runs-at Here\n  failover-to There\n  replication asr every 5m');
        expect(workspace.all()).toEqual([]);
    });
});
