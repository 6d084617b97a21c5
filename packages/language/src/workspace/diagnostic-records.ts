import type { Diagnostic } from 'vscode-languageserver';
import type { Severity } from '../analysis/types.js';

/**
 * One diagnostic as every output shows it (`drplan check --format json`, the runbook's gaps, the
 * editor's runbook export): a file path, 1-based positions (end exclusive), severity, code, element.
 */
export interface DiagnosticRecord {
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

// Langium's own lexer, parser and linker diagnostics carry their kind only in data.code; the
// validator gives them drplan's codes, and this keeps every output right if one slips through.
const langiumCodes: Readonly<Record<string, string>> = {
    'lexing-error': 'syntax',
    'parsing-error': 'syntax',
    'linking-error': 'unresolved-reference',
};

export function toDiagnosticRecord(diagnostic: Diagnostic, file: string): DiagnosticRecord {
    const { start, end } = diagnostic.range;
    const line = Math.max(1, start.line + 1);
    const column = Math.max(1, start.character + 1);
    const endLine = Math.max(line, end.line + 1);
    const endColumn = endLine === line ? Math.max(column, end.character + 1) : Math.max(1, end.character + 1);
    const data = diagnostic.data as { element?: unknown; code?: unknown } | undefined;
    return {
        file, line, column, endLine, endColumn,
        severity: severityOf(diagnostic),
        code: codeOf(diagnostic.code, data?.code),
        element: typeof data?.element === 'string' ? data.element : null,
        message: typeof diagnostic.message === 'string' ? diagnostic.message : (diagnostic.message as { value: string }).value,
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

function codeOf(code: Diagnostic['code'], builtIn: unknown): string {
    if (code !== undefined && code !== '') {
        return String(code);
    }
    return typeof builtIn === 'string' ? langiumCodes[builtIn] ?? builtIn : 'unknown';
}

/** By file, then position, then code and message: the order of `drplan check`. */
export function compareDiagnosticRecords(a: DiagnosticRecord, b: DiagnosticRecord): number {
    return compareText(a.file, b.file) || a.line - b.line || a.column - b.column || a.endLine - b.endLine
        || a.endColumn - b.endColumn || compareText(a.code, b.code) || compareText(a.message, b.message);
}

/** Code-point order, the same on every machine (localeCompare depends on the locale). */
export function compareText(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}
