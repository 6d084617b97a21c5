import { formatDuration, formatOffset } from '../analysis/duration.js';
import type { Analysis } from '../analysis/types.js';
import { buildDependencyMap } from '../graph/dependency-map.js';
import { escapeXml } from '../graph/escape.js';
import { layoutMap } from '../graph/layout.js';
import { renderSvg } from '../graph/svg.js';
import type { DependencyMap, LaidOutMap } from '../protocol.js';
import { type Runbook, type RunbookFailover, type RunbookObjective, type RunbookPhase, RunbookPlanError, type RunbookStep }
    from './build-runbook.js';
import type { RunbookGapGroup } from './gap-groups.js';
import { PHASE_COLOURS, renderTimelineSvg } from './timeline-svg.js';
import {
    accountableRole, actionContext, aFailover, capabilityEvidence, criticalPath, FAILOVER_TITLES, gapCount, gapPlace, milestones,
    objectiveResult, PHASE_PURPOSES, PHASE_TITLES, plannedDuration, sites, span, stepHeading,
} from './wording.js';

export interface RunbookHtmlOptions {
    /** The plan's dependency map as inline SVG (`runbookDependencyMap`); without it the section says there is none. */
    dependencyMap?: string;
}

/** Every user-written string goes through this: HTML text, attribute values and SVG alike. */
const h = escapeXml;

/**
 * The dependency map of a plan as SVG for its runbook: the processes the plan covers and what they
 * need, drawn as `drplan graph` and the editor preview draw maps (none when the plan covers nothing).
 * Pass the analysis diagnostics use (unplanned), so that its colours match the gaps. `layout` is
 * elkjs in this thread unless the caller has a better place for it (the language server's worker).
 */
export async function runbookDependencyMap(analysis: Analysis, plan: string,
    layout: (map: DependencyMap) => Promise<LaidOutMap> = layoutMap): Promise<string | undefined> {
    const element = analysis.model.byName.get(plan);
    if (element?.kind !== 'plan') {
        throw new RunbookPlanError(`there is no plan ${plan}`);
    }
    const map = buildDependencyMap(analysis, { plan: element });
    return map.nodes.length > 0 ? renderSvg(await layout(map), { idPrefix: 'runbook-map' }) : undefined;
}

/**
 * The runbook as one self-contained, printable HTML file: inline CSS with a print style sheet (A4,
 * each phase on its own page, boxes to tick), no script, nothing fetched from anywhere, the
 * timeline chart and the dependency map as inline SVG.
 */
export function renderRunbookHtml(runbook: Runbook, options: RunbookHtmlOptions = {}): string {
    const out: string[] = [];
    out.push('<!DOCTYPE html>', '<html lang="en">', '<head>', '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        `<title>${h(`Runbook: ${runbook.title ?? runbook.plan}`)}</title>`,
        `<style>${style(runbook)}</style>`, '</head>', '<body>');
    header(runbook, out);
    objectives(runbook, out);
    contacts(runbook, out);
    response(runbook, out);
    raci(runbook, out);
    gaps(runbook, out);
    dependencyMap(options.dependencyMap, out);
    out.push(`<footer>Compiled by drplan from plan ${h(runbook.plan)} as of ${h(runbook.asOf)}, for ${h(aFailover(runbook.failover))}. `
        + 'Recompile after every change to the plan: a printed runbook does not update itself.</footer>');
    out.push('</body>', '</html>');
    return `${out.join('\n')}\n`;
}

/** Only names and dates reach the page margins (CSS strings): anything else is dropped. */
function cssText(text: string): string {
    return text.replace(/[^A-Za-z0-9_ .:+·-]/g, '');
}

function style(runbook: Runbook): string {
    const footer = cssText(`${runbook.plan} · ${runbook.failover} failover · as of ${runbook.asOf}`).replace(/ {2,}/g, ' ');
    const phaseRules = Object.entries(PHASE_COLOURS).map(([phase, colour]) => `.phase-${phase} { --phase: ${colour}; }`).join('\n');
    return `
:root { --fg: #111827; --muted: #4b5563; --line: #d1d5db; --soft: #f3f4f6; --gap: #b91c1c; --gap-soft: #fef2f2;
  --warn: #92400e; --warn-soft: #fffbeb; --ok: #047857; }
* { box-sizing: border-box; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
html { color: var(--fg); background: #fff; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "Helvetica Neue", Arial, "DejaVu Sans", sans-serif;
  max-width: 1040px; margin: 0 auto; padding: 24px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 32px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--fg); }
h3 { font-size: 16px; margin: 20px 0 6px; }
p { margin: 6px 0; }
.subtitle { color: var(--muted); margin: 0 0 12px; }
.muted { color: var(--muted); }
.name { font-weight: 700; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 12px; }
th, td { border: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: var(--soft); font-size: 12px; }
td { font-size: 13px; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 12px 0; }
.facts dt { font-weight: 700; }
.facts dd { margin: 0; }
.banner { border: 2px solid var(--gap); background: var(--gap-soft); padding: 8px 12px; margin: 12px 0; }
.banner strong { color: var(--gap); }
.banner ul { margin: 4px 0 0; padding-left: 20px; }
.write-in { display: inline-block; min-width: 60mm; border-bottom: 1px solid var(--fg); height: 1.2em; vertical-align: bottom; }
.missed { color: var(--gap); font-weight: 700; }
.met { color: var(--ok); }
.box { display: inline-block; width: 13px; height: 13px; border: 1.5px solid var(--fg); border-radius: 2px; vertical-align: -2px; }
${phaseRules}
.phase h3 { border-left: 6px solid var(--phase); padding-left: 8px; }
.phase .purpose { color: var(--muted); font-style: italic; }
table.steps { table-layout: fixed; }
table.steps col.check { width: 7mm; }
table.steps col.number { width: 10mm; }
table.steps col.who { width: 25mm; }
table.steps col.planned { width: 25mm; }
table.steps .evidence { font-size: 11px; }
table.steps col.when { width: 32mm; }
table.steps col.done { width: 16mm; }
table.steps td.check { text-align: center; }
table.steps td.number { font-weight: 700; white-space: nowrap; }
table.milestones col.expected { width: 30mm; }
table.milestones col.rto { width: 48mm; }
.nowrap { white-space: nowrap; }
table.steps tr.plan td { background: var(--soft); border-top: 2px solid var(--phase); }
table.steps tr.group td { border-top: 2px solid var(--phase); }
table.steps tr.group td.what .heading { font-weight: 700; }
table.steps tr.part td.number { padding-left: 14px; font-weight: 400; }
table.steps .kind { font-size: 11px; text-transform: uppercase; letter-spacing: 0.4px; color: var(--muted); }
/* Fixed layouts: a long word wraps inside its column instead of widening the page. */
table.objectives, table.contacts, table.raci { table-layout: fixed; }
table.objectives col.process { width: 20%; }
table.objectives col.criticality { width: 12%; }
table.objectives col.objective { width: 7%; }
table.objectives col.model { width: 12%; }
table.contacts col.role { width: 18%; }
table.contacts col.person { width: 14%; }
table.contacts col.email { width: 28%; }
table.contacts col.phone { width: 17%; }
table.raci col.activity { width: 24%; }
table.raci td.cell { text-align: center; font-weight: 700; }
table.raci th.role { font-size: 11px; vertical-align: bottom; text-align: center; height: 9em; }
table.raci th.role span { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; }
.severity { display: inline-block; min-width: 62px; font-size: 11px; font-weight: 700; text-transform: uppercase; }
.severity.error { color: var(--gap); }
.severity.warning { color: var(--warn); }
.code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 12px; }
ul.gaps { padding-left: 18px; }
ul.gaps li { margin: 4px 0; }
figure { margin: 12px 0; }
figure svg { width: 100%; height: auto; display: block; }
figcaption { color: var(--muted); font-size: 12px; }
footer { margin-top: 32px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--line); padding-top: 6px; }
@page { size: A4; margin: 14mm 12mm 16mm;
  @bottom-left { content: "${footer}"; font: 8pt sans-serif; color: #4b5563; }
  @bottom-right { content: "page " counter(page) " of " counter(pages); font: 8pt sans-serif; color: #4b5563; } }
@page wide { size: A4 landscape; margin: 12mm; }
@media print {
  body { font-size: 10pt; max-width: none; padding: 0; }
  h1 { font-size: 18pt; }
  h2 { font-size: 14pt; margin-top: 0; break-after: avoid; }
  h3 { font-size: 12pt; break-after: avoid; }
  td { font-size: 9pt; padding: 3px 5px; }
  table.steps .evidence { font-size: 7pt; }
  table.contacts td { font-size: 8.5pt; }
  th { font-size: 8.5pt; }
  tr, .keep-together { break-inside: avoid; }
  h4 { break-after: avoid; }
  thead { display: table-header-group; }
  section.major { break-before: page; }
  .phase { break-before: page; }
  .wide { page: wide; }
  .wide figure { margin: 0; }
  .wide svg { max-height: 165mm; }
  footer { display: none; }
}
`;
}

function header(runbook: Runbook, out: string[]): void {
    out.push('<header id="title">', `<h1>${h(runbook.title ?? runbook.plan)}</h1>`,
        `<p class="subtitle">Runbook of plan <span class="name">${h(runbook.plan)}</span> for <strong>${h(aFailover(runbook.failover))}</strong>, `
        + `evaluated as of <strong>${h(runbook.asOf)}</strong>. Times are from the declaration of the disaster (T+0).</p>`);
    if (runbook.errors.length > 0) {
        const count = runbook.errors.length;
        out.push('<div class="banner" role="alert">', `<strong>⚠ This plan has ${count} error${count === 1 ? '' : 's'}.</strong> `
            + 'The runbook shows what the plan achieves as written; fix these before relying on it:', '<ul>');
        for (const gap of runbook.errors) {
            out.push(`<li><span class="code">${h(gap.code)}</span>${gap.element ? ` on <span class="name">${h(gap.element)}</span>` : ''}: `
                + `${h(gap.message)} <span class="muted">(${h(gapPlace(gap))})</span></li>`);
        }
        out.push('</ul>', '</div>');
    }
    const owner = runbook.contacts.find(contact => contact.role === runbook.owner);
    const policy = runbook.policy;
    const fact = (term: string, html: string) => out.push(`<dt>${h(term)}</dt><dd>${html}</dd>`);
    out.push('<dl class="facts">');
    fact('Owner', runbook.owner
        ? `<span class="name">${h(runbook.owner)}</span>${owner?.title ? ` ${h(owner.title)}` : ''}`
            + `${owner && owner.people.length > 0 ? `: ${owner.people.map(person => h(person.name)).join(', ')}` : ''}`
        : 'none named');
    fact('Failover type', `${h(FAILOVER_TITLES[runbook.failover])}: actions that do not run for ${h(aFailover(runbook.failover))} are left out`);
    fact('Evaluation date', `${h(runbook.asOf)}: a test proves a capability for ${h(formatDuration(policy.testValidity))} after it ran`);
    fact('Policy', `test-validity ${h(formatDuration(policy.testValidity))}${policy.declared.testValidity ? '' : ' (default)'}`
        + ` · staff-effectiveness ${policy.staffEffectiveness}%${policy.declared.staffEffectiveness ? '' : ' (default)'}`
        + ` · spof-threshold ${h(policy.spofThreshold)}${policy.declared.spofThreshold ? '' : ' (default)'}`);
    fact('Covers', runbook.covers.length > 0
        ? runbook.covers.map(cover => `<span class="name">${h(cover.process)}</span> (${h(cover.criticality)})`).join(', ') : 'no process');
    for (const plan of runbook.recoveryPlans) {
        fact('Recovery plan', `<span class="name">${h(plan.name)}</span>${plan.title ? ` ${h(plan.title)}` : ''}: `
            + `${h(plan.from ?? 'no site')} → ${h(plan.to ?? 'no site')}, ${plan.tested ? `last tested ${h(plan.tested)}` : 'never tested'}`);
    }
    fact('The response ends at', h(formatOffset(runbook.end)));
    fact('Disaster declared (T+0)', '<span class="write-in"></span> <span class="muted">date and time, written in when it happens</span>');
    out.push('</dl>', '</header>');
}

function objectives(runbook: Runbook, out: string[]): void {
    out.push('<section id="objectives">', '<h2>Recovery objectives</h2>');
    if (runbook.objectives.length === 0) {
        out.push('<p>The plan covers no process.</p>', '</section>');
        return;
    }
    out.push('<table class="objectives"><colgroup><col class="process"><col class="criticality"><col class="objective"><col>'
        + '<col class="objective"><col><col class="model"></colgroup><thead><tr><th>Process</th><th>Criticality</th><th>RTO</th><th>Recovery time</th>'
        + '<th>RPO</th><th>Recovery point</th><th>DR model</th></tr></thead><tbody>');
    for (const objective of runbook.objectives) {
        out.push(`<tr><td><span class="name">${h(objective.process)}</span>${objective.title ? `<br><span class="muted">${h(objective.title)}</span>` : ''}</td>`
            + `<td>${h(objective.criticality)}</td><td>${objective.rto === null ? '—' : h(formatDuration(objective.rto))}</td>`
            + `<td class="${verdictClass(objective.rtoMet)}">${h(objectiveResult(objective, 'time'))}</td>`
            + `<td>${objective.rpo === null ? '—' : h(formatDuration(objective.rpo))}</td>`
            + `<td class="${verdictClass(objective.rpoMet)}">${h(objectiveResult(objective, 'point'))}</td>`
            + `<td>${h(objective.drModel)}</td></tr>`);
    }
    out.push('</tbody></table>', '<p>Critical paths (what each recovery time waits for):</p>', '<ul>');
    for (const objective of runbook.objectives) {
        out.push(`<li><span class="name">${h(objective.process)}</span> ${h(formatDuration(objective.recoveryTime))}: `
            + `${objective.criticalPath.length > 0 ? h(criticalPath(objective)) : 'nothing to wait for'}</li>`);
    }
    out.push('</ul>', '</section>');
}

function verdictClass(met: boolean | null): string {
    return met === null ? '' : met ? 'met' : 'missed';
}

function contacts(runbook: Runbook, out: string[]): void {
    out.push('<section id="contacts" class="major">', '<h2>Contacts</h2>');
    if (runbook.contacts.length === 0) {
        out.push('<p>The plan names no role.</p>', '</section>');
        return;
    }
    out.push('<table class="contacts"><colgroup><col class="role"><col class="person"><col class="email"><col class="phone"><col>'
        + '</colgroup><thead><tr><th>Role</th><th>Person</th><th>E-mail</th><th>Phone</th>'
        + '<th>In this plan</th></tr></thead><tbody>');
    for (const contact of runbook.contacts) {
        const rows = Math.max(contact.people.length, 1);
        const role = `<td rowspan="${rows}"><span class="name">${h(contact.role)}</span>`
            + `${contact.title ? `<br><span class="muted">${h(contact.title)}</span>` : ''}</td>`;
        const duties = `<td rowspan="${rows}">${contact.duties.map(h).join('<br>')}</td>`;
        if (contact.people.length === 0) {
            out.push(`<tr>${role}<td colspan="3" class="missed">⚠ nobody fills this role</td>${duties}</tr>`);
        }
        contact.people.forEach((person, index) => {
            out.push(`<tr>${index === 0 ? role : ''}<td>${h(person.name)}</td><td>${h(person.email ?? '—')}</td>`
                + `<td>${h(person.phone ?? '—')}</td>${index === 0 ? duties : ''}</tr>`);
        });
    }
    out.push('</tbody></table>', '</section>');
}

function response(runbook: Runbook, out: string[]): void {
    // The heading, the introduction and the chart share one landscape page when printed.
    out.push('<section id="response">', '<div class="wide">', '<h2>Response</h2>');
    const effectiveness = runbook.policy.staffEffectiveness;
    out.push(`<p>Tick each box when it is done and write the time in <em>Done at</em>. Start and end are planned times from the `
        + 'declaration of the disaster (T+0)' + (effectiveness !== 100 ? `; manual work (steps and manual actions) is planned at `
            + `${effectiveness}% staff effectiveness, so it takes longer than written.` : '.') + ' Each phase starts on a new page.</p>');
    out.push(`<figure class="timeline">${renderTimelineSvg(runbook).replace(' xmlns="http://www.w3.org/2000/svg"', '')}`
        + '<figcaption>The response on the T+ axis: one bar per step, group and action, coloured by phase; a dashed line at '
        + 'each RTO (red when missed), a diamond where each process is back.</figcaption></figure>', '</div>');
    if (runbook.phases.length === 0) {
        out.push('<p>The plan has no response.</p>');
    }
    for (const phase of runbook.phases) {
        phaseSection(runbook, phase, out);
    }
    out.push('</section>');
}

function phaseSection(runbook: Runbook, phase: RunbookPhase, out: string[]): void {
    out.push(`<section class="phase phase-${phase.name}" id="phase-${phase.name}">`,
        `<h3>${h(PHASE_TITLES[phase.name])}${phase.start !== null && phase.end !== null ? ` <span class="muted">${h(span(phase.start, phase.end))}</span>` : ''}</h3>`,
        `<p class="purpose">${h(PHASE_PURPOSES[phase.name])}</p>`);
    if (phase.items.length === 0) {
        out.push('<p>Nothing to do in this phase.</p>', '</section>');
        return;
    }
    out.push('<table class="steps"><colgroup><col class="check"><col class="number"><col class="what"><col class="who">'
        + '<col class="planned"><col class="when"><col class="done"></colgroup>'
        + '<thead><tr><th></th><th>#</th><th>What to do</th><th>Who</th><th>Planned</th><th>Start → end</th><th>Done at</th></tr>'
        + '</thead><tbody>');
    for (const item of phase.items) {
        if (item.kind === 'step') {
            out.push(stepRow(runbook, item.step, ''));
            continue;
        }
        const plan = item.recoveryPlan;
        out.push(`<tr class="plan"><td colspan="7"><span class="kind">Recovery plan</span> <span class="name">${h(plan.name)}</span>`
            + `${plan.title ? ` ${h(plan.title)}` : ''} · ${h(plan.from ?? 'no site')} → ${h(plan.to ?? 'no site')} · `
            + `${h(span(plan.start, plan.end))} · ${plan.tested ? `last tested ${h(plan.tested)}` : 'never tested'}. `
            + 'Its groups run one after the other.</td></tr>');
        for (const { group, parts } of item.groups) {
            const count = group.workloads!.length;
            out.push(`<tr class="group"><td class="check"><span class="box"></span></td><td class="number">${h(group.number)}</td>`
                + `<td class="what"><span class="heading">${h(stepHeading(group))}</span> `
                + `<span class="muted">fails over ${count} workload${count === 1 ? '' : 's'}</span></td>`
                + `<td></td><td class="planned">${h(formatDuration(group.duration))}</td><td class="when">${h(span(group.start, group.end))}</td>`
                + '<td class="done"></td></tr>');
            for (const part of parts) {
                out.push(part.kind === 'action' ? stepRow(runbook, part.action, 'part') : failoverRow(part.failover));
            }
        }
    }
    out.push('</tbody></table>');
    if (phase.name === 'stabilize' && runbook.objectives.length > 0) {
        out.push('<div class="keep-together">', '<h4>Milestones</h4>', '<table class="steps milestones"><colgroup><col class="check"><col class="what">'
            + '<col class="expected"><col class="rto"><col class="done"></colgroup>'
            + '<thead><tr><th></th><th>Process back</th><th>Expected</th><th>RTO</th><th>Done at</th></tr></thead><tbody>');
        for (const objective of milestones(runbook)) {
            out.push(milestoneRow(objective));
        }
        out.push('</tbody></table>', '</div>');
    }
    out.push('</section>');
}

function stepRow(runbook: Runbook, step: RunbookStep, kind: string): string {
    const action = step.kind !== 'step';
    const accountable = accountableRole(step, runbook);
    const who = [step.responsible ? `R: ${h(step.responsible)}` : '',
        accountable ? `A: ${step.accountable ? h(accountable) : `<span class="missed">${h(accountable)}</span>`}` : '',
        !step.responsible && (step.kind === 'script' || step.kind === 'automation') ? 'runs unattended' : '']
        .filter(Boolean).join('<br>');
    const planned = h(plannedDuration(step, runbook));
    return `<tr class="${kind || 'step'}"><td class="check"><span class="box"></span></td><td class="number">${h(step.number)}</td>`
        + `<td class="what">${action ? `<span class="kind">${h(actionContext(step))}</span><br>` : ''}${h(stepHeading(step))}`
        + ` <span class="muted">(${h(step.id)})</span></td>`
        + `<td>${who}</td><td class="planned">${planned}</td><td class="when">${h(span(step.start, step.end))}</td><td class="done"></td></tr>`;
}

function failoverRow(failover: RunbookFailover): string {
    const planned = failover.recoveryTime === null ? '<span class="missed">RT unknown</span><br><span class="muted">counts as 0</span>'
        : `RT ${h(formatDuration(failover.recoveryTime))}<br><span class="muted evidence">${failover.capability === 'proven'
            && failover.tested ? `tested <span class="nowrap">${h(failover.tested)}</span>` : h(capabilityEvidence(failover))}</span>`;
    return `<tr class="part failover"><td class="check"><span class="box"></span></td><td class="number">${h(failover.number)}</td>`
        + `<td class="what">Fail over <span class="name">${h(failover.workload)}</span>`
        + `${failover.title ? ` <span class="muted">${h(failover.title)}</span>` : ''}<br>${h(sites(failover))}</td>`
        + `<td>${failover.owner ? `owner: ${h(failover.owner)}` : ''}</td><td class="planned">${planned}</td>`
        + `<td class="when">started ${h(failover.started === null ? '—' : formatOffset(failover.started))}<br>`
        + `ready ${h(failover.ready === null ? '—' : formatOffset(failover.ready))}`
        + `${failover.waitsFor ? `<br><span class="missed">waits for ${h(failover.waitsFor)}</span>` : ''}</td><td class="done"></td></tr>`;
}

function milestoneRow(objective: RunbookObjective): string {
    const rto = objective.rto === null ? 'none'
        : `${h(formatOffset(objective.rto))} ${objective.rtoMet ? '<span class="met">✓ met</span>'
            : `<span class="missed">✗ missed by ${h(formatDuration(objective.recoveryTime - objective.rto))}</span>`}`;
    return `<tr><td class="check"><span class="box"></span></td><td><span class="name">${h(objective.process)}</span>`
        + `${objective.title ? ` ${h(objective.title)}` : ''}</td>`
        + `<td class="when">${objective.complete ? '' : 'at the earliest '}${h(formatOffset(objective.recoveryTime))}</td>`
        + `<td class="when">${rto}</td><td class="done"></td></tr>`;
}

function raci(runbook: Runbook, out: string[]): void {
    out.push('<section id="raci" class="major">', '<h2>RACI matrix</h2>');
    const { rows, roles: columns, declared } = runbook.raci;
    if (rows.length === 0) {
        out.push('<p>The plan has no steps or manual actions.</p>', '</section>');
        return;
    }
    out.push(`<p><strong>R</strong> responsible (a step's or manual action's <em>by</em> role always is), <strong>A</strong> accountable, `
        + `<strong>C</strong> consulted, <strong>I</strong> informed.${declared ? '' : ' The plan has no RACI block: only the <em>by</em> roles are known.'}</p>`);
    out.push(`<table class="raci"><colgroup><col class="activity">${columns.map(() => '<col>').join('')}</colgroup>`
        + `<thead><tr><th>Activity</th>${columns.map(role => `<th class="role"><span>${h(role)}</span></th>`).join('')}</tr></thead><tbody>`);
    for (const row of rows) {
        const cells = columns.map(role => [
            row.responsible.includes(role) ? 'R' : '', row.accountable.includes(role) ? 'A' : '',
            row.consulted.includes(role) ? 'C' : '', row.informed.includes(role) ? 'I' : '',
        ].filter(Boolean).join(', '));
        const warning = !declared || row.accountable.length === 1 ? ''
            : `<br><span class="missed">⚠ ${row.accountable.length === 0 ? 'no accountable role' : 'several accountable roles'}</span>`;
        out.push(`<tr><td><span class="name">${h(row.activity)}</span> <span class="muted">${h(row.kind)}</span>${warning}</td>`
            + `${cells.map(cell => `<td class="cell">${cell}</td>`).join('')}</tr>`);
    }
    out.push('</tbody></table>', '</section>');
}

function gaps(runbook: Runbook, out: string[]): void {
    out.push('<section id="gaps" class="major">', '<h2>Open gaps</h2>');
    if (runbook.gaps.length === 0) {
        out.push(`<p>None: <span class="code">drplan check --as-of ${h(runbook.asOf)}</span> reports no error or warning.</p>`, '</section>');
        return;
    }
    out.push(`<p>${h(gapCount(runbook.gaps))} in the workspace, as <span class="code">drplan check --as-of ${h(runbook.asOf)}</span> `
        + 'reports them (diagnostics evaluate an unplanned failover).</p>');
    for (const group of runbook.gapGroups) {
        out.push(`<h3>${gapGroupHeading(group)}</h3>`, '<ul class="gaps">');
        for (const { gap, alsoConcerns } of group.entries) {
            out.push(`<li><span class="severity ${h(gap.severity)}">${h(gap.severity)}</span> <span class="code">${h(gap.code)}</span> `
                + `${h(gap.message)} <span class="muted">${h(gapPlace(gap))}`
                + `${alsoConcerns.length > 0 ? `; also concerns ${h(alsoConcerns.join(', '))}` : ''}</span></li>`);
        }
        out.push('</ul>');
    }
    out.push('</section>');
}

function gapGroupHeading(group: RunbookGapGroup): string {
    switch (group.kind) {
        case 'process':
            return `<span class="name">${h(group.process)}</span>${group.title ? ` ${h(group.title)}` : ''} `
                + `<span class="muted">(${h(group.criticality)}${group.covered ? '' : ', not covered by this plan'})</span>`;
        case 'plan':
            return `The response of plan <span class="name">${h(group.plan)}</span>`;
        case 'workspace':
            return 'Elsewhere in the workspace';
    }
}

function dependencyMap(svg: string | undefined, out: string[]): void {
    // On a landscape page of its own when printed.
    out.push('<section id="map" class="wide">', '<h2>Dependency map</h2>');
    if (svg === undefined) {
        out.push('<p>No dependency map was drawn for this runbook.</p>');
    } else {
        // Inline SVG in HTML needs no namespace; leaving it out keeps the file free of any URL.
        out.push(`<figure class="map">${svg.replace(' xmlns="http://www.w3.org/2000/svg"', '')}`
            + '<figcaption>What each process the plan covers needs, by site. Colours follow the open gaps: red a gap, orange a single point of '
            + 'failure, amber unproven, green ok.</figcaption></figure>');
    }
    out.push('</section>');
}
