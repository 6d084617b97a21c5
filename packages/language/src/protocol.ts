/**
 * The data the language server, the CLI and the VS Code extension exchange: the dependency map
 * and the custom LSP messages of the preview, the loss simulation and the runbook export. Plain
 * types and string constants only, so the extension and its webview can import this file without
 * pulling in Langium or VS Code.
 */

import type { Criticality, ElementKind, FailoverType } from './model/plan-model.js';

/** A 0-based position range within one document (the shape of an LSP `Range`). */
export interface MapRange {
    start: { line: number; character: number };
    end: { line: number; character: number };
}

/** Where an element is declared (the shape of an LSP `Location`). */
export interface MapLocation {
    uri: string;
    range: MapRange;
}

export type MapNodeKind = 'process' | 'workload' | 'supplier' | 'customer' | 'workforce' | 'equipment' | 'data';

/**
 * How a node is coloured. When several apply, the first wins: `gap` > `spof` > `unproven` > `ok`.
 * - `gap`: the element is the subject of an error finding (rto-gap, rpo-gap, failover-order, …);
 * - `spof`: a `spof` finding names it;
 * - `unproven`: an `unproven`, `missing-capability` or `stale-test` warning names it, or it is a
 *   workload whose recovery time or point is an estimate or unknown;
 * - `ok`: none of these.
 */
export type MapStatus = 'gap' | 'spof' | 'unproven' | 'ok';
export const MAP_STATUSES: readonly MapStatus[] = ['gap', 'spof', 'unproven', 'ok'];

export interface MapFinding {
    code: string;
    severity: 'error' | 'warning' | 'info';
    message: string;
}

export interface MapNode {
    /** The element's name (names are global in a workspace). */
    id: string;
    kind: MapNodeKind;
    name: string;
    title?: string;
    status: MapStatus;
    /** The id of the site container the node is drawn in. */
    site?: string;
    /** Every finding whose element is this node. */
    findings: MapFinding[];
    location: MapLocation;
    /** One line of facts: `recovers in 5h20m ✗ RTO 4h · RP 30s ✓ RPO 15m`, `RT 1h (tested 2026-09-12)`. */
    detail?: string;
    /** A finer kind: the workload's `kind` (`database`, …), the supplier's or customer's `kind`. */
    subkind?: string;
}

/** A site, drawn as a box around the workloads that run there and the workforce, equipment and data there. */
export interface MapContainer {
    /** The site's name. */
    id: string;
    name: string;
    title?: string;
    /** The site's `kind`: `on-premises`, `azure`, … */
    subkind?: string;
    /** A site can itself be a SPOF (losing it strands a process); same precedence as nodes. */
    status: MapStatus;
    findings: MapFinding[];
    location: MapLocation;
    /** `azure westus2 · failover site of 6 workloads` */
    detail?: string;
}

/**
 * Edge directions follow "needs", left to right: a process points at the workloads, data,
 * workforce, equipment and customers it needs or serves; a workload at what it depends on;
 * data at its holder; suppliers and upstream processes point at the process they feed;
 * a supplier at its alternatives.
 */
export type MapEdgeKind = 'depends-on' | 'workload' | 'input' | 'output' | 'supplier' | 'customer' | 'data'
    | 'held-by' | 'workforce' | 'equipment' | 'alternative';
export const MAP_EDGE_KINDS: readonly MapEdgeKind[] = ['input', 'output', 'supplier', 'customer', 'workload',
    'depends-on', 'data', 'held-by', 'workforce', 'equipment', 'alternative'];

export interface MapEdge {
    /** `<kind>:<source>-><target>`, unique in a map. */
    id: string;
    kind: MapEdgeKind;
    source: string;
    target: string;
    /** What flows along an input or output: `Customer orders`. */
    label?: string;
}

/** An element the map has no box for (a person, a role) that is a SPOF of a process on the map. */
export interface OffMapSpof {
    id: string;
    /** The element's kind in the plan: `person`, `role`, … */
    kind: string;
    /** The processes on the map its loss alone makes unrecoverable. */
    processes: string[];
    findings: MapFinding[];
}

export interface DependencyMap {
    nodes: MapNode[];
    edges: MapEdge[];
    containers: MapContainer[];
    /** The process the map was narrowed to (`drplan graph --process`). */
    focus?: string;
    /** SPOFs that are not drawn as nodes or containers, so the map still tells of them. */
    offMap?: OffMapSpof[];
}

export interface MapPoint {
    x: number;
    y: number;
}

/** Absolute coordinates: origin at the top left of the whole map, y downwards. */
export interface MapBox {
    x: number;
    y: number;
    width: number;
    height: number;
}

export interface LaidOutNode extends MapNode, MapBox {}

export interface LaidOutContainer extends MapContainer, MapBox {}

export interface LaidOutEdge extends MapEdge {
    /** The route from the source's border to the target's border (start, bend points, end). */
    points: MapPoint[];
    /** Where the edge's label goes, when it has one. */
    labelBox?: MapBox;
}

export interface LaidOutMap {
    nodes: LaidOutNode[];
    edges: LaidOutEdge[];
    containers: LaidOutContainer[];
    focus?: string;
    offMap?: OffMapSpof[];
    width: number;
    height: number;
}

/** Request from the preview: the laid-out dependency map of the workspace. */
export const DependencyMapRequest = 'drplan/dependencyMap';

export interface DependencyMapParams {
    /** The document the preview follows. */
    uri?: string;
    /** Narrow the map to what this process needs. */
    process?: string;
}

export interface DependencyMapResult {
    map: LaidOutMap;
    /** Present when the map had more nodes than the preview draws: it was cut to `max` of `nodes`. */
    truncated?: { nodes: number; max: number };
}

/** Notification from the server: the workspace's model changed, the preview should ask for the map again. */
export const ModelChangedNotification = 'drplan/modelChanged';

export interface ModelChangedParams {
    /** The documents whose change triggered it, when known. */
    uris?: string[];
}

/** What the preview asks beyond `DependencyMapParams`. */
export interface PreviewMapParams extends DependencyMapParams {
    /** `process`: narrow to the process around `position` (else `process`); without one the map is empty. */
    scope?: 'workspace' | 'process';
    /** The cursor in `uri`: the process around it is the focus (over `process`, which is the last one seen). */
    position?: { line: number; character: number };
    /** `unplanned` (the default), `planned` or `test`: whose timelines colour the map. */
    failover?: FailoverType;
    /** Maps with more nodes are not laid out: the result lists the processes to focus on instead. */
    maxNodes?: number;
}

export interface ProcessSummary {
    name: string;
    title?: string;
    status: MapStatus;
    location: MapLocation;
}

export interface PreviewMapResult extends DependencyMapResult {
    /** Every process of the workspace with its status, for the list the preview offers when the map is too big. */
    processes: ProcessSummary[];
    failover: FailoverType;
    /** The evaluation date, YYYY-MM-DD. */
    asOf: string;
}

/** Request: what losing some elements does to every process (LANGUAGE.md §3.4). */
export const SimulateLossRequest = 'drplan/simulateLoss';

export interface SimulateLossParams {
    /** Names of the elements lost together. */
    elements: string[];
    failover?: FailoverType;
}

export interface SimulatedProcessLoss {
    name: string;
    title?: string;
    criticality: Criticality;
    recoverable: boolean;
    /** What it needs that is gone. */
    strandedBy: string[];
    /** Seconds, when it is recoverable: its worst recovery time (`complete` false: a lower bound). */
    recoveryTime?: { value: number; complete: boolean };
    /** Seconds. */
    rto?: number;
    /** The outcome in the words of `drplan simulate`: `recovers in 3h40m (RTO 4h)`, `stranded by … (RTO 8h)`. */
    outcome: string;
    location: MapLocation;
}

export interface SimulateLossResult {
    lost: Array<{ name: string; kind: ElementKind }>;
    /** Names that name nothing in the workspace. */
    unknown: string[];
    processes: SimulatedProcessLoss[];
    asOf: string;
}

/** Request: the elements whose loss means something (§3.4), for the simulation's picker. */
export const LossCandidatesRequest = 'drplan/lossCandidates';

export interface LossCandidate {
    name: string;
    kind: ElementKind;
    title?: string;
    /** The processes this element alone makes unrecoverable, when it is a SPOF. */
    spofFor: string[];
}

/** Request: the plans of the workspace, for the runbook export's picker. */
export const PlansRequest = 'drplan/plans';

export interface PlanSummary {
    name: string;
    title?: string;
}

/** Request: one plan compiled into its runbook (CLI.md `drplan runbook`), as Markdown or printable HTML. */
export const RunbookRequest = 'drplan/runbook';

export interface RunbookParams {
    /** May be omitted when the workspace declares exactly one plan. */
    plan?: string;
    format: 'md' | 'html';
    failover?: FailoverType;
}

export interface RunbookResult {
    plan: string;
    content: string;
}
