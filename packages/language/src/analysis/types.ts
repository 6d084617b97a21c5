import type { Criticality, Element, FailoverType, Group, PlanModel, Plan, Process, SourceLocation, Step, Action,
    Workload, Execute, PhaseName, RecoveryPlan } from '../model/plan-model.js';

/** Every diagnostic code of LANGUAGE.md §3.5. */
export const DIAGNOSTIC_CODES = [
    'rto-gap', 'rpo-gap', 'unproven', 'missing-capability', 'stale-test', 'spof', 'dependency-cycle',
    'failover-order', 'missing-from-plan', 'plan-site-mismatch', 'untested-plan', 'criticality-inversion',
    'raci-accountable', 'raci-missing', 'replication-interval', 'failover-same-site', 'unprotected',
    'invalid-value', 'duplicate-name', 'duplicate-property', 'unresolved-reference', 'syntax',
] as const;
export type DiagnosticCode = typeof DIAGNOSTIC_CODES[number];

export type Severity = 'error' | 'warning' | 'info';

/** A conclusion of the analysis, before it becomes an LSP diagnostic or a CLI line. */
export interface Finding {
    readonly code: DiagnosticCode;
    readonly severity: Severity;
    readonly message: string;
    /** The name of the element the finding is about (LANGUAGE.md §3.5), or null. */
    readonly element: string | null;
    readonly location: SourceLocation;
    /** Extra facts for quick fixes (e.g. the nearest allowed replication interval). */
    readonly data?: Readonly<Record<string, unknown>>;
}

export type CapabilityStatus = 'proven' | 'estimate' | 'unknown';

/** What a workload is known to achieve for recovery time or point (§3.1). */
export interface Capability {
    readonly status: CapabilityStatus;
    /** Seconds; absent when unknown. */
    readonly value?: number;
    /** How the value is known: a test, an estimate as declared, or derived from replication/backup. */
    readonly source: 'tested' | 'estimated' | 'replication' | 'backup' | 'none';
    readonly tested?: Date;
    /** A `tested` date that proves nothing: older than `test-validity`, or in the future. */
    readonly stale?: 'old' | 'future';
}

export interface WorkloadCapabilities {
    readonly time: Capability;
    /** Absent for stateless workloads: they have no recovery point. */
    readonly point?: Capability;
}

/** A roll-up of recovery times or points over what a process needs (§3.2, §3.3). */
export interface RollUp {
    /** Seconds. A lower bound when `complete` is false. */
    readonly value: number;
    /** Every capability used was proven. */
    readonly proven: boolean;
    /** No needed capability was unknown. */
    readonly complete: boolean;
    /** Names of the workloads whose capability used was an estimate. */
    readonly estimates: readonly string[];
    /** Names of the workloads whose capability is unknown (counted as 0). */
    readonly unknown: readonly string[];
}

/** One link of the chain that explains a recovery time. */
export interface PathStep {
    readonly name: string;
    readonly kind: 'step' | 'group' | 'action' | 'workload' | 'process';
    /** Seconds this link contributes. */
    readonly duration: number;
}

/** A process's recovery time under one plan (or under none, when no plan covers it). */
export interface ProcessEvaluation {
    readonly plan?: Plan;
    readonly recoveryTime: RollUp;
    readonly criticalPath: readonly PathStep[];
}

export type DrModel = 'private-only' | 'public-only' | 'hybrid-low' | 'hybrid-medium' | 'hybrid-high' | 'hybrid-other';

export interface ProcessResult {
    readonly process: Process;
    /** As declared, or `medium`. */
    readonly criticality: Criticality;
    /** Under every plan that covers it, or one evaluation without a plan. */
    readonly evaluations: readonly ProcessEvaluation[];
    /** The worst of `evaluations`. */
    readonly worst: ProcessEvaluation;
    readonly recoveryPoint: RollUp;
    /** Absent when the process has no RTO (or RPO). */
    readonly rtoMet?: boolean;
    readonly rpoMet?: boolean;
    readonly drModel: DrModel;
    /** Workloads the process needs: its own, their transitive dependencies and its data holders. */
    readonly needs: readonly Workload[];
}

export type TimelineItem = Step | Group | Action;

/** One bar of a plan's timeline, in seconds from the declaration of the disaster. */
export interface TimelineEntry {
    readonly item: TimelineItem;
    readonly phase: PhaseName;
    /** The recovery plan an `execute` ran, for groups and their actions. */
    readonly execute?: Execute;
    /** Absent for `watch` steps, which precede the declaration. */
    readonly start?: number;
    readonly end?: number;
    /** Planned duration after `staff-effectiveness` (0 for actions that do not run). */
    readonly duration: number;
    /** False for an action whose `only` excludes the failover type. */
    readonly runs: boolean;
}

export interface Timeline {
    readonly plan: Plan;
    readonly failover: FailoverType;
    /** Lead time: the mobilize and assess steps (§3.2.1). */
    readonly lead: number;
    /** In time order (watch first). */
    readonly entries: readonly TimelineEntry[];
    /** When each executed recovery-plan member is started. */
    readonly started: ReadonlyMap<Workload, number>;
    /** When each workload is ready under this plan (computed on first use). */
    readonly ready: ReadonlyMap<Workload, number>;
    /** When the last entry ends. */
    readonly end: number;
}

/** What losing a set of elements does to one process (§3.4). */
export interface ProcessLoss {
    readonly process: Process;
    readonly recoverable: boolean;
    /** The needed things that are gone: workloads, suppliers, workforce, equipment, sites, roles, processes. */
    readonly strandedBy: readonly string[];
}

export interface Spof {
    readonly element: Element;
    /** The processes it alone makes unrecoverable, with why for each (`OrderApp has no failover site …`). */
    readonly processes: ReadonlyArray<{ process: Process; reasons: readonly string[] }>;
}

export interface AnalysisOptions {
    /** The evaluation date (a UTC midnight). */
    readonly asOf: Date;
    /** The failover type of timelines and roll-ups; diagnostics use `unplanned`. */
    readonly failover: FailoverType;
}

export interface Analysis {
    readonly model: PlanModel;
    readonly options: AnalysisOptions;
    /** The workspace-wide `test-validity` in seconds (the smallest any plan declares, default 365d). */
    readonly testValidity: number;
    readonly capabilities: ReadonlyMap<Workload, WorkloadCapabilities>;
    readonly processes: ReadonlyMap<Process, ProcessResult>;
    readonly timelines: ReadonlyMap<Plan, Timeline>;
    readonly spofs: readonly Spof[];
    readonly findings: readonly Finding[];
    /** The loss engine (§3.4): what happens to every process when these elements are lost. */
    simulateLoss(lost: readonly Element[]): ProcessLoss[];
}

export type { RecoveryPlan };
