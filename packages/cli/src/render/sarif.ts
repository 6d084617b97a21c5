import { formatIsoDate } from '@drplan/language';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { diagnosticRules, type DiagnosticRule } from '../diagnostic-rules.js';
import type { CheckReport, ReportedDiagnostic, Severity } from '../report.js';
import { cliVersion } from '../version.js';

const sarifLevel: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * A SARIF 2.1.0 log with one run, for code-scanning uploads: one rule per diagnostic code (all of them, so
 * that a code that disappears is seen as fixed), one result per diagnostic, located relative to `%SRCROOT%`
 * (the folder drplan ran in).
 */
export function renderSarif(report: CheckReport): string {
    const rules = [...diagnosticRules];
    // A code the language reports but this catalogue does not know yet still gets a rule, as SARIF requires.
    for (const diagnostic of report.diagnostics) {
        if (!rules.some((rule) => rule.code === diagnostic.code)) {
            rules.push({
                code: diagnostic.code, severity: diagnostic.severity,
                summary: `drplan diagnostic ${diagnostic.code}.`,
                description: `A diagnostic of the drplan language with the code ${diagnostic.code}.`,
                help: 'See the message of each result.',
            });
        }
    }
    const log = {
        $schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json',
        version: '2.1.0',
        runs: [{
            tool: {
                driver: {
                    name: 'drplan',
                    version: cliVersion,
                    rules: rules.map(sarifRule),
                },
            },
            // LSP positions count UTF-16 code units, which is also SARIF's default; said here for readers.
            columnKind: 'utf16CodeUnits',
            results: report.diagnostics.map((diagnostic) => sarifResult(diagnostic, rules)),
            properties: { asOf: formatIsoDate(report.asOf) },
        }],
    };
    return `${JSON.stringify(log, null, 2)}\n`;
}

function sarifRule(rule: DiagnosticRule) {
    return {
        id: rule.code,
        shortDescription: { text: rule.summary },
        fullDescription: { text: rule.description },
        help: { text: rule.help },
        defaultConfiguration: { level: sarifLevel[rule.severity] },
    };
}

function sarifResult(diagnostic: ReportedDiagnostic, rules: readonly DiagnosticRule[]) {
    return {
        ruleId: diagnostic.code,
        ruleIndex: rules.findIndex((rule) => rule.code === diagnostic.code),
        level: sarifLevel[diagnostic.severity],
        message: { text: diagnostic.message },
        locations: [{
            physicalLocation: {
                artifactLocation: artifactLocation(diagnostic.file),
                region: {
                    startLine: diagnostic.line,
                    startColumn: diagnostic.column,
                    endLine: diagnostic.endLine,
                    endColumn: diagnostic.endColumn,
                },
            },
        }],
        ...(diagnostic.element !== null ? { properties: { element: diagnostic.element } } : {}),
    };
}

/** A relative path becomes a relative URI reference (`plans/my%20plan.drplan`); an absolute one a file URI. */
function artifactLocation(file: string) {
    if (path.isAbsolute(file)) {
        return { uri: pathToFileURL(file).href };
    }
    return { uri: file.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}
