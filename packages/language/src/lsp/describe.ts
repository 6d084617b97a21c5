import { formatIsoDate } from '../analysis/date.js';
import { formatDuration } from '../analysis/duration.js';
import type { Analysis, Capability, ProcessResult, RollUp } from '../analysis/types.js';
import { escapeMarkdown as md } from '../escape-markdown.js';
import type { Process, Workload } from '../model/plan-model.js';

/**
 * Sentences about the analysis's conclusions, shared by hover and code lens so both say the same.
 */

/** `5h20m`, `≥ 5h20m` when some capability was unknown. */
export function rollUpValue(rollUp: RollUp): string {
    return `${rollUp.complete ? '' : '≥ '}${formatDuration(rollUp.value)}`;
}

/** `recovers in 5h20m ✗ RTO 4h · RP 30s ✓ RPO 15m` */
export function objectivesLens(result: ProcessResult): string {
    const { process, worst, recoveryPoint } = result;
    const time = `recovers in ${rollUpValue(worst.recoveryTime)}`
        + (process.rto !== undefined ? ` ${result.rtoMet ? '✓' : '✗'} RTO ${formatDuration(process.rto)}` : '');
    const point = `RP ${rollUpValue(recoveryPoint)}`
        + (process.rpo !== undefined ? ` ${result.rpoMet ? '✓' : '✗'} RPO ${formatDuration(process.rpo)}` : '');
    return `${time} · ${point}`;
}

export function describeCapability(capability: Capability | undefined): string {
    if (!capability) {
        return 'none (stateless)';
    }
    if (capability.status === 'unknown' || capability.value === undefined) {
        return 'unknown';
    }
    const value = formatDuration(capability.value);
    switch (capability.source) {
        case 'tested':
            if (!capability.tested) {
                return `${value}, estimate (its test date does not exist)`;
            }
            return capability.stale === 'old' ? `${value}, estimate (last tested ${formatIsoDate(capability.tested)}: too long ago)`
                : capability.stale === 'future' ? `${value}, estimate (test dated ${formatIsoDate(capability.tested)}: in the future)`
                    : `${value}, proven (tested ${formatIsoDate(capability.tested)})`;
        case 'replication':
            return `${value}, estimate (replication interval)`;
        case 'backup':
            return `${value}, estimate (backup interval)`;
        default:
            return `${value}, estimate`;
    }
}

/** The cell's word; the names behind an estimate or a lower bound are listed under the table. */
function status(rollUp: RollUp): string {
    return rollUp.proven ? 'proven' : rollUp.complete ? 'estimate' : 'lower bound';
}

export function processHover(analysis: Analysis, process: Process): string {
    const result = analysis.processes.get(process);
    if (!result) {
        return `**${md(process.name)}**`;
    }
    const { worst, recoveryPoint } = result;
    const lines = [
        `**${md(process.name)}**${process.title ? ` — ${md(process.title)}` : ''} *(process, ${result.criticality})*`,
        '',
        '| | objective | computed | |',
        '|---|---|---|---|',
        `| Recovery time | ${process.rto !== undefined ? `RTO ${formatDuration(process.rto)}` : '—'} | `
            + `${rollUpValue(worst.recoveryTime)} (${status(worst.recoveryTime)}) | ${mark(result.rtoMet)} |`,
        `| Recovery point | ${process.rpo !== undefined ? `RPO ${formatDuration(process.rpo)}` : '—'} | `
            + `${rollUpValue(recoveryPoint)} (${status(recoveryPoint)}) | ${mark(result.rpoMet)} |`,
        '',
        worst.plan ? `Under plan **${md(worst.plan.name)}**` + (result.evaluations.length > 1
            ? ` (the worst of ${result.evaluations.map(e => `${md(e.plan?.name ?? '')}: ${rollUpValue(e.recoveryTime)}`).join(', ')})`
            : '') + '.' : 'No plan covers this process: recovery starts at once (lead time 0).',
    ];
    if (worst.criticalPath.length > 0) {
        lines.push('', `Critical path: ${worst.criticalPath.map(step => `${md(step.name)} ${formatDuration(step.duration)}`).join(' → ')}`);
    }
    const unproven = [...new Set([...worst.recoveryTime.estimates, ...recoveryPoint.estimates])];
    if (unproven.length > 0) {
        lines.push('', `Estimates: ${unproven.map(md).join(', ')}`);
    }
    const unknown = [...new Set([...worst.recoveryTime.unknown, ...recoveryPoint.unknown])];
    if (unknown.length > 0) {
        lines.push('', `Unknown (counted as 0): ${unknown.map(md).join(', ')}`);
    }
    lines.push('', `DR model: ${result.drModel}`);
    return lines.join('\n');
}

export function workloadHover(analysis: Analysis, workload: Workload): string {
    const capabilities = analysis.capabilities.get(workload);
    const neededBy = [...analysis.processes.values()].filter(result => result.needs.includes(workload))
        .map(result => result.process.name);
    const placement = [
        workload.runsAt ? `runs at ${md(workload.runsAt.name)}` : 'no `runs-at` site',
        workload.failoverTo ? `fails over to ${md(workload.failoverTo.name)}` : 'no failover site',
        `${workload.instances} instance${workload.instances === 1 ? '' : 's'}`,
    ];
    const lines = [
        `**${md(workload.name)}**${workload.title ? ` — ${md(workload.title)}` : ''} *(workload${workload.workloadKind ? `, ${workload.workloadKind}` : ''})*`,
        '',
        `- Recovery time: ${describeCapability(capabilities?.time)}`,
        `- Recovery point: ${workload.stateless ? 'none (stateless)' : describeCapability(capabilities?.point)}`,
        `- ${placement.join(', ')}`,
    ];
    // A method the parser lost is left out rather than shown as `undefined`.
    const method = (protection: { readonly method?: string }) => protection.method !== undefined ? `${protection.method} ` : '';
    if (workload.replication) {
        lines.push(`- Replication: ${method(workload.replication)}every ${formatDuration(workload.replication.interval)}`);
    }
    if (workload.backup) {
        lines.push(`- Backup: ${method(workload.backup)}every ${formatDuration(workload.backup.interval)}`
            + (workload.backup.retention !== undefined ? `, kept ${formatDuration(workload.backup.retention)}` : ''));
    }
    lines.push('', neededBy.length > 0 ? `Needed by: ${neededBy.map(md).join(', ')}` : 'No process needs it.');
    return lines.join('\n');
}

function mark(met: boolean | undefined): string {
    return met === undefined ? '' : met ? '✓ met' : '✗ gap';
}
