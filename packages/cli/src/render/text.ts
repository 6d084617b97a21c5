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
        `${paint('1', `${visible(diagnostic.file)}:${diagnostic.line}:${diagnostic.column}`)}: `
        + `${paint(severityColour[diagnostic.severity], diagnostic.severity)} ${paint('2', diagnostic.code)}: `
        // One diagnostic per line, so that grep and editors' problem matchers can read it.
        + visible(diagnostic.message.trim().replace(/\s*\n\s*/g, ' ')));
    const counts = countBySeverity(report.diagnostics);
    const summary = [count(counts.errors, 'error'), count(counts.warnings, 'warning')];
    if (counts.infos > 0) {
        summary.push(count(counts.infos, 'info'));
    }
    const summaryColour = counts.errors > 0 ? '31;1' : counts.warnings > 0 ? '33' : '32';
    lines.push(paint(summaryColour, `${summary.join(', ')} in ${count(report.files.length, 'file')}`));
    return lines.map((line) => `${line}\n`).join('');
}

/**
 * File names and plan text may hold terminal control sequences (colours, OSC 8 hyperlinks, screen
 * clearing): they are shown as `\x1b`, never sent to the terminal.
 */
function visible(text: string): string {
    // eslint-disable-next-line no-control-regex
    return text.replace(/[\u0000-\u001F\u007F-\u009F]/g, (character) =>
        `\\x${character.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

function count(n: number, noun: string): string {
    return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
