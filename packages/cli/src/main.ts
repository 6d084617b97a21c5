import { Command, CommanderError, Option } from 'commander';
import { CliError } from './cli-error.js';
import type { CheckOptions } from './commands/check.js';
import type { ExportAsrOptions } from './commands/export-asr.js';
import type { GraphOptions } from './commands/graph.js';
import type { RunbookCommandOptions } from './commands/runbook.js';
import type { SimulateOptions } from './commands/simulate.js';
import { type CliIo, processIo } from './io.js';
import { cliVersion } from './version.js';

// Only commander is loaded up front: each command imports the language services when it runs, so that
// `drplan --help` and `drplan --version` start at once.

const exitCodesHelp = `
Exit codes:
  0  done; no diagnostic at or above --fail-on
  1  done; diagnostics at or above --fail-on (default: error)
  2  could not do the job: bad arguments, unreadable or missing file, no .drplan found`;

const programExamples = `
Examples:
  $ drplan check                                      check every .drplan file under the current folder
  $ drplan check plans/ --as-of 2026-11-21            evaluate tests and dates as of that day
  $ drplan check --format sarif --out drplan.sarif    for code scanning in pull requests
${exitCodesHelp}`;

const checkExamples = `
Paths are .drplan files or folders (searched recursively, skipping node_modules and
dot-folders); the default is the current folder. All files form one workspace.

Examples:
  $ drplan check
  $ drplan check plans/contoso.drplan plans/shared/
  $ drplan check --fail-on warning                    fail the build on warnings too
  $ drplan check --format json --out build/check.json
  $ drplan check --format sarif --out drplan.sarif
${exitCodesHelp}`;

const runbookExamples = `
Compiles one plan into the runbook a response team follows. With one plan in the workspace --plan
may be left out; with several it is required. The runbook is written even when the plan has errors
(they are in its banner and its gaps); the exit code follows --fail-on, as for check.

Examples:
  $ drplan runbook examples/contoso-retail --format html --out contoso-runbook.html
  $ drplan runbook examples/manufacturing-plant --plan PlantRecovery
  $ drplan runbook --failover test --format json --out build/runbook.json

Exit codes:
  0  done; no diagnostic at or above --fail-on
  1  done; diagnostics at or above --fail-on (default: error)
  2  could not do the job: bad arguments, unreadable or missing file, no .drplan found,
     several plans without --plan, unknown plan`;

const simulateExamples = `
Names are global across the files. Sites, workloads, suppliers, people and equipment can be lost;
--lose takes several at once, separated by commas, and may be repeated.

Examples:
  $ drplan simulate examples/contoso-retail --lose Seattle
  $ drplan simulate --lose Seattle,PaymentGateway --plan ContosoRetail
  $ drplan simulate --lose SamOkafor --format json

Exit codes:
  0  done; every reported process is still recoverable
  1  done; at least one reported process is stranded by the loss
  2  could not do the job: bad arguments, unreadable or missing file, no .drplan found,
     unknown name or plan, plans with syntax or reference errors`;

const exportAsrExamples = `
The template has one string parameter per workload (<Workload>ProtectedItemId), the vault name and
the two fabric ids, since Azure ids are not in the plan.

Examples:
  $ drplan export asr examples/contoso-retail --recovery-plan OrderTierFailover
  $ drplan export asr --recovery-plan OrderTierFailover --out azure/order-tier-plan.json

Exit codes:
  0  done
  2  could not do the job: bad arguments, unreadable or missing file, no .drplan found,
     unknown recovery plan, plans with syntax or reference errors`;

const graphExamples = `
Nodes are processes, workloads, suppliers, customers, workforce, equipment and data; sites are boxes
around what runs or lives there. Each node is coloured by its status (gap, SPOF, unproven, ok).

Examples:
  $ drplan graph examples/contoso-retail --out contoso-map.svg
  $ drplan graph --process OrderFulfilment --out order-fulfilment.svg
  $ drplan graph --format json --out build/map.json

Exit codes:
  0  done (plans with errors are drawn too: their nodes show the gaps)
  2  could not do the job: bad arguments, unreadable or missing file, no .drplan found,
     unknown process`;

/** Commander's collector for an option that may be given more than once. */
function collectValues(value: string, previous: string[] | undefined): string[] {
    return [...previous ?? [], value];
}

/**
 * Runs the command line `argv` (the arguments after `drplan`) and returns the exit code. It never calls
 * process.exit and writes only to `io`, so tests can run it in-process.
 */
export async function run(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
    let exitCode = 0;
    const program = new Command('drplan')
        .description('Check disaster-recovery plans written in .drplan files.')
        .version(cliVersion, '-V, --version', 'print the version of drplan')
        .helpOption('-h, --help', 'print this help')
        .helpCommand('help [command]', 'print the help of a command')
        // Settings below are inherited by the commands added after them.
        .exitOverride()
        .configureOutput({
            writeOut: (text) => io.stdout.write(text),
            writeErr: (text) => io.stderr.write(text),
            // run() prints commander's errors itself, as one `drplan: …` line.
            outputError: () => undefined,
        })
        .addHelpText('after', programExamples);

    program
        .command('check')
        .description('Parse, link and analyse plans; print every diagnostic.')
        .argument('[paths...]', '.drplan files or folders (default: the current folder)')
        .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'sarif']).default('text'))
        .option('--as-of <date>', 'evaluation date as YYYY-MM-DD (default: today)')
        .addOption(new Option('--fail-on <severity>', 'exit with 1 when a diagnostic is at or above this severity')
            .choices(['error', 'warning', 'never']).default('error'))
        .option('--out <file>', 'write the report to this file (whole or not at all) instead of stdout')
        .helpOption('-h, --help', 'print this help')
        .addHelpText('after', checkExamples)
        .action(async (paths: string[], options: CheckOptions) => {
            const { check } = await import('./commands/check.js');
            exitCode = await check(paths, options, io);
        });

    program
        .command('runbook')
        .description('Compile a plan into its runbook: Markdown, printable HTML or JSON.')
        .argument('[paths...]', '.drplan files or folders (default: the current folder)')
        .option('--plan <name>', 'the plan to compile (required when the workspace has several)')
        .addOption(new Option('--format <format>', 'output format').choices(['md', 'html', 'json']).default('md'))
        .addOption(new Option('--failover <type>', 'keep only the actions that run for this failover type')
            .choices(['planned', 'unplanned', 'test']).default('unplanned'))
        .option('--as-of <date>', 'evaluation date as YYYY-MM-DD (default: today)')
        .addOption(new Option('--fail-on <severity>', 'exit with 1 when a diagnostic is at or above this severity')
            .choices(['error', 'warning', 'never']).default('error'))
        .option('--out <file>', 'write the runbook to this file (whole or not at all) instead of stdout')
        .helpOption('-h, --help', 'print this help')
        .addHelpText('after', runbookExamples)
        .action(async (paths: string[], options: RunbookCommandOptions) => {
            const { runbook } = await import('./commands/runbook.js');
            exitCode = await runbook(paths, options, io);
        });

    program
        .command('graph')
        .description('Draw the dependency map, laid out as in the editor preview: SVG, or JSON with positions.')
        .argument('[paths...]', '.drplan files or folders (default: the current folder)')
        .option('--process <name>', 'keep only what this process needs')
        .addOption(new Option('--format <format>', 'output format').choices(['svg', 'json']).default('svg'))
        .option('--as-of <date>', 'evaluation date as YYYY-MM-DD (default: today)')
        .option('--out <file>', 'write the map to this file (whole or not at all) instead of stdout')
        .helpOption('-h, --help', 'print this help')
        .addHelpText('after', graphExamples)
        .action(async (paths: string[], options: GraphOptions) => {
            const { graph } = await import('./commands/graph.js');
            exitCode = await graph(paths, options, io);
        });

    program
        .command('simulate')
        .description('What if these elements were lost: is each process still recoverable, and in how long?')
        .argument('[paths...]', '.drplan files or folders (default: the current folder)')
        .addOption(new Option('--lose <names>', 'sites, workloads, suppliers, people or equipment to lose, separated by commas')
            .argParser(collectValues).makeOptionMandatory())
        .option('--plan <name>', 'report the processes this plan covers, with their recovery time under it')
        .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
        .option('--as-of <date>', 'evaluation date as YYYY-MM-DD (default: today)')
        .helpOption('-h, --help', 'print this help')
        .addHelpText('after', simulateExamples)
        .action(async (paths: string[], options: SimulateOptions) => {
            const { simulate } = await import('./commands/simulate.js');
            exitCode = await simulate(paths, options, io);
        });

    program
        .command('export')
        .description('Export a recovery plan for another tool (asr: Azure Site Recovery).')
        .helpOption('-h, --help', 'print this help')
        .command('asr')
        .description('Write an Azure Resource Manager template that creates a recovery plan in an Azure Site Recovery vault.')
        .argument('[paths...]', '.drplan files or folders (default: the current folder)')
        .addOption(new Option('--recovery-plan <name>', 'the recovery plan to export').makeOptionMandatory())
        .option('--out <file>', 'write the template to this file (whole or not at all) instead of stdout')
        .helpOption('-h, --help', 'print this help')
        .addHelpText('after', exportAsrExamples)
        .action(async (paths: string[], options: ExportAsrOptions) => {
            const { exportAsr } = await import('./commands/export-asr.js');
            exitCode = await exportAsr(paths, options, io);
        });

    try {
        await program.parseAsync([...argv], { from: 'user' });
        return exitCode;
    } catch (error) {
        return failure(error, io);
    }
}

/** Turns what went wrong into the exit code, printing one line (or the help) on stderr. */
function failure(error: unknown, io: CliIo): number {
    if (error instanceof CommanderError) {
        switch (error.code) {
            case 'commander.helpDisplayed':
            case 'commander.version':
                return 0;
            case 'commander.help':
                // `drplan` alone: commander has printed the help on stderr; there was nothing to do.
                return 2;
            default:
                io.stderr.write(`drplan: ${oneLine(error.message.replace(/^error: /, ''))}\n`);
                return 2;
        }
    }
    if (error instanceof CliError) {
        io.stderr.write(`drplan: ${oneLine(error.message)}\n`);
        return 2;
    }
    // A bug: still one line for the user; DRPLAN_DEBUG=1 shows the stack for the bug report.
    const message = error instanceof Error ? error.message : String(error);
    const detail = io.env.DRPLAN_DEBUG && error instanceof Error ? error.stack ?? message : oneLine(message);
    io.stderr.write(`drplan: internal error: ${detail}\n`);
    return 2;
}

function oneLine(text: string): string {
    return text.trim().replace(/\s*\n\s*/g, ' ');
}
