import * as path from 'node:path';
import { compareDiagnosticRecords, compareText, type DiagnosticRecord, toDiagnosticRecord } from '@drplan/language';
import type { DrPlanWorkspace } from './workspace.js';

export type Severity = DiagnosticRecord['severity'];

/** One diagnostic as every output format shows it: relative path, 1-based positions (end exclusive). */
export type ReportedDiagnostic = DiagnosticRecord;

/** The result of `drplan check`: what the renderers read. */
export interface CheckReport {
    asOf: Date;
    /** Every checked file, relative to the current folder, sorted. */
    files: string[];
    /** Sorted by file, then position. */
    diagnostics: ReportedDiagnostic[];
}

export interface SeverityCounts {
    errors: number;
    warnings: number;
    infos: number;
}

export function checkReport(workspace: DrPlanWorkspace, asOf: Date, cwd: string): CheckReport {
    const diagnostics = workspace.documents.flatMap((document, index) => {
        const file = displayPath(workspace.files[index], cwd);
        return (document.diagnostics ?? []).map((diagnostic) => toDiagnosticRecord(diagnostic, file));
    });
    return {
        asOf,
        files: workspace.files.map((file) => displayPath(file, cwd)).sort(compareText),
        diagnostics: diagnostics.sort(compareDiagnosticRecords),
    };
}

export function countBySeverity(diagnostics: readonly ReportedDiagnostic[]): SeverityCounts {
    const counts: SeverityCounts = { errors: 0, warnings: 0, infos: 0 };
    for (const diagnostic of diagnostics) {
        counts[`${diagnostic.severity}s`]++;
    }
    return counts;
}

/** `plans/contoso.drplan`: relative to `cwd` with `/`, or absolute when there is no relative path (another drive). */
export function displayPath(file: string, cwd: string): string {
    const relative = path.relative(cwd, file);
    return path.isAbsolute(relative) ? file : relative.split(path.sep).join('/');
}

export type FailOn = 'error' | 'warning' | 'never';

/** Whether a run's diagnostics reach --fail-on (exit 1): errors, errors and warnings, or never. */
export function failsOn(diagnostics: readonly ReportedDiagnostic[], failOn: FailOn): boolean {
    switch (failOn) {
        case 'never': return false;
        case 'warning': return diagnostics.some((diagnostic) => diagnostic.severity !== 'info');
        case 'error': return diagnostics.some((diagnostic) => diagnostic.severity === 'error');
    }
}
