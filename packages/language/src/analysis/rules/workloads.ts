import { formatIsoDate } from '../date.js';
import { formatDuration } from '../duration.js';
import { testStaleness } from '../capability.js';
import type { DeclaredCapability, SourceLocation } from '../../model/plan-model.js';
import type { Rule } from './rule.js';

/** The only intervals Hyper-V Replica offers. */
export const HYPER_V_INTERVALS = [30, 300, 900] as const;

/** stale-test: a `tested` date older than `test-validity` or in the future (workloads and recovery plans). */
export const checkStaleTests: Rule = (context, report) => {
    const { asOf } = context.options;
    const evaluated = formatIsoDate(asOf);
    const check = (element: string, what: string, tested: Date | undefined, at: SourceLocation | undefined) => {
        if (!tested || !at) {
            return;
        }
        const stale = testStaleness(tested, asOf, context.testValidity);
        if (stale) {
            report({
                code: 'stale-test', severity: 'warning', element, location: at,
                message: stale === 'future'
                    ? `${what} of ${element} is dated ${formatIsoDate(tested)}, after the evaluation date `
                        + `${evaluated}: a test that has not happened proves nothing`
                    : `${what} of ${element} was last tested on ${formatIsoDate(tested)}, more than `
                        + `${formatDuration(context.testValidity)} before ${evaluated}: it counts as an estimate`,
                data: { stale },
            });
        }
    };
    const capability = (element: string, what: string, declared: DeclaredCapability | undefined) =>
        check(element, what, declared?.tested, declared?.testedAt);
    for (const workload of context.model.workloads) {
        capability(workload.name, 'The recovery time', workload.recoveryTime);
        if (!workload.stateless) {
            capability(workload.name, 'The recovery point', workload.recoveryPoint);
        }
    }
    for (const plan of context.model.recoveryPlans) {
        check(plan.name, 'The recovery plan', plan.tested, plan.testedAt);
    }
};

/** unprotected, replication-interval and failover-same-site: how each workload is protected. */
export const checkProtection: Rule = (context, report) => {
    for (const workload of context.model.workloads) {
        if (!workload.stateless && !workload.replication && !workload.backup && !workload.failoverTo) {
            report({
                code: 'unprotected', severity: 'warning', element: workload.name, location: workload.location,
                message: `${workload.name} holds data but has no replication, no backup and no failover site`,
            });
        }
        const replication = workload.replication;
        if (replication?.method === 'hyper-v-replica'
            && !(HYPER_V_INTERVALS as readonly number[]).includes(replication.interval)) {
            const nearest = HYPER_V_INTERVALS.reduce((best, interval) =>
                Math.abs(interval - replication.interval) < Math.abs(best - replication.interval) ? interval : best);
            report({
                code: 'replication-interval', severity: 'error', element: workload.name, location: replication.intervalAt,
                message: `Hyper-V Replica replicates every 30s, 5m or 15m, not every ${formatDuration(replication.interval)}`
                    + ` (nearest: ${formatDuration(nearest)})`,
                data: { nearest: formatDuration(nearest) },
            });
        }
        if (workload.failoverTo && workload.failoverTo === workload.runsAt) {
            report({
                code: 'failover-same-site', severity: 'error', element: workload.name,
                location: workload.at.get('failover-to') ?? workload.location,
                message: `${workload.name} fails over to ${workload.failoverTo.name}, the site it already runs at: `
                    + `losing that site loses both`,
            });
        }
    }
};
