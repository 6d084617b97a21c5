import { buildDependencyMap, renderSvg } from '@drplan/language';
import { resolveAsOf } from '../as-of.js';
import { resolveElement } from '../element-names.js';
import type { CliIo } from '../io.js';
import { layOut } from '../layout.js';
import { writeOutput } from '../output.js';
import { findDrPlanFiles, loadWorkspace } from '../workspace.js';

export interface GraphOptions {
    process?: string;
    format: 'svg' | 'json';
    asOf?: string;
    out?: string;
}

/**
 * `drplan graph`: the dependency map, built, laid out (elkjs) and drawn by the language's graph module,
 * the same code as the editor's preview. Plans with errors are still drawn: their nodes show the gaps.
 */
export async function graph(paths: readonly string[], options: GraphOptions, io: CliIo): Promise<number> {
    const asOf = resolveAsOf(options.asOf, io.now());
    const files = await findDrPlanFiles(paths, io.cwd);
    const workspace = await loadWorkspace(files, asOf, io.cwd);
    const analysis = workspace.services.DrPlan.analysis.WorkspaceAnalysis.analysis;
    if (options.process !== undefined) {
        // Checked here for the same one-line message as every other name on the command line.
        resolveElement(analysis.model, '--process', options.process, ['process'], 'a process');
    }
    const map = buildDependencyMap(analysis, { process: options.process });
    const laidOut = await layOut(map);
    const content = options.format === 'json'
        ? (await import('../render/graph-json.js')).renderGraphJson(laidOut, asOf, io.cwd)
        : renderSvg(laidOut);
    await writeOutput(content.endsWith('\n') ? content : `${content}\n`, options.out, io);
    return 0;
}
