import type { Analysis } from '../analysis/types.js';
import type { Criticality, Element, Plan, Process, RecoveryPlan, Role } from '../model/plan-model.js';
import type { RunbookGap } from './build-runbook.js';

/** A gap listed once, under the first process it concerns, naming the others it concerns too. */
export interface RunbookGapEntry {
    gap: RunbookGap;
    alsoConcerns: string[];
}

/**
 * The open gaps of a runbook, grouped: each process the plan covers (in its `covers` order), then the
 * plan's own response (steps, RACI, the recovery plans it executes), then processes other plans cover,
 * then the rest of the workspace (syntax errors, elements no process needs).
 */
export type RunbookGapGroup =
    | { kind: 'process'; process: string; title: string | null; criticality: Criticality; covered: boolean; entries: RunbookGapEntry[] }
    | { kind: 'plan'; plan: string; entries: RunbookGapEntry[] }
    | { kind: 'workspace'; entries: RunbookGapEntry[] };

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

export function groupGaps(analysis: Analysis, plan: Plan, gaps: readonly RunbookGap[]): RunbookGapGroup[] {
    const { model } = analysis;
    const concerns = processIndex(analysis);
    const spofProcesses = new Map(analysis.spofs.map(spof => [spof.element.name, spof.processes.map(entry => entry.process)]));
    const executed = new Set<RecoveryPlan>(plan.phases.flatMap(phase => phase.items.flatMap(item =>
        item.kind === 'execute' ? [item.recoveryPlan] : [])));
    const planRoles = rolesOfPlan(plan);
    const belongsToPlan = (element: Element): boolean => {
        switch (element.kind) {
            case 'plan': return element === plan;
            case 'step': return element.plan === plan;
            case 'recovery-plan': return executed.has(element);
            case 'group': return executed.has(element.recoveryPlan);
            case 'manual':
            case 'script':
            case 'automation': return executed.has(element.group.recoveryPlan);
            case 'role': return planRoles.has(element);
            case 'person': return [...planRoles].some(role => role.filledBy.includes(element));
            default: return false;
        }
    };

    const covered = [...new Set(plan.covers)];
    const order = [...covered, ...model.processes.filter(process => !covered.includes(process))];
    const rank = new Map(order.map((process, index) => [process, index]));
    const byProcess = new Map<Process, RunbookGapEntry[]>();
    const planEntries: RunbookGapEntry[] = [];
    const workspaceEntries: RunbookGapEntry[] = [];
    for (const gap of gaps) {
        const element = gap.element !== null ? model.byName.get(gap.element) : undefined;
        const processes = gap.code === 'spof' && gap.element !== null && spofProcesses.has(gap.element)
            ? spofProcesses.get(gap.element)!
            : element && !belongsToPlan(element) ? concerns(element) : [];
        const sorted = [...new Set(processes)].sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
        if (sorted.length > 0) {
            const entries = byProcess.get(sorted[0]) ?? [];
            entries.push({ gap, alsoConcerns: sorted.slice(1).map(process => process.name) });
            byProcess.set(sorted[0], entries);
        } else if (element && belongsToPlan(element)) {
            planEntries.push({ gap, alsoConcerns: [] });
        } else {
            workspaceEntries.push({ gap, alsoConcerns: [] });
        }
    }

    const groups: RunbookGapGroup[] = [];
    const processGroup = (process: Process) => {
        const entries = byProcess.get(process);
        if (entries) {
            groups.push({
                kind: 'process', process: process.name, title: process.title ?? null,
                criticality: analysis.processes.get(process)?.criticality ?? 'medium', covered: covered.includes(process),
                entries: bySeverity(entries),
            });
        }
    };
    covered.forEach(processGroup);
    if (planEntries.length > 0) {
        groups.push({ kind: 'plan', plan: plan.name, entries: bySeverity(planEntries) });
    }
    order.filter(process => !covered.includes(process)).forEach(processGroup);
    if (workspaceEntries.length > 0) {
        groups.push({ kind: 'workspace', entries: bySeverity(workspaceEntries) });
    }
    return groups;
}

/** Errors first, otherwise in the order given (check's: by file and position). */
function bySeverity(entries: RunbookGapEntry[]): RunbookGapEntry[] {
    return entries.map((entry, index) => ({ entry, index }))
        .sort((a, b) => SEVERITY_RANK[a.entry.gap.severity] - SEVERITY_RANK[b.entry.gap.severity] || a.index - b.index)
        .map(({ entry }) => entry);
}

/** Which processes an element concerns: the process itself, or the processes that need it. Linear in what processes need. */
function processIndex(analysis: Analysis): (element: Element) => Process[] {
    const index = new Map<Element, Process[]>();
    const add = (element: Element | undefined, process: Process) => {
        if (!element) {
            return;
        }
        const processes = index.get(element);
        if (!processes) {
            index.set(element, [process]);
        } else if (processes[processes.length - 1] !== process) {
            processes.push(process);
        }
    };
    for (const process of analysis.model.processes) {
        add(process, process);
        add(process.owner, process);
        for (const workload of analysis.processes.get(process)?.needs ?? []) {
            add(workload, process);
            add(workload.runsAt, process);
            add(workload.failoverTo, process);
        }
        [...process.suppliers, ...process.customers, ...process.workforce, ...process.equipment, ...process.locations,
            ...process.data].forEach(element => add(element, process));
        process.inputs.forEach(input => input.source.kind === 'supplier' && add(input.source, process));
        process.outputs.forEach(output => output.target.kind === 'customer' && add(output.target, process));
    }
    return element => {
        if (element.kind === 'recovery-plan' || element.kind === 'group') {
            const groups = element.kind === 'group' ? [element] : element.groups;
            return groups.flatMap(group => group.members.flatMap(member => index.get(member.target) ?? []));
        }
        return index.get(element) ?? [];
    };
}

/** The roles a plan gives work or duties to: owner, step and manual-action roles, RACI roles. */
function rolesOfPlan(plan: Plan): Set<Role> {
    const roles = new Set<Role>();
    if (plan.owner) {
        roles.add(plan.owner);
    }
    for (const phase of plan.phases) {
        for (const item of phase.items) {
            if (item.kind === 'step') {
                if (item.role) roles.add(item.role);
            } else {
                for (const group of item.recoveryPlan.groups) {
                    [...group.before, ...group.after].forEach(action => action.role && roles.add(action.role));
                }
            }
        }
    }
    for (const row of plan.raci ?? []) {
        [...row.accountable, ...row.responsible, ...row.consulted, ...row.informed].forEach(role => roles.add(role));
    }
    return roles;
}
