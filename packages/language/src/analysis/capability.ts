import type { DeclaredCapability, Workload } from '../model/plan-model.js';
import { secondsBetween } from './date.js';
import type { Capability, WorkloadCapabilities } from './types.js';

const UNKNOWN: Capability = { status: 'unknown', source: 'none' };

/** What a workload is known to achieve (LANGUAGE.md §3.1), as of `asOf`. */
export function workloadCapabilities(workload: Workload, asOf: Date, testValidity: number): WorkloadCapabilities {
    const time = declared(workload.recoveryTime, asOf, testValidity) ?? UNKNOWN;
    if (workload.stateless) {
        return { time };
    }
    return { time, point: declared(workload.recoveryPoint, asOf, testValidity) ?? derivedPoint(workload) };
}

function declared(capability: DeclaredCapability | undefined, asOf: Date, testValidity: number): Capability | undefined {
    if (!capability) {
        return undefined;
    }
    const { value, tested } = capability;
    if (!capability.testedAt) {
        return { status: 'estimate', value, source: 'estimated' };
    }
    if (!tested) {
        // `tested` with a date that does not exist: reported as invalid-value, counted as an estimate.
        return { status: 'estimate', value, source: 'tested' };
    }
    const stale = testStaleness(tested, asOf, testValidity);
    return { status: stale ? 'estimate' : 'proven', value, source: 'tested', tested, stale };
}

/** Why a test date proves nothing on `asOf`: it is in the future, or older than `testValidity`. */
export function testStaleness(tested: Date, asOf: Date, testValidity: number): 'old' | 'future' | undefined {
    const age = secondsBetween(tested, asOf);
    return age < 0 ? 'future' : age > testValidity ? 'old' : undefined;
}

/** Without a declared recovery point, the smallest interval of replication and backup (an estimate). */
function derivedPoint(workload: Workload): Capability {
    const { replication, backup } = workload;
    if (replication && (!backup || replication.interval <= backup.interval)) {
        return { status: 'estimate', value: replication.interval, source: 'replication' };
    }
    if (backup) {
        return { status: 'estimate', value: backup.interval, source: 'backup' };
    }
    return UNKNOWN;
}
