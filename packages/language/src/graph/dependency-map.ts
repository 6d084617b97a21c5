import { formatIsoDate } from '../analysis/date.js';
import { formatDuration } from '../analysis/duration.js';
import type { Analysis, Capability, Finding } from '../analysis/types.js';
import { type Customer, type DataSet, type Element, type Equipment, plainLocation, type Plan, type PlanModel, type Process,
    type Site, type Supplier, type Workforce, type Workload } from '../model/plan-model.js';
import type { DependencyMap, MapContainer, MapEdge, MapEdgeKind, MapFinding, MapNode, MapNodeKind, MapStatus,
    OffMapSpof }
    from '../protocol.js';

export interface DependencyMapOptions {
    /** Keep only what this process needs (`drplan graph --process`). */
    process?: string;
    /**
     * Keep only what this plan covers: its processes and what they need (the runbook's map). The
     * caller has found the plan (`buildRunbook` does); with `process` too, `process` wins.
     */
    plan?: Plan;
}

/** `--process` named no process of the workspace: a user error (the CLI exits 2 with this message). */
export class UnknownProcessError extends Error {
    override readonly name = 'UnknownProcessError';
}

type MapElement = Process | Workload | Supplier | Customer | Workforce | Equipment | DataSet;

/** Warnings that say a node's numbers rest on estimates rather than tests. */
const UNPROVEN_CODES: ReadonlySet<string> = new Set(['unproven', 'missing-capability', 'stale-test']);

/** A name declared twice is one node: the first declaration, as the rest of drplan resolves it. */
function isFirstDeclared(model: PlanModel, element: Element): boolean {
    return model.byName.get(element.name) === element;
}

/** How many nodes the map of the whole workspace has, without building it. */
export function workspaceMapSize(model: PlanModel): number {
    const kinds: ReadonlyArray<readonly Element[]> = [model.suppliers, model.processes, model.customers, model.workloads,
        model.data, model.workforce, model.equipment];
    let count = 0;
    for (const elements of kinds) {
        for (const element of elements) {
            if (isFirstDeclared(model, element)) {
                count++;
            }
        }
    }
    return count;
}

/**
 * Turns the analysis into the dependency map: one node per process, workload, supplier, customer,
 * workforce, equipment and data set; sites as containers; edges that follow what each element needs.
 * Linear in elements plus references (the map of a focused process: in what that process needs).
 */
export function buildDependencyMap(analysis: Analysis, options: DependencyMapOptions = {}): DependencyMap {
    const { model } = analysis;
    const findingsOf = indexFindings(analysis.findings);
    const spofNames = new Set(analysis.spofs.map(spof => spof.element.name));
    const isFirst = (element: Element) => isFirstDeclared(model, element);

    const scope = options.process !== undefined ? focusScope(analysis, options.process)
        : options.plan !== undefined ? planScope(analysis, options.plan) : undefined;
    const included = (element: MapElement) => isFirst(element) && (!scope || scope.elements.has(element));
    const sites = model.sites.filter(site => isFirst(site) && (!scope || scope.sites.has(site)));
    const siteIds = new Set(sites.map(site => site.name));

    const nodes: MapNode[] = [];
    const nodeIds = new Set<string>();
    const addNode = (element: MapElement, kind: MapNodeKind, site: Site | undefined, detail: string | undefined,
        subkind: string | undefined, unprovenCapability = false) => {
        if (!included(element)) {
            return;
        }
        const findings = findingsOf.get(element.name) ?? [];
        const node: MapNode = {
            id: element.name, kind, name: element.name,
            status: statusOf(findings, spofNames.has(element.name), unprovenCapability),
            findings: findings.map(toMapFinding),
            location: plainLocation(element.location),
        };
        if (element.title !== undefined) node.title = element.title;
        if (site && siteIds.has(site.name)) node.site = site.name;
        if (detail) node.detail = detail;
        if (subkind) node.subkind = subkind;
        nodes.push(node);
        nodeIds.add(node.id);
    };

    // Suppliers first and customers after processes: the element order is the layout's tie-breaker.
    for (const supplier of model.suppliers) {
        addNode(supplier, 'supplier', undefined, supplierDetail(supplier), supplier.supplierKind);
    }
    for (const process of model.processes) {
        addNode(process, 'process', undefined, processDetail(analysis, process), process.criticality ?? 'medium');
    }
    for (const customer of model.customers) {
        addNode(customer, 'customer', undefined, undefined, customer.customerKind);
    }
    for (const workload of model.workloads) {
        const capabilities = analysis.capabilities.get(workload);
        const unproven = capabilities !== undefined && (capabilities.time.status !== 'proven'
            || (capabilities.point !== undefined && capabilities.point.status !== 'proven'));
        addNode(workload, 'workload', workload.runsAt, workloadDetail(analysis, workload), workload.workloadKind, unproven);
    }
    for (const data of model.data) {
        addNode(data, 'data', data.heldBy?.runsAt, data.vital ? 'vital record' : undefined, undefined);
    }
    for (const workforce of model.workforce) {
        addNode(workforce, 'workforce', workforce.site, alternateSitesDetail(workforce.alternateSites), undefined);
    }
    for (const equipment of model.equipment) {
        addNode(equipment, 'equipment', equipment.site, equipmentDetail(equipment), undefined);
    }

    const edges = buildEdges(analysis, scope?.serves, nodeIds);

    const failoverCounts = new Map<string, number>();
    for (const workload of model.workloads) {
        if (workload.failoverTo && nodeIds.has(workload.name) && isFirst(workload)) {
            failoverCounts.set(workload.failoverTo.name, (failoverCounts.get(workload.failoverTo.name) ?? 0) + 1);
        }
    }
    const containers = sites.map((site): MapContainer => {
        const findings = findingsOf.get(site.name) ?? [];
        const container: MapContainer = {
            id: site.name, name: site.name,
            status: statusOf(findings, spofNames.has(site.name), false),
            findings: findings.map(toMapFinding),
            location: plainLocation(site.location),
        };
        if (site.title !== undefined) container.title = site.title;
        if (site.siteKind) container.subkind = site.siteKind;
        const detail = siteDetail(site, failoverCounts.get(site.name) ?? 0);
        if (detail) container.detail = detail;
        return container;
    });

    const map: DependencyMap = { nodes, edges, containers };
    if (scope?.focus) {
        map.focus = scope.focus.name;
    }
    const offMap = analysis.spofs.flatMap((spof): OffMapSpof[] => {
        const name = spof.element.name;
        const processes = spof.processes.map(entry => entry.process.name).filter(process => nodeIds.has(process));
        if (nodeIds.has(name) || siteIds.has(name) || processes.length === 0) {
            return [];
        }
        return [{ id: name, kind: spof.element.kind, processes,
            findings: (findingsOf.get(name) ?? []).map(toMapFinding) }];
    });
    if (offMap.length > 0) {
        map.offMap = offMap;
    }
    return map;
}

/**
 * The one place the precedence of statuses lives: gap > spof > unproven > ok.
 * `unprovenCapability` says the element's own capability is an estimate or unknown.
 */
export function statusOf(findings: readonly Finding[], isSpof: boolean, unprovenCapability: boolean): MapStatus {
    if (findings.some(finding => finding.severity === 'error')) {
        return 'gap';
    }
    if (isSpof || findings.some(finding => finding.code === 'spof')) {
        return 'spof';
    }
    if (unprovenCapability || findings.some(finding => UNPROVEN_CODES.has(finding.code))) {
        return 'unproven';
    }
    return 'ok';
}

function indexFindings(findings: readonly Finding[]): Map<string, Finding[]> {
    const byElement = new Map<string, Finding[]>();
    for (const finding of findings) {
        if (finding.element === null) {
            continue;
        }
        const list = byElement.get(finding.element);
        if (list) {
            list.push(finding);
        } else {
            byElement.set(finding.element, [finding]);
        }
    }
    return byElement;
}

function toMapFinding(finding: Finding): MapFinding {
    return { code: finding.code, severity: finding.severity, message: finding.message };
}

interface MapScope {
    /** The process the map is of (`--process`); none for a plan's map. */
    readonly focus?: Process;
    /** The processes whose outputs and customers are drawn: downstream of the others is not what they need. */
    readonly serves: ReadonlySet<Process>;
    readonly elements: ReadonlySet<MapElement>;
    readonly sites: ReadonlySet<Site>;
}

/** The map of one process: what it needs, and its own customers. */
function focusScope(analysis: Analysis, name: string): MapScope {
    const element = analysis.model.byName.get(name);
    if (!element || element.kind !== 'process') {
        const processes = analysis.model.processes.map(process => process.name);
        const known = processes.length === 0 ? 'the workspace declares no process'
            : `processes: ${processes.slice(0, 8).join(', ')}${processes.length > 8 ? ', …' : ''}`;
        throw new UnknownProcessError(element
            ? `${name} is a ${element.kind}, not a process (${known})`
            : `Unknown process ${name} (${known})`);
    }
    return { focus: element, ...servedScope(analysis, [element]) };
}

/** The map of a plan: what the processes it covers need, and their customers. */
function planScope(analysis: Analysis, plan: Plan): MapScope {
    return servedScope(analysis, plan.covers);
}

/**
 * What `served` need (LANGUAGE.md §3.2 and §3.4): their workloads with their transitive dependencies
 * and data holders, their data, suppliers (and their alternatives), workforce, equipment and
 * locations, and, transitively, everything their upstream processes need; and their own customers.
 */
function servedScope(analysis: Analysis, served: readonly Process[]): Omit<MapScope, 'focus'> {
    const elements = new Set<MapElement>();
    const sites = new Set<Site>();
    const addSite = (site: Site | undefined) => {
        if (site) sites.add(site);
    };
    const addSupplier = (supplier: Supplier) => {
        elements.add(supplier);
        supplier.alternatives.forEach(alternative => elements.add(alternative));
    };
    const visited = new Set<Process>(served);
    const stack: Process[] = [...visited];
    while (stack.length > 0) {
        const process = stack.pop()!;
        elements.add(process);
        const needs = analysis.processes.get(process)?.needs ?? process.workloads;
        for (const workload of needs) {
            elements.add(workload);
            addSite(workload.runsAt);
            addSite(workload.failoverTo);
        }
        for (const data of process.data) {
            elements.add(data);
        }
        process.suppliers.forEach(addSupplier);
        for (const input of process.inputs) {
            if (input.source.kind === 'supplier') {
                addSupplier(input.source);
            } else if (!visited.has(input.source)) {
                visited.add(input.source);
                stack.push(input.source);
            }
        }
        for (const workforce of process.workforce) {
            elements.add(workforce);
            addSite(workforce.site);
        }
        for (const equipment of process.equipment) {
            elements.add(equipment);
            addSite(equipment.site);
        }
        process.locations.forEach(addSite);
    }
    for (const process of served) {
        for (const customer of process.customers) {
            elements.add(customer);
        }
        for (const output of process.outputs) {
            if (output.target.kind === 'customer') {
                elements.add(output.target);
            }
        }
    }
    return { serves: new Set(served), elements, sites };
}

/**
 * The edges between the nodes of the map. Inputs and outputs carry what flows; a `suppliers` or
 * `customers` entry that an input or output already draws is not drawn twice, and neither is an
 * output to a process that declares the matching input.
 */
function buildEdges(analysis: Analysis, served: ReadonlySet<Process> | undefined, nodeIds: ReadonlySet<string>): MapEdge[] {
    const { model } = analysis;
    const edges = new Map<string, MapEdge>();
    // Source→target pairs already joined by an input or output, whatever its kind.
    const flows = new Map<string, MapEdge>();
    const add = (kind: MapEdgeKind, source: string, target: string, label?: string) => {
        if (!nodeIds.has(source) || !nodeIds.has(target)) {
            return;
        }
        const pair = `${source}->${target}`;
        const flowing = kind === 'input' || kind === 'output';
        const existing = flows.get(pair);
        if (existing) {
            if (flowing && label !== undefined && existing.label !== undefined && !existing.label.split(', ').includes(label)) {
                existing.label = `${existing.label}, ${label}`;
            }
            if (flowing || kind === 'supplier' || kind === 'customer') {
                return;
            }
        }
        const id = `${kind}:${pair}`;
        if (edges.has(id)) {
            return;
        }
        const edge: MapEdge = { id, kind, source, target };
        if (label !== undefined) edge.label = label;
        edges.set(id, edge);
        if (flowing) {
            flows.set(pair, edge);
        }
    };
    // Only the outputs and customers of the processes the map is of: downstream is not what they need.
    const serves = (process: Process) => !served || served.has(process);
    for (const process of model.processes) {
        for (const input of process.inputs) {
            add('input', input.source.name, process.name, input.description);
        }
    }
    for (const process of model.processes) {
        if (!serves(process)) continue;
        for (const output of process.outputs) {
            add('output', process.name, output.target.name, output.description);
        }
    }
    for (const process of model.processes) {
        for (const supplier of process.suppliers) add('supplier', supplier.name, process.name);
        if (serves(process)) {
            for (const customer of process.customers) add('customer', process.name, customer.name);
        }
        for (const workload of process.workloads) add('workload', process.name, workload.name);
        for (const data of process.data) add('data', process.name, data.name);
        for (const workforce of process.workforce) add('workforce', process.name, workforce.name);
        for (const equipment of process.equipment) add('equipment', process.name, equipment.name);
    }
    for (const workload of model.workloads) {
        for (const link of workload.dependsOn) add('depends-on', workload.name, link.target.name);
    }
    for (const data of model.data) {
        if (data.heldBy) add('held-by', data.name, data.heldBy.name);
    }
    for (const supplier of model.suppliers) {
        for (const alternative of supplier.alternatives) add('alternative', supplier.name, alternative.name);
    }
    return [...edges.values()];
}

/** `recovers in 5h20m ✗ RTO 4h · RP 30s ✓ RPO 15m`, as the code lens says it. */
function processDetail(analysis: Analysis, process: Process): string | undefined {
    const result = analysis.processes.get(process);
    if (!result) {
        return undefined;
    }
    const time = result.worst.recoveryTime;
    let text = `recovers in ${time.complete ? '' : '≥'}${formatDuration(time.value)}`;
    if (process.rto !== undefined) {
        text += ` ${result.rtoMet ? '✓' : '✗'} RTO ${formatDuration(process.rto)}`;
    }
    if (process.rpo !== undefined) {
        const point = result.recoveryPoint;
        text += ` · RP ${point.complete ? '' : '≥'}${formatDuration(point.value)} ${result.rpoMet ? '✓' : '✗'} RPO `
            + formatDuration(process.rpo);
    }
    return text;
}

/** `RT 1h · RP 30s (tested 2026-09-12)`, `RT 30m (tested 2026-09-12) · RP 30s (estimate)`, `RT unknown`. */
function workloadDetail(analysis: Analysis, workload: Workload): string {
    const capabilities = analysis.capabilities.get(workload);
    if (!capabilities) {
        return '';
    }
    const { time, point } = capabilities;
    const timeValue = `RT ${capabilityValue(time)}`;
    if (!point) {
        return `${timeValue}${capabilityNote(time)}`;
    }
    const pointValue = `RP ${capabilityValue(point)}`;
    const timeNote = capabilityNote(time);
    const pointNote = capabilityNote(point);
    return timeNote === pointNote && time.status !== 'unknown'
        ? `${timeValue} · ${pointValue}${timeNote}`
        : `${timeValue}${timeNote} · ${pointValue}${pointNote}`;
}

function capabilityValue(capability: Capability): string {
    return capability.value !== undefined ? formatDuration(capability.value) : 'unknown';
}

function capabilityNote(capability: Capability): string {
    if (capability.status === 'unknown') {
        return '';
    }
    if (capability.stale) {
        return ` (stale test ${formatIsoDate(capability.tested!)})`;
    }
    if (capability.status === 'proven' && capability.tested) {
        return ` (tested ${formatIsoDate(capability.tested)})`;
    }
    if (capability.source === 'replication' || capability.source === 'backup') {
        return ` (estimate from ${capability.source})`;
    }
    return ' (estimate)';
}

function supplierDetail(supplier: Supplier): string {
    return supplier.alternatives.length > 0
        ? `alternative ${supplier.alternatives.map(alternative => alternative.name).join(', ')}`
        : 'no alternative';
}

function alternateSitesDetail(sites: readonly Site[]): string {
    return sites.length > 0 ? `alternate site ${sites.map(site => site.name).join(', ')}` : 'no alternate site';
}

function equipmentDetail(equipment: Equipment): string {
    const spares = equipment.spares === 0 ? 'no spares' : `${equipment.spares} spare${equipment.spares === 1 ? '' : 's'}`;
    return `${spares} · ${alternateSitesDetail(equipment.alternateSites)}`;
}

function siteDetail(site: Site, failovers: number): string | undefined {
    const parts: string[] = [];
    const where = [site.siteKind, site.region].filter(part => part !== undefined).join(' ');
    if (where) parts.push(where);
    if (failovers > 0) parts.push(`failover site of ${failovers} workload${failovers === 1 ? '' : 's'}`);
    return parts.length > 0 ? parts.join(' · ') : undefined;
}
