import { countBySeverity, type CheckReport, type Severity } from '../report.js';

export interface TextOptions {
    /** ANSI colours, for a terminal. */
    colour: boolean;
}

const severityColour: Readonly<Record<Severity, string>> = { error: '31;1', warning: '33', info: '36' };

/** `path:line:column: severity code: message` lines, then `N errors, N warnings in N files`. */
export function renderText(report: CheckReport, options: TextOptions): string {
    const paint = (codes: string, text: string) => options.colour ? `\x1b[${codes}m${text}\x1b[0m` : text;
    const lines = report.diagnostics.map((diagnostic) =>
        `${paint('1', `${diagnostic.file}:${diagnostic.line}:${diagnostic.column}`)}: `
        + `${paint(severityColour[diagnostic.severity], diagnostic.severity)} ${paint('2', diagnostic.code)}: `
        // One diagnostic per line, so that grep and editors' problem matchers can read it.
        + diagnostic.message.trim().replace(/\s*\n\s*/g, ' '));
    const counts = countBySeverity(report.diagnostics);
    const summary = [count(counts.errors, 'error'), count(counts.warnings, 'warning')];
    if (counts.infos > 0) {
        summary.push(count(counts.infos, 'info'));
    }
    const summaryColour = counts.errors > 0 ? '31;1' : counts.warnings > 0 ? '33' : '32';
    lines.push(paint(summaryColour, `${summary.join(', ')} in ${count(report.files.length, 'file')}`));
    return lines.map((line) => `${line}\n`).join('');
}

function count(n: number, noun: string): string {
    return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
