import { CRITICALITY_ORDER } from '../../model/plan-model.js';
import { formatDuration } from '../duration.js';
import type { ProcessResult, RollUp } from '../types.js';
import { chain, listNames, type Rule } from './rule.js';

function criticalPath(result: ProcessResult): string {
    return chain(result.worst.criticalPath, step => `${step.name} ${formatDuration(step.duration)}`);
}

function underPlan(result: ProcessResult): string {
    return result.worst.plan ? ` under plan ${result.worst.plan.name}` : '';
}

function atLeast(rollUp: RollUp): string {
    return rollUp.complete ? '' : 'at least ';
}

/** rto-gap, rpo-gap and unproven (LANGUAGE.md §3.2, §3.3, §3.5). */
export const checkObjectives: Rule = (context, report) => {
    for (const result of context.processes.values()) {
        const { process, worst, recoveryPoint } = result;
        const time = worst.recoveryTime;
        if (process.rto !== undefined) {
            if (time.value > process.rto) {
                report({
                    code: 'rto-gap', severity: 'error', element: process.name,
                    location: process.at.get('rto') ?? process.location,
                    message: `${process.name} recovers in ${atLeast(time)}${formatDuration(time.value)} but its RTO is `
                        + `${formatDuration(process.rto)}${underPlan(result)} (critical path: ${criticalPath(result)})`,
                    data: { plan: worst.plan?.name ?? null, recoveryTime: time.value, rto: process.rto },
                });
            } else if (!time.proven) {
                report({
                    code: 'unproven', severity: 'warning', element: process.name, location: process.location,
                    message: `${process.name} meets its RTO of ${formatDuration(process.rto)} only on paper: `
                        + `${atLeast(time)}${formatDuration(time.value)}${underPlan(result)} rests on `
                        + unprovenNames(time),
                    data: { objective: 'rto' },
                });
            }
        }
        if (process.rpo !== undefined) {
            if (recoveryPoint.value > process.rpo) {
                const worstWorkloads = result.needs.filter(w =>
                    (context.capabilities.get(w)?.point?.value ?? -1) === recoveryPoint.value).map(w => w.name);
                report({
                    code: 'rpo-gap', severity: 'error', element: process.name,
                    location: process.at.get('rpo') ?? process.location,
                    message: `${process.name} can lose ${atLeast(recoveryPoint)}${formatDuration(recoveryPoint.value)} of data `
                        + `but its RPO is ${formatDuration(process.rpo)}`
                        + (worstWorkloads.length > 0 ? ` (worst: ${listNames(worstWorkloads)})` : ''),
                    data: { recoveryPoint: recoveryPoint.value, rpo: process.rpo },
                });
            } else if (!recoveryPoint.proven) {
                report({
                    code: 'unproven', severity: 'warning', element: process.name, location: process.location,
                    message: `${process.name} meets its RPO of ${formatDuration(process.rpo)} only on paper: `
                        + `${atLeast(recoveryPoint)}${formatDuration(recoveryPoint.value)} rests on `
                        + unprovenNames(recoveryPoint),
                    data: { objective: 'rpo' },
                });
            }
        }
    }
};

function unprovenNames(rollUp: RollUp): string {
    const parts: string[] = [];
    if (rollUp.estimates.length > 0) {
        parts.push(`estimates for ${listNames(rollUp.estimates)}`);
    }
    if (rollUp.unknown.length > 0) {
        parts.push(`unknown capabilities of ${listNames(rollUp.unknown)} (counted as 0)`);
    }
    return parts.join(' and ');
}

/** missing-capability: a needed workload's RT (or RP, if stateful) is unknown. */
export const checkMissingCapabilities: Rule = (context, report) => {
    const missing = new Map<string, { time: string[]; point: string[] }>();
    for (const { process, needs } of context.processes.values()) {
        for (const workload of needs) {
            const capabilities = context.capabilities.get(workload);
            const timeMissing = process.rto !== undefined && capabilities?.time.status === 'unknown';
            const pointMissing = process.rpo !== undefined && capabilities?.point?.status === 'unknown';
            if (timeMissing || pointMissing) {
                let entry = missing.get(workload.name);
                if (!entry) {
                    missing.set(workload.name, entry = { time: [], point: [] });
                }
                if (timeMissing) entry.time.push(process.name);
                if (pointMissing) entry.point.push(process.name);
            }
        }
    }
    for (const workload of context.model.workloads) {
        const entry = missing.get(workload.name);
        if (!entry) {
            continue;
        }
        const parts: string[] = [];
        if (entry.time.length > 0) {
            parts.push(`no recovery time, needed for the RTO of ${listNames(entry.time)}`);
        }
        if (entry.point.length > 0) {
            parts.push(`no recovery point, needed for the RPO of ${listNames(entry.point)}`);
        }
        report({
            code: 'missing-capability', severity: 'warning', element: workload.name, location: workload.location,
            message: `${workload.name} has ${parts.join(', and ')}; the roll-up counts it as 0 (a lower bound)`,
            data: { time: entry.time.length > 0, point: entry.point.length > 0 },
        });
        missing.delete(workload.name); // a duplicated name is reported once
    }
};

/** criticality-inversion: an input comes from a less critical process, or one with a longer RTO. */
export const checkCriticalityInversion: Rule = (context, report) => {
    for (const result of context.processes.values()) {
        const { process } = result;
        for (const input of process.inputs) {
            if (input.source.kind !== 'process') {
                continue;
            }
            const upstream = context.processes.get(input.source);
            if (!upstream) {
                continue;
            }
            const reasons: string[] = [];
            if (CRITICALITY_ORDER.indexOf(upstream.criticality) < CRITICALITY_ORDER.indexOf(result.criticality)) {
                reasons.push(`${upstream.process.name} is ${upstream.criticality} but ${process.name} is ${result.criticality}`);
            }
            if (upstream.process.rto !== undefined && process.rto !== undefined && upstream.process.rto > process.rto) {
                reasons.push(`${upstream.process.name} has an RTO of ${formatDuration(upstream.process.rto)}, longer than `
                    + `${process.name}'s ${formatDuration(process.rto)}`);
            }
            if (reasons.length > 0) {
                report({
                    code: 'criticality-inversion', severity: 'warning', element: process.name, location: input.location,
                    message: `${process.name} takes ${input.description !== undefined ? `"${input.description}"` : 'input'} `
                        + `from ${upstream.process.name}, which is `
                        + `planned to recover later or with less care: ${reasons.join('; ')}`,
                });
            }
        }
    }
};
