import { describe, expect, it } from 'vitest';
import type { Process } from '../../../packages/language/src/model/plan-model.js';
import { buildSnippet } from './workspace.js';

const SITES = `
site OnPrem "On-premises" { kind on-premises }
site Colo "Colocation" { kind colocation }
site Other "Other" { kind other }
site Azure "Azure" { kind azure }
site Aws "AWS" { kind aws }
site Gcp "GCP" { kind gcp }
`;

/** The DR model of process P needing the given workloads. */
async function drModel(workloads: string, needs: string): Promise<string> {
    const workspace = await buildSnippet(`${SITES}${workloads}\nprocess P "P" { workloads ${needs} }\n`);
    return workspace.analysis.processes.get(workspace.element('P') as Process)!.drModel;
}

describe('the cloud DR model of a process (§3.6)', () => {
    it('private-only: data, failover and backups all private (on-premises, colocation, other; non-Azure backups)', async () => {
        expect(await drModel(`
workload A "A" { runs-at OnPrem failover-to Colo backup tape every 1d }
workload B "B" { runs-at Colo failover-to Other backup dpm every 1d }
`, 'A, B')).toBe('private-only');
    });

    it('private-only also when failover and backups are absent', async () => {
        expect(await drModel('workload A "A" { runs-at OnPrem }', 'A')).toBe('private-only');
    });

    it('public-only: data, failover and backups all public (azure, aws, gcp; azure-backup)', async () => {
        expect(await drModel(`
workload A "A" { runs-at Azure failover-to Aws backup azure-backup every 1d }
workload B "B" { runs-at Gcp failover-to Azure backup azure-backup every 1d }
`, 'A, B')).toBe('public-only');
    });

    it('hybrid-low: data and backups private, failover public', async () => {
        expect(await drModel('workload A "A" { runs-at OnPrem failover-to Azure backup vss every 1d }', 'A')).toBe('hybrid-low');
    });

    it('hybrid-medium: data private, backups and failover public', async () => {
        expect(await drModel('workload A "A" { runs-at OnPrem failover-to Azure backup azure-backup every 1d }', 'A')).toBe('hybrid-medium');
    });

    it('hybrid-high: data in private and public sites, backups and failover public', async () => {
        expect(await drModel(`
workload A "A" { runs-at OnPrem failover-to Azure backup azure-backup every 1d }
workload B "B" { runs-at Aws failover-to Azure backup azure-backup every 1d }
`, 'A, B')).toBe('hybrid-high');
    });

    it('hybrid-other: any other mix (public data failing over to a private site)', async () => {
        expect(await drModel('workload A "A" { runs-at Azure failover-to OnPrem backup tape every 1d }', 'A')).toBe('hybrid-other');
        // Private data, failover to both sides.
        expect(await drModel(`
workload A "A" { runs-at OnPrem failover-to Azure backup azure-backup every 1d }
workload B "B" { runs-at OnPrem failover-to Colo backup azure-backup every 1d }
`, 'A, B')).toBe('hybrid-other');
    });

    it('does not count where a stateless workload runs as where data lives', async () => {
        // A stateless front end in Azure does not make OnPrem data "both".
        expect(await drModel(`
workload Db "Db" { runs-at OnPrem failover-to Azure backup azure-backup every 1d }
workload Web "Web" { runs-at Aws failover-to Azure stateless depends-on Db }
`, 'Web')).toBe('hybrid-medium');
    });

    it('classifies over every needed workload, transitive dependencies included', async () => {
        expect(await drModel(`
workload Db "Db" { runs-at Azure failover-to Aws backup azure-backup every 1d }
workload App "App" { runs-at OnPrem failover-to Azure backup azure-backup every 1d depends-on Db }
`, 'App')).toBe('hybrid-high');
    });

    it('raises no diagnostic of its own', async () => {
        const workspace = await buildSnippet(`${SITES}workload A "A" { runs-at Azure failover-to OnPrem backup tape every 1d }\nprocess P "P" { workloads A }\n`);
        expect(workspace.all()).toEqual([]);
    });
});
