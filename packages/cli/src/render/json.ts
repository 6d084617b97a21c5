import { formatIsoDate } from '@drplan/language';
import { countBySeverity, type CheckReport } from '../report.js';

/** The `check --format json` document of CLI.md; `version` is the version of this format, not of drplan. */
export function renderJson(report: CheckReport): string {
    const document = {
        version: 1,
        asOf: formatIsoDate(report.asOf),
        files: report.files,
        diagnostics: report.diagnostics.map((diagnostic) => ({
            file: diagnostic.file,
            line: diagnostic.line,
            column: diagnostic.column,
            endLine: diagnostic.endLine,
            endColumn: diagnostic.endColumn,
            severity: diagnostic.severity,
            code: diagnostic.code,
            element: diagnostic.element,
            message: diagnostic.message,
        })),
        summary: countBySeverity(report.diagnostics),
    };
    return `${JSON.stringify(document, null, 2)}\n`;
}
