/**
 * PlanModel: the linked workspace as plain data. Elements carry their names, typed values
 * (durations in seconds, dates as UTC Dates), direct links to other elements and the source
 * location of each property that a finding may point at. Nothing from Langium leaks past here,
 * so the analysis can be tested with hand-built models and run from the CLI.
 *
 * Values that validation reports as `invalid-value` are already dropped or replaced here, as
 * LANGUAGE.md §3 says ("reported and then ignored").
 */

/** A 0-based LSP-style position range within one document. */
export interface SourceRange {
    start: { line: number; character: number };
    end: { line: number; character: number };
}

export interface SourceLocation {
    uri: string;
    range: SourceRange;
}

/** A location as plain data (the model's own compute their range on first use). */
export function plainLocation(location: SourceLocation): SourceLocation {
    return { uri: location.uri, range: location.range };
}

export type Criticality = 'low' | 'medium' | 'high' | 'critical';
export const CRITICALITY_ORDER: readonly Criticality[] = ['low', 'medium', 'high', 'critical'];

export type FailoverType = 'planned' | 'unplanned' | 'test';
export const FAILOVER_TYPES: readonly FailoverType[] = ['planned', 'unplanned', 'test'];

export type PhaseName = 'watch' | 'mobilize' | 'assess' | 'stabilize' | 'close';
export const PHASE_ORDER: readonly PhaseName[] = ['watch', 'mobilize', 'assess', 'stabilize', 'close'];

export type ElementKind = 'site' | 'person' | 'role' | 'supplier' | 'customer' | 'workforce' | 'equipment'
    | 'data' | 'workload' | 'process' | 'recovery-plan' | 'group' | 'plan' | 'step' | 'manual' | 'script'
    | 'automation';

interface ElementBase {
    readonly kind: ElementKind;
    readonly name: string;
    readonly title?: string;
    /** The element's name in its declaration. */
    readonly location: SourceLocation;
    /** The name of the top-level declaration that holds this element (itself for declarations). */
    readonly declaration: string;
    /** Where each property was given (its first occurrence), by keyword: `rto`, `failover-to`, … */
    readonly at: PropertyLocations;
}

/** Where an element's properties are written, by leading keyword (a `ReadonlyMap` will do). */
export interface PropertyLocations {
    get(keyword: string): SourceLocation | undefined;
}

/** A link to another element together with where the reference is written. */
export interface Link<T> {
    readonly target: T;
    readonly location: SourceLocation;
}

export type SiteKind = 'on-premises' | 'colocation' | 'azure' | 'aws' | 'gcp' | 'other';

export interface Site extends ElementBase {
    readonly kind: 'site';
    readonly siteKind?: SiteKind;
    readonly region?: string;
}

export interface Person extends ElementBase {
    readonly kind: 'person';
    readonly email?: string;
    readonly phone?: string;
}

export interface Role extends ElementBase {
    readonly kind: 'role';
    readonly filledBy: readonly Person[];
}

export interface Supplier extends ElementBase {
    readonly kind: 'supplier';
    readonly supplierKind?: string;
    readonly alternatives: readonly Supplier[];
}

export interface Customer extends ElementBase {
    readonly kind: 'customer';
    readonly customerKind?: string;
}

export interface Workforce extends ElementBase {
    readonly kind: 'workforce';
    readonly site?: Site;
    readonly alternateSites: readonly Site[];
}

export interface Equipment extends ElementBase {
    readonly kind: 'equipment';
    readonly site?: Site;
    readonly alternateSites: readonly Site[];
    readonly spares: number;
}

export interface DataSet extends ElementBase {
    readonly kind: 'data';
    readonly heldBy?: Workload;
    readonly vital: boolean;
}

/** A declared recovery time or point: `1h tested 2026-09-12` or `30s estimated`. */
export interface DeclaredCapability {
    readonly value: number;
    /** The test date, when the capability says `tested` with a date that exists. */
    readonly tested?: Date;
    /** Where the `tested` date is written (present even when the date does not exist). */
    readonly testedAt?: SourceLocation;
    readonly location: SourceLocation;
}

export interface Replication {
    /** Missing where a recovering parser lost it (a syntax error says so). */
    readonly method?: string;
    /** Seconds; NaN-free: an invalid interval drops the whole replication. */
    readonly interval: number;
    readonly intervalAt: SourceLocation;
}

export interface Backup {
    /** Missing where a recovering parser lost it (a syntax error says so). */
    readonly method?: string;
    readonly interval: number;
    readonly retention?: number;
}

export interface Workload extends ElementBase {
    readonly kind: 'workload';
    readonly workloadKind?: string;
    readonly owner?: Role;
    readonly runsAt?: Site;
    readonly failoverTo?: Site;
    readonly instances: number;
    readonly stateless: boolean;
    readonly nativeAvailability?: string;
    readonly replication?: Replication;
    readonly backup?: Backup;
    readonly recoveryTime?: DeclaredCapability;
    readonly recoveryPoint?: DeclaredCapability;
    readonly dependsOn: ReadonlyArray<Link<Workload>>;
}

export interface ProcessInput {
    /** Missing where a recovering parser lost it (a syntax error says so). */
    readonly description?: string;
    readonly source: Process | Supplier;
    readonly location: SourceLocation;
}

export interface ProcessOutput {
    /** Missing where a recovering parser lost it (a syntax error says so). */
    readonly description?: string;
    readonly target: Customer | Process;
    readonly location: SourceLocation;
}

export interface Process extends ElementBase {
    readonly kind: 'process';
    /** As declared; the analysis treats an undeclared criticality as `medium`. */
    readonly criticality?: Criticality;
    /** Seconds; absent when not declared or invalid (`rto 0s`). */
    readonly rto?: number;
    readonly rpo?: number;
    readonly owner?: Role;
    readonly suppliers: readonly Supplier[];
    readonly inputs: readonly ProcessInput[];
    readonly outputs: readonly ProcessOutput[];
    readonly customers: readonly Customer[];
    readonly workloads: readonly Workload[];
    readonly workforce: readonly Workforce[];
    readonly locations: readonly Site[];
    readonly equipment: readonly Equipment[];
    readonly data: readonly DataSet[];
}

export type ActionKind = 'manual' | 'script' | 'automation';

export interface Action extends ElementBase {
    readonly kind: ActionKind;
    /** The instruction (manual), script path (script) or runbook id (automation); missing where a recovering parser lost it. */
    readonly text?: string;
    /** The role that performs a manual action. */
    readonly role?: Role;
    /** Where a script or automation runs; automation defaults to `recovery`. */
    readonly runsOn?: 'primary' | 'recovery';
    readonly duration: number;
    /** The failover types the action runs for (all three when it says no `only`). */
    readonly failoverTypes: readonly FailoverType[];
    readonly group: Group;
    readonly position: 'before' | 'after';
}

export interface Group extends ElementBase {
    readonly kind: 'group';
    readonly recoveryPlan: RecoveryPlan;
    readonly index: number;
    readonly members: ReadonlyArray<Link<Workload>>;
    readonly before: readonly Action[];
    readonly after: readonly Action[];
}

export interface RecoveryPlan extends ElementBase {
    readonly kind: 'recovery-plan';
    readonly from?: Site;
    readonly to?: Site;
    readonly tested?: Date;
    readonly testedAt?: SourceLocation;
    readonly groups: readonly Group[];
}

export interface Step extends ElementBase {
    readonly kind: 'step';
    readonly role?: Role;
    readonly duration: number;
    readonly phase: PhaseName;
    readonly plan: Plan;
}

export interface Execute {
    readonly kind: 'execute';
    readonly recoveryPlan: RecoveryPlan;
    readonly location: SourceLocation;
}

export type PhaseItem = Step | Execute;

export interface Phase {
    readonly name: PhaseName;
    readonly items: readonly PhaseItem[];
    readonly location: SourceLocation;
}

export type Activity = Step | Action;

export interface RaciRow {
    readonly activity: Activity;
    readonly accountable: readonly Role[];
    readonly responsible: readonly Role[];
    readonly consulted: readonly Role[];
    readonly informed: readonly Role[];
    readonly location: SourceLocation;
}

export interface Policy {
    readonly testValidity?: number;
    readonly staffEffectiveness?: number;
    readonly spofThreshold?: Criticality;
}

export interface Plan extends ElementBase {
    readonly kind: 'plan';
    readonly owner?: Role;
    readonly covers: readonly Process[];
    readonly policy: Policy;
    /** The phases in the order written. */
    readonly phases: readonly Phase[];
    /** Absent when the plan has no `raci` block. */
    readonly raci?: readonly RaciRow[];
}

export type Declaration = Site | Person | Role | Supplier | Customer | Workforce | Equipment | DataSet
    | Workload | Process | RecoveryPlan | Plan;

export type Element = Declaration | Group | Step | Action;

export interface PlanModel {
    readonly sites: readonly Site[];
    readonly people: readonly Person[];
    readonly roles: readonly Role[];
    readonly suppliers: readonly Supplier[];
    readonly customers: readonly Customer[];
    readonly workforce: readonly Workforce[];
    readonly equipment: readonly Equipment[];
    readonly data: readonly DataSet[];
    readonly workloads: readonly Workload[];
    readonly processes: readonly Process[];
    readonly recoveryPlans: readonly RecoveryPlan[];
    readonly plans: readonly Plan[];
    /** Every named element (declarations, groups, steps, actions) in document order. */
    readonly elements: readonly Element[];
    /** The first element declared under each name. */
    readonly byName: ReadonlyMap<string, Element>;
    /** The names declared more than once, each with all its elements in document order. */
    readonly duplicates: ReadonlyMap<string, readonly Element[]>;
}
