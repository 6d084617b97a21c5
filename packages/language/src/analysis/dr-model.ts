import type { Site, Workload } from '../model/plan-model.js';
import type { DrModel } from './types.js';

type Side = 'private' | 'public';

/** Sites on-premises, colocation and other are private; azure, aws and gcp are public (§3.6). */
export function siteSide(site: Site): Side {
    return site.siteKind === 'azure' || site.siteKind === 'aws' || site.siteKind === 'gcp' ? 'public' : 'private';
}

/**
 * The cloud DR model of a process (CPIF), over the workloads it needs: where its data lives (the
 * sites of stateful workloads), where its failover goes, and where its backups are kept.
 */
export function drModel(needs: readonly Workload[]): DrModel {
    const data = new Set<Side>();
    const failover = new Set<Side>();
    const backups = new Set<Side>();
    for (const workload of needs) {
        if (!workload.stateless && workload.runsAt) {
            data.add(siteSide(workload.runsAt));
        }
        if (workload.failoverTo) {
            failover.add(siteSide(workload.failoverTo));
        }
        if (workload.backup) {
            backups.add(workload.backup.method === 'azure-backup' ? 'public' : 'private');
        }
    }
    const only = (sides: Set<Side>, side: Side) => [...sides].every(s => s === side);
    const exactly = (sides: Set<Side>, ...expected: Side[]) =>
        sides.size === expected.length && expected.every(side => sides.has(side));
    if (only(data, 'private') && only(failover, 'private') && only(backups, 'private')) {
        return 'private-only';
    }
    if (only(data, 'public') && only(failover, 'public') && only(backups, 'public')) {
        return 'public-only';
    }
    if (exactly(data, 'private') && exactly(failover, 'public') && only(backups, 'private')) {
        return 'hybrid-low';
    }
    if (exactly(data, 'private') && exactly(failover, 'public') && exactly(backups, 'public')) {
        return 'hybrid-medium';
    }
    if (exactly(data, 'private', 'public') && exactly(failover, 'public') && exactly(backups, 'public')) {
        return 'hybrid-high';
    }
    return 'hybrid-other';
}
