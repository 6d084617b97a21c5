import { resolveAsOf } from '../as-of.js';
import type { CliIo } from '../io.js';
import { writeOutput } from '../output.js';
import { type CheckReport, checkReport, failsOn } from '../report.js';
import { findDrPlanFiles, loadWorkspace } from '../workspace.js';

export interface CheckOptions {
    format: 'text' | 'json' | 'sarif';
    asOf?: string;
    failOn: 'error' | 'warning' | 'never';
    out?: string;
}

/** `drplan check`: every diagnostic of the workspace in one report; exit 1 when one is at or above --fail-on. */
export async function check(paths: readonly string[], options: CheckOptions, io: CliIo): Promise<number> {
    const asOf = resolveAsOf(options.asOf, io.now());
    const files = await findDrPlanFiles(paths, io.cwd);
    const workspace = await loadWorkspace(files, asOf, io.cwd);
    const report = checkReport(workspace, asOf, io.cwd);
    await writeOutput(await render(report, options, io), options.out, io);
    return failsOn(report.diagnostics, options.failOn) ? 1 : 0;
}

async function render(report: CheckReport, options: CheckOptions, io: CliIo): Promise<string> {
    switch (options.format) {
        case 'json':
            return (await import('../render/json.js')).renderJson(report);
        case 'sarif':
            return (await import('../render/sarif.js')).renderSarif(report);
        case 'text': {
            // Colour only for a person at a terminal; NO_COLOR (any value) turns it off, see no-color.org.
            const colour = options.out === undefined && io.stdout.isTTY === true && io.env.NO_COLOR === undefined;
            return (await import('../render/text.js')).renderText(report, { colour });
        }
    }
}
