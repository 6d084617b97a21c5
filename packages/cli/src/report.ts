import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import type { DrPlanWorkspace } from './workspace.js';

/** An LSP diagnostic, as Langium attaches it to a document. */
type Diagnostic = NonNullable<LangiumDocument['diagnostics']>[number];

export type Severity = 'error' | 'warning' | 'info';

/** One diagnostic as every output format shows it: relative path, 1-based positions (end exclusive). */
export interface ReportedDiagnostic {
    file: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    severity: Severity;
    code: string;
    /** The declaration the diagnostic is about (LANGUAGE.md §3.5), or null. */
    element: string | null;
    message: string;
}

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
        return (document.diagnostics ?? []).map((diagnostic) => reported(diagnostic, file));
    });
    return {
        asOf,
        files: workspace.files.map((file) => displayPath(file, cwd)).sort(compareText),
        diagnostics: diagnostics.sort(compareDiagnostics),
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

// Langium's own lexer, parser and linker diagnostics carry their kind only in data.code; the language's
// validator gives them the codes of LANGUAGE.md §3.5, and this keeps the CLI right if one slips through.
const langiumCodes: Readonly<Record<string, string>> = {
    'lexing-error': 'syntax',
    'parsing-error': 'syntax',
    'linking-error': 'unresolved-reference',
};

function reported(diagnostic: Diagnostic, file: string): ReportedDiagnostic {
    const { start, end } = diagnostic.range;
    const line = Math.max(1, start.line + 1);
    const column = Math.max(1, start.character + 1);
    const endLine = Math.max(line, end.line + 1);
    const endColumn = endLine === line ? Math.max(column, end.character + 1) : Math.max(1, end.character + 1);
    const element: unknown = diagnostic.data?.element;
    return {
        file, line, column, endLine, endColumn,
        severity: severityOf(diagnostic),
        code: codeOf(diagnostic),
        element: typeof element === 'string' ? element : null,
        message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
    };
}

function severityOf(diagnostic: Diagnostic): Severity {
    switch (diagnostic.severity) {
        case 2: return 'warning';
        case 3:
        case 4: return 'info';
        // LSP leaves a missing severity to the client; an unclassified problem is treated as an error.
        default: return 'error';
    }
}

function codeOf(diagnostic: Diagnostic): string {
    if (diagnostic.code !== undefined && diagnostic.code !== '') {
        return String(diagnostic.code);
    }
    const builtIn: unknown = diagnostic.data?.code;
    if (typeof builtIn === 'string') {
        return langiumCodes[builtIn] ?? builtIn;
    }
    return 'unknown';
}

function compareDiagnostics(a: ReportedDiagnostic, b: ReportedDiagnostic): number {
    return compareText(a.file, b.file) || a.line - b.line || a.column - b.column || a.endLine - b.endLine
        || a.endColumn - b.endColumn || compareText(a.code, b.code) || compareText(a.message, b.message);
}

/** Code-point order, the same on every machine (localeCompare depends on the locale). */
function compareText(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
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
