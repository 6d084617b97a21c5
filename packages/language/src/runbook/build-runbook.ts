import { formatIsoDate } from '../analysis/date.js';
import { planActivities } from '../analysis/rules/raci.js';
import type { Analysis, CapabilityStatus, DrModel, PathStep, TimelineEntry } from '../analysis/types.js';
import {
    type Action, type ActionKind, type Activity, type Criticality, type Execute, type FailoverType, type Group,
    PHASE_ORDER, type PhaseName, type Plan, type Process, type RaciRow, type Role, type Workload,
} from '../model/plan-model.js';
import type { DiagnosticRecord } from '../workspace/diagnostic-records.js';
import { groupGaps, type RunbookGapGroup } from './gap-groups.js';

/** One diagnostic of the workspace, exactly as `drplan check --format json` lists it. */
export type RunbookGap = DiagnosticRecord;

export interface RunbookOptions {
    /** The plan to compile; may be omitted when the workspace declares exactly one. */
    plan?: string;
    /** Every diagnostic of the workspace (diagnostics evaluate the unplanned failover), sorted as `check` sorts them. */
    gaps: readonly RunbookGap[];
}

/** `--plan` is missing while there are several plans, names no plan, or there is no plan at all (exit 2 in the CLI). */
export class RunbookPlanError extends Error {
    override readonly name = 'RunbookPlanError';
}

export interface RunbookPolicy {
    /** Workspace-wide: the smallest any plan declares (LANGUAGE.md §3). */
    testValidity: number;
    /** Percent; 100 when the plan declares none. */
    staffEffectiveness: number;
    spofThreshold: Criticality;
    /** Which of the three this plan declares (the others are defaults). */
    declared: { testValidity: boolean; staffEffectiveness: boolean; spofThreshold: boolean };
}

export interface RunbookObjective {
    process: string;
    title: string | null;
    criticality: Criticality;
    /** Seconds; null when the process declares none. */
    rto: number | null;
    rpo: number | null;
    /** Seconds from the declaration of the disaster, under this plan; a lower bound when `complete` is false. */
    recoveryTime: number;
    recoveryPoint: number;
    drModel: DrModel;
    /** Both the recovery time and the recovery point rest only on proven capabilities. */
    proven: boolean;
    /** No needed capability is unknown. */
    complete: boolean;
    rtoMet: boolean | null;
    rpoMet: boolean | null;
    criticalPath: PathStep[];
    /** What the recovery time and the recovery point each rest on. */
    time: RunbookEvidence;
    point: RunbookEvidence;
}

export interface RunbookEvidence {
    proven: boolean;
    /** False when some needed capability is unknown (counted as 0: the value is a lower bound). */
    complete: boolean;
    /** Workloads whose capability used is an estimate. */
    estimates: string[];
    /** Workloads whose capability is unknown. */
    unknown: string[];
}

export type RunbookStepKind = 'step' | 'group' | ActionKind;

/** A workload that a recovery-plan group fails over. */
export interface RunbookFailover {
    workload: string;
    title: string | null;
    /** `2.1`: numbered within its group, after the group's `before` actions. */
    number: string;
    from: string | null;
    to: string | null;
    /** Its recovery time capability in seconds; null when unknown (the timeline counts 0). */
    recoveryTime: number | null;
    capability: CapabilityStatus;
    /** The date of the test that proves the recovery time, when there is one. */
    tested: string | null;
    owner: string | null;
    /** When the group starts it (after the `before` actions). */
    started: number | null;
    /** When it is up: started + RT, or later when a dependency is ready later. */
    ready: number | null;
    /** The dependency it waits for when that is ready after started + RT (a failover-order problem), else null. */
    waitsFor: string | null;
}

/** One line of the response: a step, a recovery-plan group or one of its actions. */
export interface RunbookStep {
    id: string;
    /** `3` for a step or group, `3.2` for an action within group 3 (numbered per phase). */
    number: string;
    phase: PhaseName;
    kind: RunbookStepKind;
    /** The step's title, the action's instruction, script path or runbook id; null when none is written. */
    title: string | null;
    responsible: string | null;
    accountable: string | null;
    /** Seconds from the declaration of the disaster; null for watch steps, which precede it. */
    start: number | null;
    end: number | null;
    /** Planned seconds, after staff-effectiveness for manual work. */
    duration: number;
    /** As written in the plan (before staff-effectiveness). */
    declaredDuration: number;
    /** Groups: the recovery plan and the workloads the group fails over. */
    recoveryPlan?: string;
    workloads?: RunbookFailover[];
    /** Actions: their group, whether they run before or after its workloads, where they run, their `only`. */
    group?: string;
    position?: 'before' | 'after';
    runsOn?: 'primary' | 'recovery';
    /** The failover types the action is limited to; null when it runs for all three. */
    only?: FailoverType[] | null;
}

export interface RunbookRecoveryPlan {
    name: string;
    title: string | null;
    from: string | null;
    to: string | null;
    tested: string | null;
    start: number;
    end: number;
}

/** What a group does, in order: its `before` actions, the failover of its workloads, its `after` actions. */
export type RunbookGroupPart = { kind: 'action'; action: RunbookStep } | { kind: 'failover'; failover: RunbookFailover };

export type RunbookPhaseItem =
    | { kind: 'step'; step: RunbookStep }
    | { kind: 'execute'; recoveryPlan: RunbookRecoveryPlan; groups: Array<{ group: RunbookStep; parts: RunbookGroupPart[] }> };

export interface RunbookPhase {
    name: PhaseName;
    /** Null for watch, and for a phase with nothing that takes place after the declaration. */
    start: number | null;
    end: number | null;
    items: RunbookPhaseItem[];
}

export interface RunbookPerson {
    /** The person's title, or their name when they have none. */
    name: string;
    email: string | null;
    phone: string | null;
}

export interface RunbookContact {
    role: string;
    title: string | null;
    people: RunbookPerson[];
    /** What the plan asks of the role: `runs Declare, Review`, `accountable for Damage`, `owns process Payments`. */
    duties: string[];
}

export interface RunbookRaciRow {
    activity: string;
    kind: 'step' | ActionKind;
    /** Every accountable role the row names (exactly one is right; `raci-accountable` reports the rest). */
    accountable: string[];
    /** The step's or manual action's `by` role first, then those of the RACI row. */
    responsible: string[];
    consulted: string[];
    informed: string[];
}

export interface RunbookRaci {
    /** Whether the plan has a `raci` block; without one only the `by` roles are known. */
    declared: boolean;
    /** The columns: every role of some row, in the order of the contacts. */
    roles: string[];
    rows: RunbookRaciRow[];
}

/** Everything a runbook shows, in the order it shows it; the renderers only format it. */
export interface Runbook {
    plan: string;
    title: string | null;
    owner: string | null;
    /** `YYYY-MM-DD` */
    asOf: string;
    failover: FailoverType;
    policy: RunbookPolicy;
    covers: Array<{ process: string; criticality: Criticality }>;
    recoveryPlans: RunbookRecoveryPlan[];
    /** The errors that concern this plan (the banner): about what it covers, about the plan itself, or syntax errors. */
    errors: RunbookGap[];
    objectives: RunbookObjective[];
    phases: RunbookPhase[];
    /** Steps, groups and the actions that run, in time order (watch first). */
    steps: RunbookStep[];
    /** The end of the last step: when the response is over. */
    end: number;
    contacts: RunbookContact[];
    raci: RunbookRaci;
    gaps: RunbookGap[];
    gapGroups: RunbookGapGroup[];
}

/**
 * Compiles a plan into its runbook (CLI.md `drplan runbook`), for the failover type `analysis` was
 * computed for: the actions whose `only` excludes it are left out, and every time is for it.
 */
export function buildRunbook(analysis: Analysis, options: RunbookOptions): Runbook {
    const plan = choosePlan(analysis, options.plan);
    const timeline = analysis.timelines.get(plan);
    if (!timeline) {
        throw new Error(`no timeline for plan ${plan.name}`);
    }
    const failover = analysis.options.failover;
    const effectiveness = plan.policy.staffEffectiveness ?? 100;
    const raciRows = new Map<Activity, RaciRow>();
    for (const row of plan.raci ?? []) {
        if (!raciRows.has(row.activity)) {
            raciRows.set(row.activity, row);
        }
    }
    const soleAccountable = (activity: Activity) => {
        const accountable = raciRows.get(activity)?.accountable ?? [];
        return accountable.length === 1 ? accountable[0].name : null;
    };

    const capabilityOf = (workload: Workload) => analysis.capabilities.get(workload)?.time;
    const failoverOf = (workload: Workload, number: string): RunbookFailover => {
        const capability = capabilityOf(workload);
        const failover: RunbookFailover = {
            workload: workload.name, title: workload.title ?? null, number,
            from: workload.runsAt?.name ?? null, to: workload.failoverTo?.name ?? null,
            recoveryTime: capability?.value ?? null, capability: capability?.status ?? 'unknown',
            tested: capability?.status === 'proven' && capability.tested ? formatIsoDate(capability.tested) : null,
            owner: workload.owner?.name ?? null,
            started: timeline.started.get(workload) ?? null, ready: timeline.ready.get(workload) ?? null,
            waitsFor: null,
        };
        if (failover.started !== null && failover.ready !== null && failover.ready > failover.started + (failover.recoveryTime ?? 0)) {
            const latest = workload.dependsOn.map(link => link.target)
                .filter(dependency => timeline.ready.get(dependency) === failover.ready);
            failover.waitsFor = latest[0]?.name ?? null;
        }
        return failover;
    };

    const steps: RunbookStep[] = [];
    const phases: RunbookPhase[] = [];
    let number = 0;
    let currentPhase: RunbookPhase | undefined;
    let currentExecute: { execute: Execute; item: Extract<RunbookPhaseItem, { kind: 'execute' }> } | undefined;
    let currentGroup: { group: RunbookStep; parts: RunbookGroupPart[] } | undefined;
    for (const entry of timeline.entries) {
        if (!entry.runs) {
            continue;
        }
        if (currentPhase?.name !== entry.phase) {
            currentPhase = { name: entry.phase, start: null, end: null, items: [] };
            phases.push(currentPhase);
            number = 0;
            currentExecute = undefined;
        }
        const item = entry.item;
        const base = {
            id: item.name, phase: entry.phase, start: entry.start ?? null, end: entry.end ?? null,
            duration: entry.duration,
        };
        if (item.kind === 'step') {
            const step: RunbookStep = {
                ...base, number: String(++number), kind: 'step', title: item.title ?? null,
                responsible: item.role?.name ?? raciRows.get(item)?.responsible[0]?.name ?? null,
                accountable: soleAccountable(item), declaredDuration: item.duration,
            };
            steps.push(step);
            currentPhase.items.push({ kind: 'step', step });
            currentExecute = undefined;
        } else if (item.kind === 'group') {
            const execute = entry.execute!;
            if (currentExecute?.execute !== execute) {
                const recoveryPlan = execute.recoveryPlan;
                currentExecute = {
                    execute,
                    item: {
                        kind: 'execute', groups: [], recoveryPlan: {
                            name: recoveryPlan.name, title: recoveryPlan.title ?? null,
                            from: recoveryPlan.from?.name ?? null, to: recoveryPlan.to?.name ?? null,
                            tested: recoveryPlan.tested ? formatIsoDate(recoveryPlan.tested) : null,
                            start: entry.start ?? 0, end: entry.end ?? 0,
                        },
                    },
                };
                currentPhase.items.push(currentExecute.item);
            }
            currentExecute.item.recoveryPlan.end = entry.end ?? currentExecute.item.recoveryPlan.end;
            const groupNumber = String(++number);
            const group: RunbookStep = {
                ...base, number: groupNumber, kind: 'group', title: item.title ?? null, responsible: null,
                accountable: null, declaredDuration: entry.duration, recoveryPlan: execute.recoveryPlan.name,
                workloads: [],
            };
            currentGroup = { group, parts: [] };
            currentExecute.item.groups.push(currentGroup);
            steps.push(group);
            // The parts in the order they happen; numbers follow that order.
            let part = 0;
            const addAction = (action: Action) => {
                const runs = action.failoverTypes.includes(failover);
                if (runs) {
                    currentGroup!.parts.push({ kind: 'action', action: pendingAction(action, `${groupNumber}.${++part}`) });
                }
            };
            item.before.forEach(addAction);
            for (const { target } of item.members) {
                const failoverPart = failoverOf(target, `${groupNumber}.${++part}`);
                group.workloads!.push(failoverPart);
                currentGroup.parts.push({ kind: 'failover', failover: failoverPart });
            }
            item.after.forEach(addAction);
        } else {
            // An action: its entry follows its group's; fill in the times of the part made above.
            const part = currentGroup?.parts.find(candidate => candidate.kind === 'action' && candidate.action.id === item.name
                && candidate.action.start === null);
            const action = part?.kind === 'action' ? part.action : pendingAction(item, `${number}`);
            action.start = entry.start ?? null;
            action.end = entry.end ?? null;
            action.duration = entry.duration;
            steps.push(action);
        }
        if (entry.start !== undefined && entry.end !== undefined) {
            currentPhase.start = Math.min(currentPhase.start ?? entry.start, entry.start);
            currentPhase.end = Math.max(currentPhase.end ?? entry.end, entry.end);
        }
    }

    function pendingAction(action: Action, actionNumber: string): RunbookStep {
        return {
            id: action.name, number: actionNumber, phase: 'stabilize', kind: action.kind, title: action.text ?? null,
            responsible: action.role?.name ?? raciRows.get(action)?.responsible[0]?.name ?? null,
            accountable: soleAccountable(action), start: null, end: null, duration: 0,
            declaredDuration: action.duration, group: action.group.name, position: action.position,
            runsOn: action.kind === 'manual' ? undefined : action.runsOn ?? 'recovery',
            only: action.failoverTypes.length === 3 ? null : [...action.failoverTypes],
        };
    }

    const covered = uniqueProcesses(plan.covers);
    const objectives = covered.map(process => objectiveOf(analysis, plan, process));
    const contacts = contactsOf(analysis, plan, timeline.entries, covered);
    const raci = raciOf(plan, failover, raciRows, contacts);
    const gaps = options.gaps.map(gap => ({ ...gap }));
    const gapGroups = groupGaps(analysis, plan, gaps);
    const errors = gapGroups.flatMap(group => group.entries.map(entry => entry.gap).filter(gap => gap.severity === 'error'
        && (group.kind === 'plan' || group.kind === 'process' && group.covered || gap.element === null)));

    return {
        plan: plan.name,
        title: plan.title ?? null,
        owner: plan.owner?.name ?? null,
        asOf: formatIsoDate(analysis.options.asOf),
        failover,
        policy: {
            testValidity: analysis.testValidity,
            staffEffectiveness: effectiveness,
            spofThreshold: plan.policy.spofThreshold ?? 'high',
            declared: {
                testValidity: plan.policy.testValidity !== undefined,
                staffEffectiveness: plan.policy.staffEffectiveness !== undefined,
                spofThreshold: plan.policy.spofThreshold !== undefined,
            },
        },
        covers: covered.map(process => ({ process: process.name,
            criticality: analysis.processes.get(process)?.criticality ?? process.criticality ?? 'medium' })),
        recoveryPlans: phases.flatMap(phase => phase.items.flatMap(item => item.kind === 'execute' ? [item.recoveryPlan] : [])),
        errors,
        objectives,
        phases,
        steps,
        end: timeline.end,
        contacts,
        raci,
        gaps,
        gapGroups,
    };
}

/** The plan named by `--plan`, or the only plan of the workspace. */
function choosePlan(analysis: Analysis, name: string | undefined): Plan {
    const plans = analysis.model.plans.filter(plan => analysis.model.byName.get(plan.name) === plan);
    const names = plans.map(plan => plan.name).join(', ');
    if (name === undefined) {
        if (plans.length === 1) {
            return plans[0];
        }
        throw new RunbookPlanError(plans.length === 0 ? 'the workspace declares no plan'
            : `the workspace declares ${plans.length} plans (${names}): choose one with --plan`);
    }
    const plan = plans.find(candidate => candidate.name === name);
    if (!plan) {
        throw new RunbookPlanError(plans.length === 0 ? `there is no plan ${name}: the workspace declares no plan`
            : `there is no plan ${name}; the workspace declares ${names}`);
    }
    return plan;
}

function uniqueProcesses(processes: readonly Process[]): Process[] {
    return [...new Set(processes)];
}

function objectiveOf(analysis: Analysis, plan: Plan, process: Process): RunbookObjective {
    const result = analysis.processes.get(process)!;
    // The runbook is this plan's: its numbers are the evaluation under this plan (the worst when it is missing).
    const evaluation = result.evaluations.find(candidate => candidate.plan === plan) ?? result.worst;
    const time = evaluation.recoveryTime;
    const point = result.recoveryPoint;
    return {
        process: process.name,
        title: process.title ?? null,
        criticality: result.criticality,
        rto: process.rto ?? null,
        rpo: process.rpo ?? null,
        recoveryTime: time.value,
        recoveryPoint: point.value,
        drModel: result.drModel,
        proven: time.proven && point.proven,
        complete: time.complete && point.complete,
        rtoMet: process.rto !== undefined ? time.value <= process.rto : null,
        rpoMet: process.rpo !== undefined ? point.value <= process.rpo : null,
        criticalPath: evaluation.criticalPath.map(step => ({ ...step })),
        time: { proven: time.proven, complete: time.complete, estimates: [...time.estimates], unknown: [...time.unknown] },
        point: { proven: point.proven, complete: point.complete, estimates: [...point.estimates], unknown: [...point.unknown] },
    };
}

/** What a plan asks of a role, in the order the contacts list them. */
const DUTIES = ['owns plan', 'runs', 'accountable for', 'responsible for', 'consulted on', 'informed of', 'owns process',
    'owns workload'] as const;
type Duty = typeof DUTIES[number];

/** Every role the plan uses, in the order a responder meets them, each with what it is asked to do. */
function contactsOf(analysis: Analysis, plan: Plan, entries: readonly TimelineEntry[], covered: readonly Process[]):
    RunbookContact[] {
    const duties = new Map<Role, Map<Duty, string[]>>();
    const add = (role: Role | undefined, duty: Duty, name: string) => {
        if (!role) {
            return;
        }
        let byDuty = duties.get(role);
        if (!byDuty) {
            duties.set(role, byDuty = new Map());
        }
        const names = byDuty.get(duty) ?? [];
        // A step's `by` role runs it: being also named responsible for it says nothing more.
        if (!names.includes(name) && !(duty === 'responsible for' && byDuty.get('runs')?.includes(name))) {
            names.push(name);
        }
        byDuty.set(duty, names);
    };
    add(plan.owner, 'owns plan', plan.name);
    for (const entry of entries) {
        if (entry.runs && (entry.item.kind === 'step' || entry.item.kind === 'manual')) {
            add(entry.item.role, 'runs', entry.item.name);
        }
    }
    for (const row of plan.raci ?? []) {
        row.accountable.forEach(role => add(role, 'accountable for', row.activity.name));
        row.responsible.forEach(role => add(role, 'responsible for', row.activity.name));
        row.consulted.forEach(role => add(role, 'consulted on', row.activity.name));
        row.informed.forEach(role => add(role, 'informed of', row.activity.name));
    }
    for (const process of covered) {
        add(process.owner, 'owns process', process.name);
    }
    const workloads = new Set<Workload>();
    for (const process of covered) {
        analysis.processes.get(process)?.needs.forEach(workload => workloads.add(workload));
    }
    for (const entry of entries) {
        if (entry.item.kind === 'group') {
            entry.item.members.forEach(member => workloads.add(member.target));
        }
    }
    for (const workload of workloads) {
        add(workload.owner, 'owns workload', workload.name);
    }
    return [...duties].map(([role, byDuty]) => ({
        role: role.name,
        title: role.title ?? null,
        people: role.filledBy.map(person => ({
            name: person.title ?? person.name, email: person.email ?? null, phone: person.phone ?? null,
        })),
        duties: DUTIES.filter(duty => (byDuty.get(duty) ?? []).length > 0).map(duty => {
            const names = byDuty.get(duty)!;
            const phrase = names.length === 1 ? duty : duty === 'owns process' ? 'owns processes'
                : duty === 'owns workload' ? 'owns workloads' : duty;
            return `${phrase} ${names.join(', ')}`;
        }),
    }));
}

/** One row per step and manual action of the plan (and per other action a RACI row names), as they run. */
function raciOf(plan: Plan, failover: FailoverType, rows: ReadonlyMap<Activity, RaciRow>, contacts: readonly RunbookContact[]):
    RunbookRaci {
    const activities = planActivities(plan).filter(activity => activity.kind === 'step' || activity.failoverTypes.includes(failover));
    const listed = new Set<Activity>(activities);
    for (const activity of rows.keys()) {
        if (!listed.has(activity) && (activity.kind === 'step' || activity.failoverTypes.includes(failover))
            && isInPlan(plan, activity)) {
            activities.push(activity);
            listed.add(activity);
        }
    }
    const names = (roles: readonly Role[]) => [...new Set(roles.map(role => role.name))];
    const raciRows = sortByResponse(plan, activities).map((activity): RunbookRaciRow => {
        const row = rows.get(activity);
        const doer = activity.kind === 'step' || activity.kind === 'manual' ? activity.role : undefined;
        return {
            activity: activity.name,
            kind: activity.kind,
            accountable: names(row?.accountable ?? []),
            responsible: names([...(doer ? [doer] : []), ...(row?.responsible ?? [])]),
            consulted: names(row?.consulted ?? []),
            informed: names(row?.informed ?? []),
        };
    });
    const used = new Set(raciRows.flatMap(row => [...row.accountable, ...row.responsible, ...row.consulted, ...row.informed]));
    return { declared: plan.raci !== undefined, roles: contacts.map(contact => contact.role).filter(role => used.has(role)), rows: raciRows };
}

/** Whether a RACI row's activity belongs to this plan: one of its steps, or an action of a recovery plan it executes. */
function isInPlan(plan: Plan, activity: Activity): boolean {
    if (activity.kind === 'step') {
        return activity.plan === plan;
    }
    return plan.phases.some(phase => phase.items.some(item => item.kind === 'execute'
        && item.recoveryPlan === activity.group.recoveryPlan));
}

/** Activities in the order of the response: phases in canonical order, groups and their actions in order. */
function sortByResponse(plan: Plan, activities: readonly Activity[]): Activity[] {
    const order = new Map<Activity, number>();
    let index = 0;
    const phases = [...plan.phases].sort((a, b) => PHASE_ORDER.indexOf(a.name) - PHASE_ORDER.indexOf(b.name));
    for (const phase of phases) {
        for (const item of phase.items) {
            if (item.kind === 'step') {
                order.set(item, index++);
            } else {
                for (const group of item.recoveryPlan.groups) {
                    for (const action of actionsOf(group)) {
                        if (!order.has(action)) {
                            order.set(action, index++);
                        }
                    }
                }
            }
        }
    }
    return [...activities].sort((a, b) => (order.get(a) ?? index) - (order.get(b) ?? index));
}

function actionsOf(group: Group): Action[] {
    return [...group.before, ...group.after];
}
