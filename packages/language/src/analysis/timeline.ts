import { type Action, type Execute, type FailoverType, PHASE_ORDER, type Plan, type Step, type Workload } from '../model/plan-model.js';
import type { PathStep, TimelineEntry } from './types.js';

/** A plan's response laid out in time (LANGUAGE.md §3.2 steps 1–2), before ready times. */
export interface PlanSchedule {
    readonly lead: number;
    /** The mobilize and assess steps, which make up the lead time. */
    readonly leadPath: readonly PathStep[];
    readonly entries: readonly TimelineEntry[];
    readonly started: ReadonlyMap<Workload, number>;
    /** For a started member: the chain of stabilize items that ends when it is started. */
    startPath(member: Workload): readonly PathStep[];
    /** The members of each executed group, in the order the groups run. */
    readonly groupMembers: ReadonlyArray<readonly Workload[]>;
    /** The position in `groupMembers` of the group each started member runs in. */
    readonly groupOf: ReadonlyMap<Workload, number>;
    readonly end: number;
}

/** Manual work under stress takes `duration / staff-effectiveness`. */
export function manualDuration(duration: number, staffEffectiveness: number): number {
    return Math.round(duration * 100 / staffEffectiveness);
}

/**
 * Lays out a plan's phases in canonical order (watch, mobilize, assess, stabilize, close), each
 * item after the previous one. Groups of an executed recovery plan run in order: members start
 * after the group's `before` actions; the group ends after its slowest member and its `after`
 * actions. Actions excluded by `only` take no time. `recoveryTime` gives each member's RT (0 when unknown).
 */
export function schedulePlan(plan: Plan, failover: FailoverType, recoveryTime: (workload: Workload) => number): PlanSchedule {
    const effectiveness = plan.policy.staffEffectiveness ?? 100;
    const stepDuration = (step: Step) => manualDuration(step.duration, effectiveness);
    const actionDuration = (action: Action) => !action.failoverTypes.includes(failover) ? 0
        : action.kind === 'manual' ? manualDuration(action.duration, effectiveness) : action.duration;

    const entries: TimelineEntry[] = [];
    const started = new Map<Workload, number>();
    // A member's start path is the lead, the stabilize items before its group (a prefix of
    // stabilizePath, which only grows) and its group's own wait: kept as a length, built on demand.
    const startedAfter = new Map<Workload, { stabilizeItems: number; group: PathStep }>();
    const groupMembers: Workload[][] = [];
    const groupOf = new Map<Workload, number>();
    const leadPath: PathStep[] = [];
    const stabilizePath: PathStep[] = [];
    let time = 0;

    const phases = [...plan.phases].sort((a, b) => PHASE_ORDER.indexOf(a.name) - PHASE_ORDER.indexOf(b.name));
    for (const phase of phases) {
        for (const item of phase.items) {
            if (item.kind === 'step') {
                const duration = stepDuration(item);
                if (phase.name === 'watch') {
                    entries.push({ item, phase: phase.name, duration, runs: true });
                    continue;
                }
                entries.push({ item, phase: phase.name, start: time, end: time + duration, duration, runs: true });
                time += duration;
                if (phase.name === 'mobilize' || phase.name === 'assess') {
                    leadPath.push({ name: item.name, kind: 'step', duration });
                } else if (phase.name === 'stabilize') {
                    stabilizePath.push({ name: item.name, kind: 'step', duration });
                }
            } else if (phase.name === 'stabilize') {
                time = executeRecoveryPlan(item, time);
            }
            // An `execute` outside stabilize is reported by validation and takes no time.
        }
    }
    const startPath = (member: Workload): readonly PathStep[] => {
        const start = startedAfter.get(member);
        return start ? [...leadPath, ...stabilizePath.slice(0, start.stabilizeItems), start.group] : [];
    };
    return { lead: leadPath.reduce((sum, step) => sum + step.duration, 0), leadPath, entries, started, startPath,
        groupMembers, groupOf, end: time };

    function executeRecoveryPlan(execute: Execute, start: number): number {
        let time = start;
        for (const group of execute.recoveryPlan.groups) {
            const groupStart = time;
            const groupEntry = entries.length;
            entries.push(undefined as unknown as TimelineEntry);
            for (const action of group.before) {
                const duration = actionDuration(action);
                entries.push({ item: action, phase: 'stabilize', execute, start: time, end: time + duration, duration,
                    runs: action.failoverTypes.includes(failover) });
                time += duration;
            }
            const membersStart = time;
            let slowest = 0;
            groupMembers.push(group.members.map(link => link.target));
            const start = { stabilizeItems: stabilizePath.length,
                group: { name: group.name, kind: 'group', duration: membersStart - groupStart } as const };
            for (const { target: member } of group.members) {
                if (!started.has(member)) {
                    started.set(member, membersStart);
                    groupOf.set(member, groupMembers.length - 1);
                    startedAfter.set(member, start);
                }
                slowest = Math.max(slowest, recoveryTime(member));
            }
            time = membersStart + slowest;
            for (const action of group.after) {
                const duration = actionDuration(action);
                entries.push({ item: action, phase: 'stabilize', execute, start: time, end: time + duration, duration,
                    runs: action.failoverTypes.includes(failover) });
                time += duration;
            }
            entries[groupEntry] = { item: group, phase: 'stabilize', execute, start: groupStart, end: time,
                duration: time - groupStart, runs: true };
            stabilizePath.push({ name: group.name, kind: 'group', duration: time - groupStart });
        }
        return time;
    }
}
