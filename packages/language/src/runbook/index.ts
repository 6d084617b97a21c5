export { buildRunbook, RunbookPlanError } from './build-runbook.js';
export type {
    Runbook, RunbookContact, RunbookFailover, RunbookGap, RunbookGroupPart, RunbookObjective, RunbookOptions,
    RunbookEvidence, RunbookPerson, RunbookPhase, RunbookPhaseItem, RunbookPolicy, RunbookRaci, RunbookRaciRow, RunbookRecoveryPlan,
    RunbookStep, RunbookStepKind,
} from './build-runbook.js';
export type { RunbookGapEntry, RunbookGapGroup } from './gap-groups.js';
export { renderRunbookJson, runbookJson } from './runbook-json.js';
export { escapeMarkdown, renderRunbookMarkdown } from './markdown.js';
export { renderRunbookHtml, runbookDependencyMap } from './html.js';
export type { RunbookHtmlOptions } from './html.js';
export { PHASE_COLOURS, renderTimelineSvg } from './timeline-svg.js';
