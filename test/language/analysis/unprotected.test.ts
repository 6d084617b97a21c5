import { describe, expect, it } from 'vitest';
import { buildSnippet } from './workspace.js';

const SITES = `
site Here "Here" { kind on-premises }
site There "There" { kind azure }
`;

async function workload(body: string) {
    return buildSnippet(`${SITES}workload W "W" {\n${body}\n}\n`);
}

describe('unprotected', () => {
    it('warns on a stateful workload with no replication, no backup and no failover site, on its name', async () => {
        const workspace = await workload('  runs-at Here');
        const found = workspace.withCode('unprotected');
        expect(found).toHaveLength(1);
        expect(found[0]).toMatchObject({ severity: 'warning', element: 'W', text: 'W', line: 4 });
        expect(found[0].message).toContain('W');
    });

    it('stays silent for a stateless workload', async () => {
        expect((await workload('  runs-at Here\n  stateless')).all()).toEqual([]);
    });

    it('stays silent with any one of replication, backup or failover site', async () => {
        for (const protection of ['replication storage every 1h', 'backup tape every 1w retain 52w', 'failover-to There']) {
            const workspace = await workload(`  runs-at Here\n  ${protection}`);
            expect(workspace.withCode('unprotected'), protection).toEqual([]);
        }
    });

    it('does not count native availability or several instances as protection', async () => {
        const workspace = await workload('  runs-at Here\n  instances 3\n  native-availability "Cluster"');
        expect(workspace.withCode('unprotected').map(d => d.element)).toEqual(['W']);
    });
});
