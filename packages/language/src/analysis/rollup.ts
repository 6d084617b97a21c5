import type { Process, Workload } from '../model/plan-model.js';
import type { DependencyOrder } from './dependency-order.js';
import type { PathStep, RollUp, WorkloadCapabilities } from './types.js';

/** Where a timeline starts workloads: the lead time, and the members of executed recovery plans. */
export interface ReadyContext {
    readonly lead: number;
    readonly leadPath: readonly PathStep[];
    readonly started: ReadonlyMap<Workload, number>;
    startPath(member: Workload): readonly PathStep[];
}

export interface ReadyTimes {
    readonly ready: ReadonlyMap<Workload, number>;
    /** The critical path that ends when `workload` is ready. */
    pathTo(workload: Workload): PathStep[];
}

/**
 * Ready time of every workload (LANGUAGE.md §3.2 step 3) — or of the `concerned` ones, which must
 * include their dependencies — in dependency order, so each
 * dependency is ready before its dependents are computed. Closing edges of cycles are ignored.
 *   member of an executed recovery plan: ready = max(started + RT, ready of each dependency)
 *   otherwise:                           ready = RT + max(lead, ready of each dependency)
 */
export function readyTimes(workloads: DependencyOrder<Workload>, recoveryTime: (w: Workload) => number,
    context: ReadyContext, concerned?: ReadonlySet<Workload>): ReadyTimes {
    const ready = new Map<Workload, number>();
    // The dependency that determined a workload's ready time (none: the lead or its own start did).
    const via = new Map<Workload, Workload>();
    // Only the workloads this timeline can concern (they include their own dependencies).
    for (const workload of concerned ? workloads.ordered(concerned) : workloads.order) {
        const started = context.started.get(workload);
        let latest = started !== undefined ? started + recoveryTime(workload) : context.lead;
        let latestDependency: Workload | undefined;
        workload.dependsOn.forEach(({ target }, index) => {
            const dependencyReady = ready.get(target);
            if (dependencyReady !== undefined && dependencyReady > latest && !workloads.isClosing(workload, index)) {
                latest = dependencyReady;
                latestDependency = target;
            }
        });
        ready.set(workload, started !== undefined ? latest : latest + recoveryTime(workload));
        if (latestDependency) {
            via.set(workload, latestDependency);
        }
    }
    return {
        ready,
        pathTo(workload: Workload): PathStep[] {
            const tail: PathStep[] = [];
            let current: Workload | undefined = workload;
            let prefix: readonly PathStep[] = context.leadPath;
            while (current) {
                const member = context.started.has(current);
                const dependency = via.get(current);
                if (!(member && dependency)) {
                    tail.push({ name: current.name, kind: 'workload', duration: recoveryTime(current) });
                }
                if (!dependency) {
                    prefix = member ? context.startPath(current) : context.leadPath;
                }
                current = dependency;
            }
            return [...prefix, ...tail.reverse()];
        },
    };
}

/**
 * The workloads a process needs: its `workloads`, the holders of its `data`, and all their
 * transitive dependencies (LANGUAGE.md §3.2 step 4), in the order first reached.
 */
export function neededWorkloads(process: Process): Workload[] {
    return [...withDependencies([...process.workloads, ...process.data.flatMap(data => data.heldBy ? [data.heldBy] : [])])];
}

/** The workloads and all their transitive dependencies, each once, in the order first reached. */
export function withDependencies(workloads: Iterable<Workload>): Set<Workload> {
    const all = new Set(workloads);
    const pending = [...all];
    while (pending.length > 0) {
        for (const { target } of pending.pop()!.dependsOn) {
            if (!all.has(target)) {
                all.add(target);
                pending.push(target);
            }
        }
    }
    return all;
}

/**
 * Proven / complete status and the names behind it, over the capabilities a roll-up used.
 * `value` is filled in by the caller (it depends on the timeline for recovery times). `also` adds
 * names found elsewhere (a plan's group mates), after those of `needs` and before the upstream ones.
 */
export function capabilityStatus(needs: readonly Workload[], capabilities: ReadonlyMap<Workload, WorkloadCapabilities>,
    which: 'time' | 'point', upstream: readonly RollUp[], also?: Pick<RollUp, 'estimates' | 'unknown'>): Omit<RollUp, 'value'> {
    const estimates = new Set<string>();
    const unknown = new Set<string>();
    for (const workload of needs) {
        const capability = capabilities.get(workload)?.[which];
        if (!capability) {
            continue; // stateless: no recovery point
        }
        if (capability.status === 'estimate') {
            estimates.add(workload.name);
        } else if (capability.status === 'unknown') {
            unknown.add(workload.name);
        }
    }
    for (const rollUp of also ? [also, ...upstream] : upstream) {
        rollUp.estimates.forEach(name => estimates.add(name));
        rollUp.unknown.forEach(name => unknown.add(name));
    }
    return {
        proven: estimates.size === 0 && unknown.size === 0,
        complete: unknown.size === 0,
        estimates: [...estimates],
        unknown: [...unknown],
    };
}

/** Upstream processes of a process: the sources of its `input … from` that are processes, in order. */
export function upstreamProcesses(process: Process): Process[] {
    return process.inputs.flatMap(input => input.source.kind === 'process' ? [input.source] : []);
}
