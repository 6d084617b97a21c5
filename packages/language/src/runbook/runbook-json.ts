import type { Runbook, RunbookStep } from './build-runbook.js';

/**
 * The `runbook --format json` document of CLI.md: the runbook as data, durations and times in whole
 * seconds, `null` where a value does not exist. `version` is the version of this format.
 */
export function runbookJson(runbook: Runbook): object {
    return {
        version: 1,
        plan: runbook.plan,
        title: runbook.title,
        owner: runbook.owner,
        asOf: runbook.asOf,
        failover: runbook.failover,
        policy: {
            testValidity: runbook.policy.testValidity,
            staffEffectiveness: runbook.policy.staffEffectiveness,
            spofThreshold: runbook.policy.spofThreshold,
        },
        objectives: runbook.objectives.map(objective => ({
            process: objective.process,
            title: objective.title,
            criticality: objective.criticality,
            rto: objective.rto,
            rpo: objective.rpo,
            recoveryTime: objective.recoveryTime,
            recoveryPoint: objective.recoveryPoint,
            drModel: objective.drModel,
            proven: objective.proven,
            complete: objective.complete,
            rtoMet: objective.rtoMet,
            rpoMet: objective.rpoMet,
            criticalPath: objective.criticalPath.map(step => step.name),
        })),
        steps: runbook.steps.map(stepJson),
        contacts: runbook.contacts.map(contact => ({
            role: contact.role,
            title: contact.title,
            people: contact.people.map(person => ({ name: person.name, email: person.email, phone: person.phone })),
            duties: contact.duties,
        })),
        raci: runbook.raci.rows.map(row => ({
            activity: row.activity,
            // Exactly one accountable role, or null (none, or several: `raci-accountable` is among the gaps).
            accountable: row.accountable.length === 1 ? row.accountable[0] : null,
            responsible: row.responsible,
            consulted: row.consulted,
            informed: row.informed,
        })),
        gaps: runbook.gaps.map(gap => ({
            file: gap.file, line: gap.line, column: gap.column, endLine: gap.endLine, endColumn: gap.endColumn,
            severity: gap.severity, code: gap.code, element: gap.element, message: gap.message,
        })),
    };
}

export function renderRunbookJson(runbook: Runbook): string {
    return `${JSON.stringify(runbookJson(runbook), null, 2)}\n`;
}

function stepJson(step: RunbookStep): object {
    const common = {
        id: step.id, number: step.number, phase: step.phase, kind: step.kind, title: step.title,
        responsible: step.responsible, accountable: step.accountable, start: step.start, end: step.end,
        duration: step.duration,
    };
    if (step.kind === 'group') {
        return {
            ...common,
            recoveryPlan: step.recoveryPlan,
            workloads: (step.workloads ?? []).map(workload => ({
                workload: workload.workload, from: workload.from, to: workload.to,
                recoveryTime: workload.recoveryTime, started: workload.started, ready: workload.ready,
                waitsFor: workload.waitsFor,
            })),
        };
    }
    if (step.kind === 'step') {
        return common;
    }
    return { ...common, group: step.group, position: step.position, runsOn: step.runsOn ?? null, only: step.only ?? null };
}
