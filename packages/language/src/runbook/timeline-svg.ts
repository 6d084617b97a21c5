import { formatDuration, formatOffset } from '../analysis/duration.js';
import { escapeXml } from '../graph/escape.js';
import { fitText, textWidth } from '../graph/labels.js';
import type { PhaseName } from '../model/plan-model.js';
import type { Runbook, RunbookObjective, RunbookStep } from './build-runbook.js';
import { PHASE_TITLES } from './wording.js';

/** Phase colours, dark enough to read on paper in colour and distinct in grey. */
export const PHASE_COLOURS: Readonly<Record<PhaseName, string>> = {
    watch: '#6b7280', mobilize: '#b45309', assess: '#7c3aed', stabilize: '#1d4ed8', close: '#047857',
};

const WIDTH = 1000;
const LABEL_WIDTH = 250;
const CHART_LEFT = LABEL_WIDTH + 16;
const CHART_RIGHT = WIDTH - 24;
const ROW = 20;
const BAR = 12;
const PHASE_ROW = 22;
const LABEL_LINE = 14;
const FONT = 11;

/** Tick spacings a reader can add up in their head. */
const TICKS = [300, 600, 900, 1800, 3600, 7200, 10800, 14400, 21600, 43200, 86400, 172800, 604800];

const escape = escapeXml;

/**
 * The response on the `T+` axis: one bar per step, group and action, in time order and grouped by
 * phase (bars coloured by phase), a dashed line at each covered process's RTO labelled with the
 * process, and a diamond where each process is back. Static SVG with its own fonts and colours, so
 * that it prints as it shows.
 */
export function renderTimelineSvg(runbook: Runbook): string {
    const objectives = runbook.objectives;
    const recoveries = objectives.map(objective => objective.recoveryTime);
    const lastBar = Math.max(runbook.end, ...recoveries, 0);
    // RTOs far beyond the response would squeeze every bar into a corner: they get an arrow at the edge instead.
    const rtos = objectives.filter(objective => objective.rto !== null);
    const horizon = Math.max(lastBar, ...rtos.map(objective => objective.rto!).filter(rto => rto <= lastBar * 1.5), 60);
    const tick = TICKS.find(candidate => horizon / candidate <= 12) ?? TICKS[TICKS.length - 1];
    const axisEnd = Math.ceil(horizon / tick) * tick;
    const x = (seconds: number) => CHART_LEFT + Math.min(seconds, axisEnd) / axisEnd * (CHART_RIGHT - CHART_LEFT);

    // RTO labels stack above the axis, one line each, grouped when several processes share an RTO.
    const rtoLines = new Map<number, RunbookObjective[]>();
    for (const objective of rtos) {
        const at = Math.min(objective.rto!, axisEnd);
        rtoLines.set(at, [...rtoLines.get(at) ?? [], objective]);
    }
    const rtoEntries = [...rtoLines].sort((a, b) => a[0] - b[0]);
    const top = 40 + rtoEntries.length * LABEL_LINE;

    const body: string[] = [];
    let y = top + 8;
    const phases = runbook.phases;
    const bars: string[] = [];
    for (const phase of phases) {
        const colour = PHASE_COLOURS[phase.name];
        const steps = runbook.steps.filter(step => step.phase === phase.name);
        const bandHeight = PHASE_ROW + steps.length * ROW;
        body.push(`<rect class="band" x="0" y="${y}" width="${WIDTH}" height="${bandHeight}" fill="${colour}" fill-opacity="0.06"/>`);
        body.push(`<rect x="0" y="${y}" width="4" height="${bandHeight}" fill="${colour}"/>`);
        const range = phase.start !== null && phase.end !== null ? `${formatOffset(phase.start)} → ${formatOffset(phase.end)}`
            : phase.name === 'watch' ? 'before the declaration (T+0)' : '';
        body.push(`<text class="phase" x="12" y="${y + 15}" fill="${colour}">${escape(PHASE_TITLES[phase.name].toUpperCase())}`
            + `<tspan class="muted" dx="8">${escape(range)}</tspan></text>`);
        y += PHASE_ROW;
        for (const step of steps) {
            body.push(rowLabel(step, y));
            if (step.start === null || step.end === null) {
                body.push(`<text class="untimed" x="${CHART_LEFT + 4}" y="${y + 14}">ongoing, before T+0</text>`);
            } else {
                bars.push(bar(step, y, x, colour));
            }
            y += ROW;
        }
    }
    // Where each process is back, against its RTO.
    const milestones: string[] = [];
    if (objectives.length > 0) {
        body.push(`<text class="phase" x="12" y="${y + 15}" fill="#111827">PROCESSES BACK</text>`);
        y += PHASE_ROW;
        for (const objective of [...objectives].sort((a, b) => a.recoveryTime - b.recoveryTime)) {
            milestones.push(milestone(objective, y, x));
            y += ROW;
        }
    }
    const bottom = y + 8;

    const grid: string[] = [];
    for (let at = 0; at <= axisEnd; at += tick) {
        const tx = x(at);
        grid.push(`<line class="grid" x1="${tx}" y1="${top}" x2="${tx}" y2="${bottom}"/>`);
        grid.push(`<text class="tick" x="${tx}" y="${top - 6}" text-anchor="middle">${formatOffset(at)}</text>`);
        grid.push(`<text class="tick" x="${tx}" y="${bottom + 14}" text-anchor="middle">${formatOffset(at)}</text>`);
    }

    const rtoLineMarks: string[] = [];
    const rtoLabels: string[] = [];
    rtoEntries.forEach(([at, owners], index) => {
        const lx = x(at);
        const beyond = owners.some(objective => objective.rto! > axisEnd);
        const missed = owners.some(objective => objective.rtoMet === false);
        const text = `${owners.map(objective => objective.process).join(', ')}: RTO ${formatDuration(owners[0].rto!)}`
            + (beyond ? ' (beyond the chart) →' : '');
        const labelY = 30 + index * LABEL_LINE;
        const anchor = lx + textWidth(text, FONT) + 4 > WIDTH ? 'end' : 'start';
        const kind = `rto${missed ? ' missed' : ''}`;
        rtoLineMarks.push(`<g class="${kind}"><line x1="${lx}" y1="${labelY + 3}" x2="${lx}" y2="${bottom}"/></g>`);
        rtoLabels.push(`<g class="${kind}"><text x="${anchor === 'start' ? lx + 3 : lx - 3}" y="${labelY}" `
            + `text-anchor="${anchor}">${escape(text)}</text></g>`);
    });

    const height = bottom + 24;
    return [
        `<svg xmlns="http://www.w3.org/2000/svg" class="drplan-timeline" width="${WIDTH}" height="${height}" `
            + `viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${escape(`Timeline of plan ${runbook.plan}`)}">`,
        `<style>${STYLE}</style>`,
        `<rect x="0" y="0" width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
        `<text class="heading" x="12" y="16">${escape(`Timeline: ${runbook.plan}, ${runbook.failover} failover`)}</text>`,
        ...body,
        ...grid,
        ...rtoLineMarks,
        ...bars,
        ...milestones,
        ...rtoLabels,
        '</svg>',
    ].join('\n');
}

const STYLE = `
.drplan-timeline { font-family: system-ui, -apple-system, "Segoe UI", "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; font-size: ${FONT}px; }
.drplan-timeline text { fill: #111827; }
.drplan-timeline .heading { font-size: 13px; font-weight: 700; }
.drplan-timeline .phase { font-size: 11px; font-weight: 700; letter-spacing: 0.6px; }
.drplan-timeline .muted, .drplan-timeline .untimed { fill: #4b5563; font-weight: 400; letter-spacing: 0; }
.drplan-timeline .untimed { font-style: italic; }
.drplan-timeline .label .number { font-weight: 700; }
.drplan-timeline .label.part { fill: #374151; }
.drplan-timeline .tick { font-size: 10px; fill: #374151; }
.drplan-timeline .grid { stroke: #d1d5db; stroke-width: 0.8; }
.drplan-timeline .bar rect { stroke: #111827; stroke-width: 0.6; }
.drplan-timeline .bar.group rect { fill-opacity: 0.25; stroke-width: 1; }
.drplan-timeline .bar text { font-size: 10px; }
.drplan-timeline .bar .inside { fill: #ffffff; font-weight: 700; }
.drplan-timeline .bar.group .inside { fill: #111827; }
.drplan-timeline .rto line { stroke: #b91c1c; stroke-width: 1.4; stroke-dasharray: 5 3; }
.drplan-timeline .rto text { fill: #b91c1c; font-weight: 700; }
.drplan-timeline .rto:not(.missed) line { stroke: #047857; }
.drplan-timeline .rto:not(.missed) text { fill: #047857; }
.drplan-timeline .milestone text, .drplan-timeline .bar .outside, .drplan-timeline .rto text { paint-order: stroke; stroke: #ffffff; stroke-width: 3px; stroke-linejoin: round; }
.drplan-timeline .milestone .met { fill: #047857; }
.drplan-timeline .milestone .missed { fill: #b91c1c; }
.drplan-timeline .milestone .none { fill: #374151; }
`;

function rowLabel(step: RunbookStep, y: number): string {
    const indent = step.kind === 'step' || step.kind === 'group' ? 12 : 30;
    const name = step.kind === 'group' ? `Group ${step.id}` : step.id;
    const room = LABEL_WIDTH - indent;
    const number = `${step.number}`;
    const numberWidth = textWidth(number, FONT, true) + 6;
    const title = step.kind === 'group' ? '' : step.title ? ` · ${step.title}` : '';
    const text = fitText(`${name}${title}`, FONT, room - numberWidth);
    return `<text class="label${indent > 12 ? ' part' : ''}" x="${indent}" y="${y + 14}"><tspan class="number">${escape(number)}</tspan>`
        + `<tspan dx="6">${escape(text)}</tspan></text>`;
}

function bar(step: RunbookStep, y: number, x: (seconds: number) => number, colour: string): string {
    const x1 = x(step.start!);
    const x2 = x(step.end!);
    const width = Math.max(x2 - x1, 2);
    const label = formatDuration(step.duration);
    const inside = textWidth(label, 10, true) + 8 <= width;
    const text = inside
        ? `<text class="inside" x="${x1 + width / 2}" y="${y + 13}" text-anchor="middle">${label}</text>`
        : `<text class="outside" x="${x1 + width + 4}" y="${y + 13}">${label}</text>`;
    return `<g class="bar ${step.kind === 'group' ? 'group' : step.kind === 'step' ? 'step' : 'action'}" data-id="${escape(step.id)}">`
        + `<title>${escape(`${step.id}${step.title ? ` · ${step.title}` : ''}: ${formatOffset(step.start!)} → `
            + `${formatOffset(step.end!)} (${label})`)}</title>`
        + `<rect x="${x1}" y="${y + (ROW - BAR) / 2}" width="${width}" height="${BAR}" rx="2" fill="${colour}"/>${text}</g>`;
}

function milestone(objective: RunbookObjective, y: number, x: (seconds: number) => number): string {
    const state = objective.rtoMet === null ? 'none' : objective.rtoMet ? 'met' : 'missed';
    const at = x(objective.recoveryTime);
    const cy = y + ROW / 2;
    const verdict = objective.rtoMet === null ? 'no RTO' : objective.rtoMet ? 'RTO met'
        : `RTO missed by ${formatDuration(objective.recoveryTime - objective.rto!)}`;
    const text = `${objective.complete ? '' : '≥ '}${formatOffset(objective.recoveryTime)} ${verdict}`;
    const right = at + 8 + textWidth(text, FONT) < WIDTH;
    const label = fitText(`${objective.process}${objective.title ? ` · ${objective.title}` : ''}`, FONT, LABEL_WIDTH - 12);
    return `<g class="milestone"><text class="label" x="12" y="${y + 14}">${escape(label)}</text>`
        + `<path class="${state}" d="M${at} ${cy - 6}L${at + 6} ${cy}L${at} ${cy + 6}L${at - 6} ${cy}z"/>`
        + `<text class="${state}" x="${right ? at + 9 : at - 9}" y="${y + 14}" text-anchor="${right ? 'start' : 'end'}">${escape(text)}</text></g>`;
}
