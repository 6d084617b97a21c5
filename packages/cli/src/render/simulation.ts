import { lossOutcome } from '@drplan/language';
import { describeKind } from '../element-names.js';
import type { SimulatedProcess, SimulationReport } from '../commands/simulate.js';

/** The `simulate --format json` document of CLI.md; durations in whole seconds, `version` of this format. */
export function renderSimulationJson(report: SimulationReport): string {
    const document = {
        version: 1,
        lost: report.lost.map(element => element.name),
        processes: report.processes.map(simulated => ({
            process: simulated.process.name,
            recoverable: simulated.recoverable,
            strandedBy: simulated.strandedBy,
            recoveryTime: simulated.recoveryTime?.value ?? null,
            rto: simulated.rto ?? null,
        })),
    };
    return `${JSON.stringify(document, null, 2)}\n`;
}

export interface SimulationTextOptions {
    /** ANSI colours, for a terminal. */
    colour: boolean;
}

/**
 * For people: what is lost, one line per process (`✓ Name  recovers in 5h20m (RTO 4h, 1h20m over)` or
 * `✗ Name  stranded by LabelPrinters`), then a summary line.
 */
export function renderSimulationText(report: SimulationReport, options: SimulationTextOptions): string {
    const paint = (codes: string, text: string) => options.colour ? `\x1b[${codes}m${text}\x1b[0m` : text;
    const lost = report.lost.map(element => `${element.name} (${describeKind(element.kind).replace(/^an? /, '')})`);
    const lines = [`Losing ${lost.join(', ')}${report.plan ? `, under plan ${report.plan.name}` : ''}:`];
    const width = Math.max(0, ...report.processes.map(simulated => simulated.process.name.length));
    for (const simulated of report.processes) {
        const mark = simulated.recoverable ? paint('32', '✓') : paint('31;1', '✗');
        lines.push(`  ${mark} ${simulated.process.name.padEnd(width)}  ${lossOutcome(simulated)}`);
    }
    if (report.processes.length === 0) {
        lines.push(report.plan ? `  (plan ${report.plan.name} covers no process)` : '  (no process is declared)');
    }
    lines.push(summary(report.processes, paint));
    return lines.map(line => `${line}\n`).join('');
}

function summary(processes: readonly SimulatedProcess[], paint: (codes: string, text: string) => string): string {
    const stranded = processes.filter(simulated => !simulated.recoverable).length;
    const late = processes.filter(simulated => simulated.recoveryTime && simulated.rto !== undefined
        && simulated.recoveryTime.value > simulated.rto).length;
    const parts = [`${count(processes.length, 'process', 'processes')}: ${processes.length - stranded} still recoverable`,
        `${stranded} stranded`];
    let text = parts.join(', ');
    if (late > 0) {
        text += `; ${late} of the recoverable ${late === 1 ? 'misses its' : 'miss their'} RTO`;
    }
    return paint(stranded > 0 ? '31;1' : late > 0 ? '33' : '32', text);
}

function count(n: number, one: string, many: string): string {
    return `${n} ${n === 1 ? one : many}`;
}
