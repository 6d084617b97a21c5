import type { Element, Plan, Process, RollUp } from '@drplan/language';
import { resolveAsOf } from '../as-of.js';
import { CliError } from '../cli-error.js';
import { describeKind, resolveElement } from '../element-names.js';
import type { CliIo } from '../io.js';
import { writeOutput } from '../output.js';
import { requireSoundModel } from '../sound-model.js';
import { findDrPlanFiles, loadWorkspace } from '../workspace.js';

export interface SimulateOptions {
    /** Every `--lose` value as given: comma-separated names, the option possibly repeated. */
    lose: string[];
    plan?: string;
    format: 'text' | 'json';
    asOf?: string;
}

/** The elements LANGUAGE.md §3.4 says can be lost. */
export const LOSABLE_KINDS = ['site', 'workload', 'supplier', 'person', 'equipment'] as const;
export type LostElement = Extract<Element, { kind: typeof LOSABLE_KINDS[number] }>;

export interface SimulatedProcess {
    readonly process: Process;
    readonly recoverable: boolean;
    /** What is gone that it needs (LANGUAGE.md §3.4), in the loss engine's order. */
    readonly strandedBy: readonly string[];
    /** Its recovery time (worst over its plans, or under `--plan`); null when not recoverable. */
    readonly recoveryTime: RollUp | null;
    readonly rto?: number;
}

export interface SimulationReport {
    readonly lost: readonly LostElement[];
    /** The plan of `--plan`, whose covered processes alone are reported. */
    readonly plan?: Plan;
    readonly processes: readonly SimulatedProcess[];
}

/**
 * `drplan simulate`: what losing the named elements does to each process. Exit 1 when a reported
 * process is no longer recoverable, so that a build can require surviving a loss; 0 otherwise.
 */
export async function simulate(paths: readonly string[], options: SimulateOptions, io: CliIo): Promise<number> {
    const names = lostNames(options.lose);
    const asOf = resolveAsOf(options.asOf, io.now());
    const files = await findDrPlanFiles(paths, io.cwd);
    const workspace = await loadWorkspace(files, asOf, io.cwd);
    requireSoundModel(workspace, asOf, io.cwd, 'simulate');
    const analysis = workspace.services.DrPlan.analysis.WorkspaceAnalysis.analysis;
    const lost = names.map(name => resolveElement(analysis.model, '--lose', name, LOSABLE_KINDS,
        'a site, workload, supplier, person or equipment',
        notLosable));
    const plan = options.plan !== undefined
        ? resolveElement(analysis.model, '--plan', options.plan, ['plan'], 'a plan') : undefined;

    const processes: SimulatedProcess[] = [];
    for (const loss of analysis.simulateLoss([...new Set(lost)])) {
        if (plan && !plan.covers.includes(loss.process)) {
            continue;
        }
        const result = analysis.processes.get(loss.process);
        const evaluation = plan ? result?.evaluations.find(candidate => candidate.plan === plan) : result?.worst;
        processes.push({
            process: loss.process,
            recoverable: loss.recoverable,
            strandedBy: loss.strandedBy,
            recoveryTime: loss.recoverable && evaluation ? evaluation.recoveryTime : null,
            rto: loss.process.rto,
        });
    }
    const report: SimulationReport = { lost: [...new Set(lost)], plan, processes };

    const render = await import('../render/simulation.js');
    // Colour only for a person at a terminal; NO_COLOR (any value) turns it off, see no-color.org.
    const colour = io.stdout.isTTY === true && io.env.NO_COLOR === undefined;
    await writeOutput(options.format === 'json' ? render.renderSimulationJson(report)
        : render.renderSimulationText(report, { colour }), undefined, io);
    return processes.some(process => !process.recoverable) ? 1 : 0;
}

/** `--lose A,B --lose C` → [A, B, C]; blanks around commas are allowed. */
function lostNames(values: readonly string[]): string[] {
    const names = values.flatMap(value => value.split(',')).map(name => name.trim());
    if (names.length === 0 || names.some(name => name === '')) {
        throw new CliError(`--lose expects names separated by commas, not '${values.join(',')}'`);
    }
    return [...new Set(names)];
}

function notLosable(element: Element): string {
    // LANGUAGE.md §3.4: a workforce has no loss of its own.
    if (element.kind === 'workforce') {
        return `a workforce is lost only with its site${element.site ? `: lose ${element.site.name} instead` : ''}`;
    }
    return `${element.name} is ${describeKind(element.kind)}; only sites, workloads, suppliers, people and equipment can be lost`;
}
