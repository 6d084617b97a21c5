import { escapeMarkdown } from '../escape-markdown.js';
import { formatDuration, formatOffset } from '../analysis/duration.js';
import { manualDuration } from '../analysis/timeline.js';
import type { Runbook, RunbookFailover, RunbookObjective, RunbookPhase, RunbookStep } from './build-runbook.js';
import type { RunbookGapGroup } from './gap-groups.js';
import {
    actionContext, aFailover, criticalPath, failoverCapability, failoverTimes, gapCount, gapPlace, milestones,
    milestoneText, objectiveResult, PHASE_PURPOSES, PHASE_TITLES, plannedDuration, roles, rollUp, sites, span,
    stepHeading,
} from './wording.js';

export { escapeMarkdown };

const md = escapeMarkdown;

/** The runbook as GitHub-flavoured Markdown: checkbox steps, tables for objectives, contacts and RACI. */
export function renderRunbookMarkdown(runbook: Runbook): string {
    const out: string[] = [];
    header(runbook, out);
    objectives(runbook, out);
    contacts(runbook, out);
    response(runbook, out);
    raci(runbook, out);
    gaps(runbook, out);
    return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

function header(runbook: Runbook, out: string[]): void {
    out.push(`# ${md(runbook.title ?? runbook.plan)}`, '');
    out.push(`Runbook of plan **${md(runbook.plan)}** for **${aFailover(runbook.failover)}**, `
        + `evaluated as of **${runbook.asOf}**. Times are from the declaration of the disaster (T+0).`, '');
    if (runbook.errors.length > 0) {
        const count = runbook.errors.length;
        out.push(`> **⚠ This plan has ${count} error${count === 1 ? '' : 's'}.** The runbook shows what the plan `
            + 'achieves as written; fix these before relying on it:', '>');
        for (const gap of runbook.errors) {
            out.push(`> - **${gap.code}**${gap.element ? ` on ${md(gap.element)}` : ''} (${md(gapPlace(gap))}): ${md(gap.message)}`);
        }
        out.push('');
    }
    const owner = runbook.contacts.find(contact => contact.role === runbook.owner);
    const policy = runbook.policy;
    out.push(`- **Owner:** ${runbook.owner ? `${md(runbook.owner)}${owner?.title ? ` — ${md(owner.title)}` : ''}`
        + `${owner && owner.people.length > 0 ? `: ${owner.people.map(person => md(person.name)).join(', ')}` : ''}` : 'none named'}`);
    out.push(`- **Failover type:** ${runbook.failover}; actions that do not run for ${aFailover(runbook.failover)} are left out`);
    out.push(`- **Evaluation date:** ${runbook.asOf}; a test proves a capability for ${formatDuration(policy.testValidity)} after it ran`);
    out.push(`- **Policy:** test-validity ${formatDuration(policy.testValidity)}${policy.declared.testValidity ? '' : ' (default)'}`
        + ` · staff-effectiveness ${policy.staffEffectiveness}%${policy.declared.staffEffectiveness ? '' : ' (default)'}`
        + ` · spof-threshold ${policy.spofThreshold}${policy.declared.spofThreshold ? '' : ' (default)'}`);
    out.push(`- **Covers:** ${runbook.covers.length > 0
        ? runbook.covers.map(cover => `${md(cover.process)} (${cover.criticality})`).join(', ') : 'no process'}`);
    for (const plan of runbook.recoveryPlans) {
        out.push(`- **Recovery plan:** ${md(plan.name)}${plan.title ? ` — ${md(plan.title)}` : ''}: `
            + `${md(plan.from ?? 'no site')} → ${md(plan.to ?? 'no site')}, `
            + `${plan.tested ? `last tested ${plan.tested}` : 'never tested'}`);
    }
    out.push(`- **The response ends at:** ${formatOffset(runbook.end)}`, '');
}

function objectives(runbook: Runbook, out: string[]): void {
    out.push('## Recovery objectives', '');
    if (runbook.objectives.length === 0) {
        out.push('The plan covers no process.', '');
        return;
    }
    out.push('| Process | Criticality | RTO | Recovery time | RPO | Recovery point | DR model |',
        '|---|---|---|---|---|---|---|');
    for (const objective of runbook.objectives) {
        out.push(`| ${processCell(objective)} | ${objective.criticality} | ${objective.rto === null ? '—' : formatDuration(objective.rto)} `
            + `| ${md(objectiveResult(objective, 'time'))} | ${objective.rpo === null ? '—' : formatDuration(objective.rpo)} `
            + `| ${md(objectiveResult(objective, 'point'))} | ${objective.drModel} |`);
    }
    out.push('', 'Critical paths (what the recovery time waits for):', '');
    for (const objective of runbook.objectives) {
        out.push(`- **${md(objective.process)}** ${rollUp(objective.recoveryTime, objective.complete)}: `
            + `${objective.criticalPath.length > 0 ? md(criticalPath(objective)) : 'nothing to wait for'}`);
    }
    out.push('');
}

function processCell(objective: RunbookObjective): string {
    return `**${md(objective.process)}**${objective.title ? ` ${md(objective.title)}` : ''}`;
}

function contacts(runbook: Runbook, out: string[]): void {
    out.push('## Contacts', '');
    if (runbook.contacts.length === 0) {
        out.push('The plan names no role.', '');
        return;
    }
    out.push('| Role | Person | E-mail | Phone | In this plan |', '|---|---|---|---|---|');
    for (const contact of runbook.contacts) {
        const role = `**${md(contact.role)}**${contact.title ? ` ${md(contact.title)}` : ''}`;
        const duties = md(contact.duties.join('; '));
        if (contact.people.length === 0) {
            out.push(`| ${role} | ⚠ nobody fills this role | | | ${duties} |`);
        }
        contact.people.forEach((person, index) => {
            out.push(`| ${index === 0 ? role : ''} | ${md(person.name)} | ${md(person.email ?? '—')} | ${md(person.phone ?? '—')} `
                + `| ${index === 0 ? duties : ''} |`);
        });
    }
    out.push('');
}

function response(runbook: Runbook, out: string[]): void {
    out.push('## Response', '');
    const effectiveness = runbook.policy.staffEffectiveness;
    out.push('Tick each box when it is done. Start and end are planned times from the declaration of the disaster (T+0)'
        + (effectiveness !== 100 ? `; manual work (steps and manual actions) is planned at ${effectiveness}% staff `
            + `effectiveness: 1h as written takes ${formatDuration(manualDuration(3600, effectiveness))}.` : '.'), '');
    if (runbook.phases.length === 0) {
        out.push('The plan has no response.', '');
    }
    for (const phase of runbook.phases) {
        out.push(`### ${PHASE_TITLES[phase.name]}${phase.start !== null && phase.end !== null ? ` · ${span(phase.start, phase.end)}` : ''}`, '');
        out.push(`*${PHASE_PURPOSES[phase.name]}*`, '');
        phaseItems(runbook, phase, out);
        if (phase.name === 'stabilize' && runbook.objectives.length > 0) {
            out.push('', 'Milestones:', '');
            for (const objective of milestones(runbook)) {
                out.push(`- [ ] ${md(milestoneText(objective))}`);
            }
        }
        out.push('');
    }
}

function phaseItems(runbook: Runbook, phase: RunbookPhase, out: string[]): void {
    if (phase.items.length === 0) {
        out.push('Nothing to do in this phase.');
    }
    for (const item of phase.items) {
        if (item.kind === 'step') {
            out.push(`- [ ] **${item.step.number}. ${md(stepHeading(item.step))}** (${md(item.step.id)})\\`,
                `  ${stepDetails(runbook, item.step)}`);
            continue;
        }
        const plan = item.recoveryPlan;
        out.push('', `**Recovery plan ${md(plan.name)}**${plan.title ? `: ${md(plan.title)}` : ''} · `
            + `${md(plan.from ?? 'no site')} → ${md(plan.to ?? 'no site')} · ${span(plan.start, plan.end)} · `
            + `${plan.tested ? `last tested ${plan.tested}` : 'never tested'}. Its groups run one after the other.`, '');
        for (const { group, parts } of item.groups) {
            out.push(`- [ ] **${group.number}. ${md(stepHeading(group))}**: fail over ${group.workloads!.length} `
                + `workload${group.workloads!.length === 1 ? '' : 's'}\\`, `  ${span(group.start, group.end)} · ${formatDuration(group.duration)}`);
            for (const part of parts) {
                if (part.kind === 'failover') {
                    out.push(`  - [ ] ${part.failover.number} ${failoverLine(part.failover)}`);
                } else {
                    out.push(`  - [ ] ${part.action.number} **${md(stepHeading(part.action))}** (${md(part.action.id)}: `
                        + `${md(actionContext(part.action))})\\`,
                        `    ${stepDetails(runbook, part.action)}`);
                }
            }
        }
        out.push('');
    }
}

function stepDetails(runbook: Runbook, step: RunbookStep): string {
    return [span(step.start, step.end), plannedDuration(step, runbook), roles(step, runbook)].filter(Boolean).map(md).join(' · ');
}

function failoverLine(failover: RunbookFailover): string {
    return `Fail over **${md(failover.workload)}**${failover.title ? ` (${md(failover.title)})` : ''}: `
        + `${md(sites(failover))} · ${md(failoverCapability(failover))} · ${failoverTimes(failover)}`
        + `${failover.owner ? ` · owner ${md(failover.owner)}` : ''}`;
}

function raci(runbook: Runbook, out: string[]): void {
    out.push('## RACI matrix', '');
    const { rows, roles: columns, declared } = runbook.raci;
    if (rows.length === 0) {
        out.push('The plan has no steps or manual actions.', '');
        return;
    }
    out.push(`R responsible (a step's or manual action's \`by\` role always is), A accountable, C consulted, I informed.`
        + (declared ? '' : ' The plan has no `raci` block: only the `by` roles are known.'), '');
    out.push(`| Activity | ${columns.map(md).join(' | ')} |`, `|---|${columns.map(() => '---').join('|')}|`);
    for (const row of rows) {
        const cells = columns.map(role => [
            row.responsible.includes(role) ? 'R' : '', row.accountable.includes(role) ? 'A' : '',
            row.consulted.includes(role) ? 'C' : '', row.informed.includes(role) ? 'I' : '',
        ].filter(Boolean).join(', '));
        // Without a raci block nothing was assigned, and the check does not ask for it either.
        const warning = !declared || row.accountable.length === 1 ? ''
            : row.accountable.length === 0 ? ' ⚠ no accountable role' : ' ⚠ several accountable roles';
        out.push(`| ${md(row.activity)} (${row.kind})${warning} | ${cells.join(' | ')} |`);
    }
    out.push('');
}

function gaps(runbook: Runbook, out: string[]): void {
    out.push('## Open gaps', '');
    if (runbook.gaps.length === 0) {
        out.push(`None: \`drplan check --as-of ${runbook.asOf}\` reports no error or warning.`, '');
        return;
    }
    out.push(`${gapCount(runbook.gaps)} in the workspace, as \`drplan check --as-of ${runbook.asOf}\` reports them `
        + '(diagnostics evaluate an unplanned failover).', '');
    for (const group of runbook.gapGroups) {
        out.push(`### ${gapGroupHeading(group)}`, '');
        for (const { gap, alsoConcerns } of group.entries) {
            out.push(`- **${gap.severity} ${gap.code}** ${md(gapPlace(gap))}: ${md(gap.message)}`
                + (alsoConcerns.length > 0 ? ` *(also concerns ${md(alsoConcerns.join(', '))})*` : ''));
        }
        out.push('');
    }
}

function gapGroupHeading(group: RunbookGapGroup): string {
    switch (group.kind) {
        case 'process':
            return `${md(group.process)}${group.title ? ` — ${md(group.title)}` : ''} · ${group.criticality}`
                + `${group.covered ? '' : ' · not covered by this plan'}`;
        case 'plan':
            return `The response of plan ${md(group.plan)}`;
        case 'workspace':
            return 'Elsewhere in the workspace';
    }
}
