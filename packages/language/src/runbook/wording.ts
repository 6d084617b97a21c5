import { formatDuration, formatOffset } from '../analysis/duration.js';
import type { FailoverType, PhaseName } from '../model/plan-model.js';
import type { Runbook, RunbookEvidence, RunbookFailover, RunbookGap, RunbookObjective, RunbookStep } from './build-runbook.js';

/**
 * The words the Markdown and HTML runbooks share, as plain text (each renderer escapes it for its
 * context), so that both say the same thing.
 */

export const PHASE_TITLES: Readonly<Record<PhaseName, string>> = {
    watch: 'Watch', mobilize: 'Mobilize', assess: 'Assess', stabilize: 'Stabilize', close: 'Close',
};

export const PHASE_PURPOSES: Readonly<Record<PhaseName, string>> = {
    watch: 'Before the disaster is declared: watch for the signs. Not counted in the recovery time.',
    mobilize: 'Declare the disaster and assemble the response team. Counted in the lead time.',
    assess: 'Find out what is lost and decide how to recover. Counted in the lead time.',
    stabilize: 'Fail over and bring the processes back. Recovery plans run their groups in order.',
    close: 'After the processes are back: wrap up and learn.',
};

export const FAILOVER_TITLES: Readonly<Record<FailoverType, string>> = {
    planned: 'planned failover', unplanned: 'unplanned failover', test: 'test failover',
};

/** `an unplanned failover`, `a test failover` */
export function aFailover(failover: FailoverType): string {
    return `${failover === 'unplanned' ? 'an' : 'a'} ${FAILOVER_TITLES[failover]}`;
}

/** `T+1:00`, or `—` when there is no time (a watch step). */
export function offset(seconds: number | null): string {
    return seconds === null ? '—' : formatOffset(seconds);
}

/** `T+0:00 → T+1:00`, or `before T+0` for a watch step. */
export function span(start: number | null, end: number | null): string {
    return start === null || end === null ? 'before T+0' : `${formatOffset(start)} → ${formatOffset(end)}`;
}

/** `1h (30m as written, at 50% staff effectiveness)` for manual work slowed by the policy; `5m` otherwise. */
export function plannedDuration(step: RunbookStep, runbook: Runbook): string {
    if (step.phase === 'watch' && step.duration === 0) {
        return 'ongoing';
    }
    const planned = formatDuration(step.duration);
    const manual = step.kind === 'step' || step.kind === 'manual';
    if (manual && runbook.policy.staffEffectiveness !== 100 && step.duration !== step.declaredDuration) {
        return `${planned} (${formatDuration(step.declaredDuration)} as written)`;
    }
    return planned;
}

/** What to do: the step's title, the manual instruction, or the script or runbook to run and where. */
export function stepHeading(step: RunbookStep): string {
    const where = step.runsOn ? ` on the ${step.runsOn} site` : '';
    switch (step.kind) {
        case 'step': return step.title ?? step.id;
        case 'group': return `Group ${step.id}${step.title ? `: ${step.title}` : ''}`;
        case 'manual': return step.title ?? step.id;
        case 'script': return `Run the script ${step.title ?? step.id}${where}`;
        case 'automation': return `Start the automation runbook ${step.title ?? step.id}${where}`;
    }
}

/** What kind of action it is and when it runs: `script · before the workloads · only for planned, unplanned failovers`. */
export function actionContext(step: RunbookStep): string {
    const only = step.only ? ` · only for ${step.only.join(', ')} failovers` : '';
    return `${step.kind} · ${step.position ?? 'after'} the workloads${only}`;
}

export function roles(step: RunbookStep, runbook: Runbook): string {
    const parts: string[] = [];
    const accountable = accountableRole(step, runbook);
    if (step.responsible) parts.push(`Responsible: ${step.responsible}`);
    if (accountable) parts.push(`Accountable: ${accountable}`);
    if (!step.responsible && (step.kind === 'script' || step.kind === 'automation')) parts.push('Runs unattended');
    return parts.join(' · ');
}

/**
 * The accountable role, or what is wrong with it when the plan has a RACI block: `nobody` (no row, or a
 * row without one) or `unclear: CIO, OpsLead` (several). Undefined when there is nothing to say.
 */
export function accountableRole(step: RunbookStep, runbook: Runbook): string | undefined {
    if (step.accountable) {
        return step.accountable;
    }
    if (!runbook.raci.declared || step.kind === 'group') {
        return undefined;
    }
    const row = runbook.raci.rows.find(candidate => candidate.activity === step.id);
    if (row && row.accountable.length > 1) {
        return `unclear: ${row.accountable.join(', ')}`;
    }
    return step.kind === 'step' || step.kind === 'manual' ? 'nobody' : undefined;
}

/** `Seattle → AzureWestUS2` */
export function sites(failover: RunbookFailover): string {
    return `${failover.from ?? 'no site'} → ${failover.to ?? 'no failover site'}`;
}

/** `RT 1h, proven (tested 2026-09-12)`, `RT 45m, estimate`, `RT unknown (counts as 0)` */
export function failoverCapability(failover: RunbookFailover): string {
    if (failover.recoveryTime === null) {
        return 'RT unknown (counts as 0)';
    }
    return `RT ${formatDuration(failover.recoveryTime)}, ${capabilityEvidence(failover)}`;
}

/** `proven (tested 2026-09-12)`, `estimate`, `unknown (counts as 0)` */
export function capabilityEvidence(failover: RunbookFailover): string {
    return failover.capability === 'proven' ? `proven${failover.tested ? ` (tested ${failover.tested})` : ''}`
        : failover.capability === 'estimate' ? 'estimate' : 'unknown (counts as 0)';
}

export function failoverTimes(failover: RunbookFailover): string {
    return `started ${offset(failover.started)}, ready ${offset(failover.ready)}`
        + (failover.waitsFor ? ` (waits for ${failover.waitsFor})` : '');
}

/** `5h20m`, `≥ 5h20m` for a lower bound. */
export function rollUp(value: number, complete: boolean): string {
    return `${complete ? '' : '≥ '}${formatDuration(value)}`;
}

/** `proven`, `estimate: OrderDb`, `lower bound: DispensingGateway unknown` */
export function evidence(evidence: RunbookEvidence): string {
    if (!evidence.complete) {
        return `lower bound: ${evidence.unknown.join(', ')} unknown`
            + (evidence.estimates.length > 0 ? `; estimate: ${evidence.estimates.join(', ')}` : '');
    }
    if (evidence.proven) {
        return 'proven';
    }
    return evidence.estimates.length > 0 ? `estimate: ${evidence.estimates.join(', ')}` : 'estimate';
}

/** `5h20m (proven) ✗ missed by 1h20m`: the recovery time against the RTO, or the recovery point against the RPO. */
export function objectiveResult(objective: RunbookObjective, which: 'time' | 'point'): string {
    const value = which === 'time' ? objective.recoveryTime : objective.recoveryPoint;
    const target = which === 'time' ? objective.rto : objective.rpo;
    const met = which === 'time' ? objective.rtoMet : objective.rpoMet;
    const rollUpEvidence = objective[which];
    const verdictText = met === null || target === null ? `· no ${which === 'time' ? 'RTO' : 'RPO'}`
        : met ? '✓ met' : `✗ missed by ${formatDuration(value - target)}`;
    return `${rollUp(value, rollUpEvidence.complete)} (${evidence(rollUpEvidence)}) ${verdictText}`;
}

/** `Declare 1h → Damage 1h30m → … → OrderApp 45m` */
export function criticalPath(objective: RunbookObjective): string {
    return objective.criticalPath.map(step => `${step.name} ${formatDuration(step.duration)}`).join(' → ');
}

/** `processes.drplan:10:3` */
export function gapPlace(gap: RunbookGap): string {
    return `${gap.file}:${gap.line}:${gap.column}`;
}

/** `1 error and 6 warnings` */
export function gapCount(gaps: readonly RunbookGap[]): string {
    const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    const errors = gaps.filter(gap => gap.severity === 'error').length;
    const warnings = gaps.filter(gap => gap.severity === 'warning').length;
    const infos = gaps.length - errors - warnings;
    return `${count(errors, 'error')} and ${count(warnings, 'warning')}${infos > 0 ? ` (and ${count(infos, 'info')})` : ''}`;
}

/** When each covered process is expected back, in time order: the milestones of the response. */
export function milestones(runbook: Runbook): RunbookObjective[] {
    return [...runbook.objectives].sort((a, b) => a.recoveryTime - b.recoveryTime);
}

export function milestoneText(objective: RunbookObjective): string {
    const rto = objective.rto === null ? 'no RTO'
        : `RTO ${formatOffset(objective.rto)}: ${objective.rtoMet ? 'met' : `missed by ${formatDuration(objective.recoveryTime - objective.rto)}`}`;
    return `${objective.process} is back at ${formatOffset(objective.recoveryTime)}${objective.complete ? '' : ' at the earliest'} (${rto})`;
}
