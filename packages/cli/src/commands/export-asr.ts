import { today } from '@drplan/language';
import { resolveElement } from '../element-names.js';
import type { CliIo } from '../io.js';
import { writeOutput } from '../output.js';
import { requireSoundModel } from '../sound-model.js';
import { cliVersion } from '../version.js';
import { findDrPlanFiles, loadWorkspace } from '../workspace.js';

export interface ExportAsrOptions {
    recoveryPlan: string;
    out?: string;
}

/** `drplan export asr`: the ARM template that creates one recovery plan in an Azure Site Recovery vault. */
export async function exportAsr(paths: readonly string[], options: ExportAsrOptions, io: CliIo): Promise<number> {
    const files = await findDrPlanFiles(paths, io.cwd);
    // The template does not depend on the evaluation date; the workspace is built with today's.
    const asOf = today(io.now());
    const workspace = await loadWorkspace(files, asOf, io.cwd);
    requireSoundModel(workspace, asOf, io.cwd, 'export');
    const model = workspace.services.DrPlan.analysis.WorkspaceAnalysis.planModel;
    const recoveryPlan = resolveElement(model, '--recovery-plan', options.recoveryPlan, ['recovery-plan'], 'a recovery plan');
    const { asrTemplate } = await import('../render/asr-template.js');
    await writeOutput(`${JSON.stringify(asrTemplate(recoveryPlan, cliVersion), null, 2)}\n`, options.out, io);
    return 0;
}
