import type { Element, Equipment, Plan, Process, Role, Site, Supplier, Workforce, Workload } from '../model/plan-model.js';

/**
 * The loss engine (LANGUAGE.md §3.4). Every thing a process needs is described by its *cut sets*:
 * sets of elements whose joint loss takes it down (a workload without failover: itself, or its
 * site; with a failover site F: itself and F, or its site and F; …). A process is unrecoverable
 * under a loss when some cut set of something it needs is entirely lost, and an element is a SPOF
 * of a process when it alone is such a cut set. Both `drplan simulate` and the `spof` diagnostic
 * are answered from these cut sets, so they cannot disagree.
 */
export interface Need {
    /** What is needed: a workload, supplier, workforce, equipment, role, or the process's locations. */
    readonly name: string;
    /** The names that stand for it when it is lost (the sites, for a process's locations). */
    readonly strands?: readonly string[];
    readonly element?: Element;
    /** Why losing a cut set takes it down, for messages: `OrderApp has no failover site and a single instance`. */
    readonly cuts: ReadonlyArray<{ readonly elements: readonly Element[]; readonly reason: string }>;
}

export interface ProcessNeeds {
    readonly process: Process;
    readonly needs: readonly Need[];
    /** Upstream processes (`input … from`), whose loss strands this one. */
    readonly upstream: readonly Process[];
}

/** The elements whose need is the same for every process that has it (see `elementNeed`). */
export type SharedNeedElement = Workload | Supplier | Workforce | Equipment | Role;

/**
 * What each process needs and how it can be lost. `upstream` are the processes it takes input from
 * (each once, cycle-closing references left out); `workloads` are the roll-up's needed workloads;
 * `needOf` gives the (shared, cached) `elementNeed` of a workload, supplier, workforce, equipment
 * or role, so that processes needing the same ones do not each build their own.
 */
export function processNeeds(process: Process, upstream: readonly Process[], workloads: readonly Workload[],
    roles: readonly Role[], needOf: (element: SharedNeedElement) => Need | undefined): ProcessNeeds {
    const needs: Need[] = [];
    const add = (element: SharedNeedElement) => {
        const need = needOf(element);
        if (need) {
            needs.push(need);
        }
    };
    workloads.forEach(add);
    const suppliers = new Set(process.suppliers);
    for (const input of process.inputs) {
        if (input.source.kind === 'supplier') {
            suppliers.add(input.source);
        }
    }
    suppliers.forEach(add);
    process.workforce.forEach(add);
    process.equipment.forEach(add);
    if (process.locations.length > 0) {
        const sites = [...new Set(process.locations)];
        needs.push({
            name: sites.map(site => site.name).join(', '),
            strands: sites.map(site => site.name),
            cuts: [{ elements: sites, reason: sites.length === 1 ? `${sites[0].name} is its only location`
                : `${sites.map(site => site.name).join(', ')} are all its locations` }],
        });
    }
    roles.forEach(add);
    return { process, needs, upstream };
}

/**
 * One element as a need: a workload is lost with itself (no failover, one instance) or its site (no
 * failover); a supplier with all its alternatives; workforce and equipment with their sites (and
 * equipment without spares on its own); a role with everyone filling it (a role nobody fills: none).
 */
export function elementNeed(element: SharedNeedElement): Need | undefined {
    switch (element.kind) {
        case 'workload':
            return { name: element.name, element, cuts: workloadCuts(element) };
        case 'supplier':
            return {
                name: element.name, element,
                cuts: [{ elements: [element, ...element.alternatives], reason: element.alternatives.length === 0
                    ? `supplier ${element.name} has no alternative` : `supplier ${element.name} and all its alternatives are lost` }],
            };
        case 'workforce':
            return { name: element.name, element, cuts: siteCuts(element.name, element.site, element.alternateSites) };
        case 'equipment': {
            const cuts = siteCuts(element.name, element.site, element.alternateSites);
            if (element.spares === 0) {
                cuts.unshift({ elements: [element], reason: `equipment ${element.name} has no spares` });
            }
            return { name: element.name, element, cuts };
        }
        case 'role': {
            if (element.filledBy.length === 0) {
                return undefined;
            }
            const people = [...new Set(element.filledBy)];
            return {
                name: element.name, element,
                cuts: [{ elements: people, reason: people.length === 1 ? `${people[0].name} is the only person in role ${element.name}`
                    : `everyone in role ${element.name} is lost` }],
            };
        }
    }
}

function workloadCuts(workload: Workload): Array<{ elements: Element[]; reason: string }> {
    const cuts: Array<{ elements: Element[]; reason: string }> = [];
    const failover = workload.failoverTo !== workload.runsAt ? workload.failoverTo : undefined;
    if (failover) {
        cuts.push({ elements: [workload, failover], reason: `${workload.name} and its failover site ${failover.name} are lost` });
        if (workload.runsAt) {
            cuts.push({ elements: [workload.runsAt, failover], reason: `${workload.name}'s site and failover site are lost` });
        }
        return cuts;
    }
    if (workload.instances < 2) {
        cuts.push({ elements: [workload], reason: `${workload.name} has no failover site and a single instance` });
    }
    if (workload.runsAt) {
        cuts.push({ elements: [workload.runsAt], reason: `${workload.name} runs at ${workload.runsAt.name} without a failover site` });
    }
    return cuts;
}

function siteCuts(name: string, site: Site | undefined, alternates: readonly Site[]): Array<{ elements: Element[]; reason: string }> {
    if (!site) {
        return [];
    }
    const others = alternates.filter(alternate => alternate !== site);
    return [{ elements: [site, ...others], reason: others.length === 0 ? `${name} is at ${site.name} without an alternate site`
        : `${name}'s site ${site.name} and all its alternate sites are lost` }];
}

/** The roles that run work for a process: `by` roles of steps of covering plans and of manual actions they execute. */
export function rolesNeededByPlan(plan: Plan): Role[] {
    const roles = new Set<Role>();
    for (const phase of plan.phases) {
        for (const item of phase.items) {
            if (item.kind === 'step') {
                if (item.role) {
                    roles.add(item.role);
                }
            } else {
                for (const group of item.recoveryPlan.groups) {
                    for (const action of [...group.before, ...group.after]) {
                        if (action.role) {
                            roles.add(action.role);
                        }
                    }
                }
            }
        }
    }
    return [...roles];
}

export interface LossOutcome {
    readonly recoverable: boolean;
    readonly strandedBy: readonly string[];
}

/**
 * What losing `lost` does to each process. `ordered` lists processes upstream-first (closing
 * edges of input cycles ignored), so an upstream process's outcome is known when it is needed.
 */
export function assessLoss(ordered: readonly ProcessNeeds[], lost: ReadonlySet<Element>): Map<Process, LossOutcome> {
    const outcomes = new Map<Process, LossOutcome>();
    for (const { process, needs, upstream } of ordered) {
        const strandedBy: string[] = [];
        for (const need of needs) {
            if (need.cuts.some(cut => cut.elements.every(element => lost.has(element)))) {
                strandedBy.push(...need.strands ?? [need.name]);
            }
        }
        for (const source of upstream) {
            if (outcomes.get(source)?.recoverable === false) {
                strandedBy.push(source.name);
            }
        }
        outcomes.set(process, { recoverable: strandedBy.length === 0, strandedBy });
    }
    return outcomes;
}

export interface SingleLoss {
    readonly element: Element;
    /** What the element alone takes down, and why. */
    readonly takes: ReadonlyArray<{ readonly need: string; readonly reason: string }>;
}

/**
 * The single points of failure of each process: every element that is a cut set on its own,
 * including those of upstream processes. `ordered` is upstream-first, as for assessLoss.
 */
export function singlePointsOfFailure(ordered: readonly ProcessNeeds[]): Map<Process, Map<Element, SingleLoss>> {
    const result = new Map<Process, Map<Element, SingleLoss>>();
    for (const { process, needs, upstream } of ordered) {
        const spofs = new Map<Element, { element: Element; takes: Array<{ need: string; reason: string }> }>();
        const add = (element: Element, need: string, reason: string) => {
            let entry = spofs.get(element);
            if (!entry) {
                spofs.set(element, entry = { element, takes: [] });
            }
            if (!entry.takes.some(taken => taken.need === need)) {
                entry.takes.push({ need, reason });
            }
        };
        for (const need of needs) {
            for (const cut of need.cuts) {
                if (cut.elements.length === 1) {
                    add(cut.elements[0], need.name, cut.reason);
                }
            }
        }
        for (const source of upstream) {
            const reason = `upstream process ${source.name} is lost`;
            for (const element of result.get(source)?.keys() ?? []) {
                add(element, source.name, reason);
            }
        }
        result.set(process, spofs);
    }
    return result;
}
