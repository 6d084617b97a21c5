import type { Severity } from './report.js';

/** What a diagnostic code means and what to do about it: the SARIF rules, and the reference in docs/cli.md. */
export interface DiagnosticRule {
    code: string;
    /** The severity of LANGUAGE.md §3.5 (for `failover-order`, which can be either, the stronger). */
    severity: Severity;
    summary: string;
    description: string;
    help: string;
}

/** Every code of LANGUAGE.md §3.5, in its order, then `syntax`. */
export const diagnosticRules: readonly DiagnosticRule[] = [
    {
        code: 'rto-gap', severity: 'error',
        summary: 'A process recovers later than its RTO.',
        description: 'The recovery time of the process, rolled up over the workloads it needs, their dependencies, '
            + 'its upstream processes and the response timeline of the plans that cover it, exceeds its recovery '
            + 'time objective. The message gives both durations and the critical path.',
        help: 'Shorten the critical path named in the message: recover the slow workloads faster (replication '
            + 'instead of a restore from backup), fail them over in an earlier recovery-plan group, cut the lead '
            + 'time of the mobilize and assess steps, or agree a longer RTO with the process owner.',
    },
    {
        code: 'rpo-gap', severity: 'error',
        summary: 'A process can lose more data than its RPO allows.',
        description: 'The recovery point of the process, the largest recovery point of the non-stateless workloads '
            + 'it needs (including those of its upstream processes), exceeds its recovery point objective.',
        help: 'Replicate or back up the workloads named in the message more often, or agree a longer RPO with the '
            + 'process owner.',
    },
    {
        code: 'unproven', severity: 'warning',
        summary: 'A met RTO or RPO rests on untested or unknown capabilities.',
        description: 'The process meets its RTO (or RPO) on paper, but the roll-up used at least one recovery time '
            + 'or point that is an estimate, a test too old to count, or unknown, so the objective is not proven.',
        help: 'Test the recovery of the workloads named in the message and record it as '
            + '`recovery-time <duration> tested <date>` (or `recovery-point …`).',
    },
    {
        code: 'missing-capability', severity: 'warning',
        summary: 'A workload needed for an RTO or RPO has no known recovery time or point.',
        description: 'A process with an RTO or RPO needs this workload, but its recovery time (or, unless it is '
            + 'stateless, its recovery point) is unknown, so the process\'s roll-up is only a lower bound.',
        help: 'Declare `recovery-time` and `recovery-point` (or a replication or backup) on the workload, '
            + '`tested <date>` or `estimated`; mark it `stateless` if it holds no data.',
    },
    {
        code: 'stale-test', severity: 'warning',
        summary: 'A test date is too old to prove anything, or in the future.',
        description: 'The `tested` date is more than test-validity (the smallest any plan declares, default 365d) '
            + 'before the evaluation date, or after it. The capability or recovery plan counts as an estimate.',
        help: 'Run the recovery test again and record the new date, or check the evaluation date (`--as-of`).',
    },
    {
        code: 'spof', severity: 'warning',
        summary: 'A single point of failure: losing this element alone stops a process.',
        description: 'Losing this site, workload, supplier, person or piece of equipment on its own makes a process '
            + 'unrecoverable. It is reported for processes at or above the spof-threshold of the plans that cover them.',
        help: 'Add redundancy: a failover site or a second instance, an alternative supplier, a second person in '
            + 'the role, spare equipment, or an alternate site for the workforce.',
    },
    {
        code: 'dependency-cycle', severity: 'error',
        summary: 'Dependencies form a cycle.',
        description: 'A chain of `depends-on` (between workloads) or `input … from` (between processes) leads back '
            + 'to where it started, so nothing in it can be recovered first. The closing edge is ignored for timing.',
        help: 'Break the cycle: remove the dependency that is not real, or split a component so that the order of '
            + 'recovery is defined.',
    },
    {
        code: 'failover-order', severity: 'error',
        summary: 'A recovery-plan member fails over before or together with its dependencies.',
        description: 'An error when the workload is in an earlier group of the recovery plan than a workload it '
            + 'depends on (directly or transitively); a warning when it is in the same group as a direct dependency, '
            + 'since the members of a group start together.',
        help: 'Move the workload to a group after the one that fails over its dependency.',
    },
    {
        code: 'missing-from-plan', severity: 'warning',
        summary: 'A recovery-plan member depends on a workload the plan leaves behind.',
        description: 'The workload directly depends on a workload that runs at the recovery plan\'s `from` site, but '
            + 'no group of the plan fails that dependency over.',
        help: 'Add the dependency to an earlier group of the recovery plan, or make sure it survives the loss of the '
            + 'site by other means.',
    },
    {
        code: 'plan-site-mismatch', severity: 'error',
        summary: 'A recovery-plan member does not move between the plan\'s sites.',
        description: 'The workload does not run at the recovery plan\'s `from` site, or its `failover-to` is not the '
            + 'plan\'s `to` site.',
        help: 'Correct the workload\'s `runs-at` or `failover-to`, or move it to a recovery plan between its sites.',
    },
    {
        code: 'untested-plan', severity: 'warning',
        summary: 'A recovery plan has never been tested.',
        description: 'The recovery plan has no `tested` date: its order of groups and its actions have not been '
            + 'proven by a failover drill.',
        help: 'Run a test failover of the plan and record it with `tested <date>`.',
    },
    {
        code: 'criticality-inversion', severity: 'warning',
        summary: 'A process depends on a less critical upstream process.',
        description: 'The process takes an `input` from an upstream process that is less critical or has a longer '
            + 'RTO, so the upstream process can hold its recovery back.',
        help: 'Raise the criticality or shorten the RTO of the upstream process to match, or remove the dependency.',
    },
    {
        code: 'raci-accountable', severity: 'error',
        summary: 'A RACI row does not have exactly one accountable role.',
        description: 'Each RACI row must name exactly one `accountable` role: with none, nobody answers for the '
            + 'activity; with several, nobody is in charge of it.',
        help: 'Give the row exactly one `accountable` role.',
    },
    {
        code: 'raci-missing', severity: 'warning',
        summary: 'A step or manual action has no RACI row.',
        description: 'The plan has a `raci` block, but this step or manual action has no row in it, so no role is '
            + 'accountable for it.',
        help: 'Add a RACI row for the step or action, with an `accountable` role.',
    },
    {
        code: 'replication-interval', severity: 'error',
        summary: 'Hyper-V Replica cannot replicate at this interval.',
        description: 'Hyper-V Replica offers replication frequencies of 30 seconds, 5 minutes and 15 minutes only.',
        help: 'Use `every 30s`, `every 5m` or `every 15m`.',
    },
    {
        code: 'failover-same-site', severity: 'error',
        summary: 'A workload fails over to the site it runs at.',
        description: '`failover-to` names the same site as `runs-at`: losing that site loses both, so the workload '
            + 'has no DR site.',
        help: 'Name another site in `failover-to`, or remove it if the workload has no DR site.',
    },
    {
        code: 'unprotected', severity: 'warning',
        summary: 'A workload that holds data has no protection.',
        description: 'The workload is not `stateless` but has no replication, no backup and no failover site: its '
            + 'data is lost with it.',
        help: 'Add a replication, a backup or a `failover-to` site, or mark the workload `stateless` if it holds no data.',
    },
    {
        code: 'invalid-value', severity: 'error',
        summary: 'A value is impossible or out of range.',
        description: 'An impossible date (such as 2026-02-30), a percentage outside 1–100, or `rto 0s`. The value '
            + 'is reported and then ignored.',
        help: 'Correct the value.',
    },
    {
        code: 'duplicate-name', severity: 'error',
        summary: 'A name is declared more than once.',
        description: 'Names are global across the workspace: every .drplan file sees every other file\'s '
            + 'declarations, and groups, steps and actions share the same namespace. Every occurrence is reported.',
        help: 'Rename all but one of the declarations.',
    },
    {
        code: 'duplicate-property', severity: 'error',
        summary: 'A property is given twice in one declaration.',
        description: 'A property that is not a list (or not repeatable, like `input` and `output`) may appear at '
            + 'most once in a declaration; the second occurrence is reported.',
        help: 'Remove the repeated property, or merge the two.',
    },
    {
        code: 'unresolved-reference', severity: 'error',
        summary: 'A reference names nothing of the right kind.',
        description: 'No declaration of the expected kind has this name anywhere in the workspace (for example a '
            + 'person where a role is expected, or a misspelt name).',
        help: 'Fix the name, declare the element, or check that the file that declares it is among the checked paths.',
    },
    {
        code: 'syntax', severity: 'error',
        summary: 'The text does not follow the .drplan grammar.',
        description: 'The parser could not read this part of the file; the message is the parser\'s own. What '
            + 'follows may be reported or linked wrongly until it is fixed.',
        help: 'Fix the text at the position shown; docs/language.md lists every declaration and its properties.',
    },
];
