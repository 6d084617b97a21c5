import { CRITICALITY_ORDER, type Criticality, type Element, type Plan, type PlanModel, type Process, type Role,
    type Workload } from '../model/plan-model.js';
import { workloadCapabilities } from './capability.js';
import { type DependencyOrder, dependencyOrder } from './dependency-order.js';
import { drModel } from './dr-model.js';
import { assessLoss, elementNeed, type Need, processNeeds, type ProcessNeeds, rolesNeededByPlan, type SharedNeedElement,
    singlePointsOfFailure } from './loss.js';
import { capabilityStatus, neededWorkloads, readyTimes, type ReadyContext, upstreamProcesses, withDependencies } from './rollup.js';
import { allRules } from './rules/index.js';
import { type PlanSchedule, schedulePlan } from './timeline.js';
import type { Analysis, AnalysisOptions, Finding, ProcessEvaluation, ProcessResult, RollUp, Spof, Timeline,
    WorkloadCapabilities } from './types.js';

const DEFAULT_TEST_VALIDITY = 365 * 86400;

/** Everything the rules may read: the model and the conclusions drawn from it. */
export interface AnalysisContext {
    readonly model: PlanModel;
    readonly options: AnalysisOptions;
    readonly testValidity: number;
    readonly capabilities: ReadonlyMap<Workload, WorkloadCapabilities>;
    readonly workloadOrder: DependencyOrder<Workload>;
    readonly processOrder: DependencyOrder<Process>;
    readonly processes: ReadonlyMap<Process, ProcessResult>;
    readonly timelines: ReadonlyMap<Plan, Timeline>;
    readonly plansCovering: ReadonlyMap<Process, readonly Plan[]>;
    readonly spofs: readonly Spof[];
    /** The SPOF threshold that applies to a process (the lowest of the plans covering it, else `high`). */
    spofThreshold(process: Process): Criticality;
}

/**
 * The whole analysis of LANGUAGE.md §3: a pure function of the model and the options (evaluation
 * date, failover type). Linear in elements plus references, except the per-process closures of
 * needed workloads, which are as large as what each process really needs.
 */
export function analyze(model: PlanModel, options: AnalysisOptions): Analysis {
    // The smallest any plan declares, so that "proven" means one thing everywhere.
    const declaredValidity = model.plans.flatMap(plan => plan.policy.testValidity !== undefined ? [plan.policy.testValidity] : []);
    const testValidity = declaredValidity.length > 0 ? Math.min(...declaredValidity) : DEFAULT_TEST_VALIDITY;
    const capabilities = new Map<Workload, WorkloadCapabilities>();
    for (const workload of model.workloads) {
        capabilities.set(workload, workloadCapabilities(workload, options.asOf, testValidity));
    }
    const recoveryTime = (workload: Workload) => capabilities.get(workload)?.time.value ?? 0;
    const workloadOrder = dependencyOrder(model.workloads, workload => workload.dependsOn.map(link => link.target));
    const processOrder = dependencyOrder(model.processes, upstreamProcesses);
    // Upstream processes that count: each once, without the references that close an input cycle.
    const upstreamOf = new Map(model.processes.map(process => [process, [...new Set(upstreamProcesses(process)
        .filter((_, index) => !processOrder.isClosing(process, index)))]]));

    const plansCovering = new Map<Process, Plan[]>();
    for (const plan of model.plans) {
        for (const process of new Set(plan.covers)) {
            let plans = plansCovering.get(process);
            if (!plans) {
                plansCovering.set(process, plans = []);
            }
            plans.push(plan);
        }
    }

    const needsOf = new Map(model.processes.map(process => [process, neededWorkloads(process)]));

    // One timeline and one set of ready times per plan, and one without any plan (L = 0), each over
    // only the workloads it can concern: what its covered processes need, and its members' dependencies.
    const timelines = new Map<Plan, Timeline>();
    const contexts = new Map<Plan | undefined, ReturnType<typeof readyTimes>>();
    const readyUnder = (plan: Plan | undefined) => {
        let ready = contexts.get(plan);
        if (!ready) {
            const schedule = plan ? scheduleOf(plan) : undefined;
            const context: ReadyContext = schedule ?? { lead: 0, leadPath: [], started: new Map(), startPath: () => [] };
            const covered = plan ? plan.covers : model.processes.filter(process => !plansCovering.has(process));
            const concerned = withDependencies([...covered.flatMap(process => needsOf.get(process) ?? []),
                ...context.started.keys()]);
            ready = readyTimes(workloadOrder, recoveryTime, context, concerned);
            contexts.set(plan, ready);
            if (plan && schedule) {
                // Consumers such as the runbook may ask about any workload: all ready times, on first use.
                let allReady: ReadonlyMap<Workload, number> | undefined;
                timelines.set(plan, {
                    plan, failover: options.failover, lead: schedule.lead, entries: schedule.entries,
                    started: schedule.started, end: schedule.end,
                    get ready() {
                        return allReady ??= readyTimes(workloadOrder, recoveryTime, context).ready;
                    },
                });
            }
        }
        return ready;
    };
    const schedules = new Map<Plan, PlanSchedule>();
    const scheduleOf = (plan: Plan) => {
        let schedule = schedules.get(plan);
        if (!schedule) {
            schedules.set(plan, schedule = schedulePlan(plan, options.failover, recoveryTime));
        }
        return schedule;
    };
    model.plans.forEach(readyUnder);
    const groupMates = new Map(model.plans.map(plan => [plan, new GroupMates(scheduleOf(plan), capabilities)]));

    const processes = new Map<Process, ProcessResult>();
    for (const process of processOrder.order) {
        const needs = needsOf.get(process)!;
        const upstream = upstreamOf.get(process)!.flatMap(source => processes.get(source) ?? []);
        const upstreamTimes = upstream.map(result => result.worst.recoveryTime);
        const evaluations = (plansCovering.get(process) ?? [undefined]).map((plan): ProcessEvaluation => {
            const ready = readyUnder(plan);
            // Under a plan, the RTs used include every member of the groups that run up to the last
            // group a needed workload fails over in: their slowest member decides when the next group starts.
            const timeStatus = capabilityStatus(needs, capabilities, 'time', upstreamTimes,
                plan ? groupMates.get(plan)!.upTo(needs) : undefined);
            let value = 0;
            let criticalPath: ProcessEvaluation['criticalPath'] = [];
            let slowest: Workload | undefined;
            for (const workload of needs) {
                const time = ready.ready.get(workload) ?? 0;
                if (time > value || !slowest && value === 0) {
                    value = time;
                    slowest = workload;
                }
            }
            if (slowest) {
                criticalPath = ready.pathTo(slowest);
            }
            for (const source of upstream) {
                if (source.worst.recoveryTime.value > value) {
                    value = source.worst.recoveryTime.value;
                    criticalPath = [...source.worst.criticalPath,
                        { name: source.process.name, kind: 'process', duration: 0 }];
                }
            }
            return { plan, recoveryTime: { value, ...timeStatus }, criticalPath };
        });
        const worst = evaluations.reduce((a, b) => b.recoveryTime.value > a.recoveryTime.value ? b : a);
        const recoveryPoint = pointRollUp(needs, capabilities, upstream.map(result => result.recoveryPoint));
        processes.set(process, {
            process, needs, evaluations, worst, recoveryPoint,
            criticality: process.criticality ?? 'medium',
            rtoMet: process.rto !== undefined ? worst.recoveryTime.value <= process.rto : undefined,
            rpoMet: process.rpo !== undefined ? recoveryPoint.value <= process.rpo : undefined,
            drModel: drModel(needs),
        });
    }

    const rolesOfPlan = new Map(model.plans.map(plan => [plan, rolesNeededByPlan(plan)]));
    const rolesByProcess = new Map<Process, Role[]>();
    for (const process of model.processes) {
        rolesByProcess.set(process, [...new Set((plansCovering.get(process) ?? []).flatMap(plan => rolesOfPlan.get(plan)!))]);
    }
    const sharedNeeds = new Map<SharedNeedElement, Need | undefined>();
    const needOf = (element: SharedNeedElement) => {
        if (!sharedNeeds.has(element)) {
            sharedNeeds.set(element, elementNeed(element));
        }
        return sharedNeeds.get(element);
    };
    const orderedForLoss: ProcessNeeds[] = processOrder.order.map(process => processNeeds(process, upstreamOf.get(process)!,
        processes.get(process)?.needs ?? [], rolesByProcess.get(process) ?? [], needOf));

    const spofThreshold = (process: Process): Criticality => {
        const thresholds = (plansCovering.get(process) ?? []).map(plan => plan.policy.spofThreshold ?? 'high');
        return thresholds.length === 0 ? 'high'
            : thresholds.reduce((a, b) => CRITICALITY_ORDER.indexOf(b) < CRITICALITY_ORDER.indexOf(a) ? b : a);
    };
    const spofs = collectSpofs(orderedForLoss, processes, spofThreshold);

    const context: AnalysisContext = {
        model, options, testValidity, capabilities, workloadOrder, processOrder, processes, timelines, plansCovering,
        spofs, spofThreshold,
    };
    const findings: Finding[] = [];
    for (const rule of allRules) {
        rule(context, finding => findings.push(finding));
    }

    return {
        model, options, testValidity, capabilities, processes, timelines, spofs, findings,
        simulateLoss(lost: readonly Element[]) {
            const outcomes = assessLoss(orderedForLoss, new Set(lost));
            return model.processes.map(process => ({ process, ...outcomes.get(process)! }));
        },
    };
}

/**
 * The estimated and unknown recovery times among the members of a plan's groups, in the order the
 * groups run, so that the names up to any group are a prefix (each member counted once).
 */
class GroupMates {
    private readonly estimates: string[] = [];
    private readonly unknown: string[] = [];
    /** After each group: how many of `estimates` and of `unknown` its members and earlier ones add. */
    private readonly ends: Array<{ estimates: number; unknown: number }> = [];

    constructor(private readonly schedule: PlanSchedule, capabilities: ReadonlyMap<Workload, WorkloadCapabilities>) {
        const seen = new Set<Workload>();
        for (const members of schedule.groupMembers) {
            for (const member of members) {
                if (seen.has(member)) {
                    continue;
                }
                seen.add(member);
                const status = capabilities.get(member)?.time.status;
                if (status === 'estimate') {
                    this.estimates.push(member.name);
                } else if (status === 'unknown') {
                    this.unknown.push(member.name);
                }
            }
            this.ends.push({ estimates: this.estimates.length, unknown: this.unknown.length });
        }
    }

    /** The names among the groups up to the last one any of `needs` runs in (none if none does). */
    upTo(needs: readonly Workload[]): Pick<RollUp, 'estimates' | 'unknown'> | undefined {
        let last = -1;
        for (const workload of needs) {
            last = Math.max(last, this.schedule.groupOf.get(workload) ?? -1);
        }
        return last < 0 ? undefined : {
            estimates: this.estimates.slice(0, this.ends[last].estimates),
            unknown: this.unknown.slice(0, this.ends[last].unknown),
        };
    }
}

function pointRollUp(needs: readonly Workload[], capabilities: ReadonlyMap<Workload, WorkloadCapabilities>,
    upstream: readonly RollUp[]): RollUp {
    let value = 0;
    for (const workload of needs) {
        value = Math.max(value, capabilities.get(workload)?.point?.value ?? 0);
    }
    for (const rollUp of upstream) {
        value = Math.max(value, rollUp.value);
    }
    return { value, ...capabilityStatus(needs, capabilities, 'point', upstream) };
}

function collectSpofs(ordered: readonly ProcessNeeds[], processes: ReadonlyMap<Process, ProcessResult>,
    threshold: (process: Process) => Criticality): Spof[] {
    const byElement = new Map<Element, Array<{ process: Process; reasons: string[] }>>();
    for (const [process, spofs] of singlePointsOfFailure(ordered)) {
        const criticality = processes.get(process)?.criticality ?? 'medium';
        if (CRITICALITY_ORDER.indexOf(criticality) < CRITICALITY_ORDER.indexOf(threshold(process))) {
            continue;
        }
        for (const [element, loss] of spofs) {
            let entries = byElement.get(element);
            if (!entries) {
                byElement.set(element, entries = []);
            }
            entries.push({ process, reasons: loss.takes.map(taken => taken.reason) });
        }
    }
    return [...byElement].map(([element, processes]) => ({ element, processes }));
}
