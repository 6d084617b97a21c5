import {
    type Analysis, buildRunbook, type FailoverType, renderRunbookHtml, renderRunbookJson, renderRunbookMarkdown, type Runbook,
    runbookDependencyMap, RunbookPlanError,
} from '@drplan/language';
import { resolveAsOf } from '../as-of.js';
import { CliError } from '../cli-error.js';
import type { CliIo } from '../io.js';
import { layOut } from '../layout.js';
import { writeOutput } from '../output.js';
import { checkReport, failsOn } from '../report.js';
import { findDrPlanFiles, loadWorkspace } from '../workspace.js';

export interface RunbookCommandOptions {
    plan?: string;
    format: 'md' | 'html' | 'json';
    asOf?: string;
    failover: FailoverType;
    failOn: 'error' | 'warning' | 'never';
    out?: string;
}

/**
 * `drplan runbook`: compiles one plan into the runbook a response team follows, for one failover type.
 * The runbook is written even when the workspace has errors (they are in it); the exit code follows --fail-on.
 */
export async function runbook(paths: readonly string[], options: RunbookCommandOptions, io: CliIo): Promise<number> {
    const asOf = resolveAsOf(options.asOf, io.now());
    const files = await findDrPlanFiles(paths, io.cwd);
    const workspace = await loadWorkspace(files, asOf, io.cwd);
    // The gaps are the diagnostics, exactly as `check` reports them (always for the unplanned failover).
    const { diagnostics } = checkReport(workspace, asOf, io.cwd);
    const workspaceAnalysis = workspace.services.DrPlan.analysis.WorkspaceAnalysis;
    const analysis = workspaceAnalysis.forFailover(options.failover);
    let compiled: Runbook;
    try {
        compiled = buildRunbook(analysis, { plan: options.plan, gaps: diagnostics });
    } catch (error) {
        if (error instanceof RunbookPlanError) {
            throw new CliError(error.message);
        }
        throw error;
    }
    // The map is coloured by the diagnostics, so it uses their analysis (unplanned), as the gaps do.
    await writeOutput(await render(compiled, workspaceAnalysis.analysis, options.format), options.out, io);
    return failsOn(diagnostics, options.failOn) ? 1 : 0;
}

async function render(compiled: Runbook, diagnosticAnalysis: Analysis, format: RunbookCommandOptions['format']): Promise<string> {
    switch (format) {
        case 'json':
            return renderRunbookJson(compiled);
        case 'md':
            return renderRunbookMarkdown(compiled);
        case 'html':
            return renderRunbookHtml(compiled, { dependencyMap: await runbookDependencyMap(diagnosticAnalysis, compiled.plan, layOut) });
    }
}
