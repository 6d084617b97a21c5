import { CliError } from './cli-error.js';
import { checkReport } from './report.js';
import type { DrPlanWorkspace } from './workspace.js';

/**
 * Errors after which the model is not what the user wrote: text the parser skipped, references
 * dropped, a name that means two things. Other errors (an RTO gap, a cycle, …) leave it well defined.
 */
const meaningChangingCodes: ReadonlySet<string> = new Set(['syntax', 'unresolved-reference', 'duplicate-name']);

/**
 * Refuses (exit 2) to draw conclusions from plans that do not parse or link: a simulation or an
 * exported recovery plan built from them would silently leave out what the user wrote.
 */
export function requireSoundModel(workspace: DrPlanWorkspace, asOf: Date, cwd: string, job: string): void {
    const errors = checkReport(workspace, asOf, cwd).diagnostics
        .filter(diagnostic => diagnostic.severity === 'error' && meaningChangingCodes.has(diagnostic.code));
    if (errors.length === 0) {
        return;
    }
    const first = errors[0];
    const more = errors.length > 1 ? ` and ${errors.length - 1} more` : '';
    throw new CliError(`cannot ${job}: ${first.file}:${first.line}:${first.column}: ${first.code}: `
        + `${first.message.trim().replace(/\s*\n\s*/g, ' ')}${more} (drplan check lists them)`);
}
