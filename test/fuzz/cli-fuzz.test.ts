import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../packages/cli/src/main.js';
import { recoveryPlanErrors, sarifErrors } from '../schemas/validators.js';
import { notValuesShown } from './exercise-language.js';
import { fuzzParameters, fuzzTimeout } from './fuzz-settings.js';
import { mutatedExampleWorkspaceArbitrary } from './mutations.js';
import { workspaceArbitrary } from './plan-generator.js';

// Every CLI command on broken and hostile workspaces: an exit code of 0, 1 or 2, output in the format
// asked for, and at most one `drplan: …` line on stderr; never an internal error or a stack trace.

const folder = mkdtempSync(join(tmpdir(), 'drplan-cli-fuzz-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Names a user might pass: declared ones of the right kind, and ones that name nothing or attack the shell. */
const strangeNames = ['Nope', '', ' ', '..', '../../etc/passwd', '--help', 'a,b', ',', 'Ω', '$(id)', '`id`', '%s%n', '\u202E', '-'];

function declaredNames(text: string, keyword: string): string[] {
    return [...text.matchAll(new RegExp(`(?:^|[\\s}])${keyword}\\s+([A-Za-z_]\\w*)`, 'g'))].map(match => match[1]);
}

type Command = (text: string, pick: <T>(items: readonly T[]) => T) => string[];

const commands: Record<string, Command> = {
    check: (_, pick) => ['check', '--format', pick(['text', 'json', 'sarif']), '--fail-on', pick(['error', 'warning', 'never'])],
    runbook: (text, pick) => ['runbook', '--format', pick(['md', 'html', 'json']), '--failover', pick(['planned', 'unplanned', 'test']),
        ...pick([[], ['--plan', pick([...declaredNames(text, 'plan'), ...strangeNames])]])],
    graph: (text, pick) => ['graph', '--format', pick(['svg', 'json']),
        ...pick([[], ['--process', pick([...declaredNames(text, 'process'), ...strangeNames])]])],
    simulate: (text, pick) => {
        const losable = ['site', 'workload', 'supplier', 'person', 'equipment'].flatMap(keyword => declaredNames(text, keyword));
        return ['simulate', '--format', pick(['text', 'json']), '--lose', [pick([...losable, ...strangeNames]), pick(losable.length > 0 ? losable : strangeNames)].join(','),
            ...pick([[], ['--plan', pick([...declaredNames(text, 'plan'), ...strangeNames])]])];
    },
    exportAsr: (text, pick) => {
        // A declared recovery plan half the time, so that templates get written (and schema-checked) often.
        const declared = declaredNames(text, 'recovery-plan');
        return ['export', 'asr', '--recovery-plan', pick(declared.length > 0 && pick([true, false]) ? declared : [...declared, ...strangeNames])];
    },
};

interface CliCase {
    files: Record<string, string>;
    command: string;
    choices: number[];
}

const workspaceFilesArbitrary = fc.oneof(
    mutatedExampleWorkspaceArbitrary.map(mutated => mutated.files),
    workspaceArbitrary.map(workspace => workspace.files),
);
const cliCaseArbitrary: fc.Arbitrary<CliCase> = fc.record({
    files: workspaceFilesArbitrary,
    // FUZZ_CLI_COMMANDS=check,runbook focuses a local run on some commands.
    command: fc.constantFrom(...(process.env.FUZZ_CLI_COMMANDS?.split(',') ?? Object.keys(commands))),
    choices: fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
});

async function runCase(cliCase: CliCase): Promise<{ args: string[]; code: number; stdout: string; stderr: string; source: string }> {
    const cwd = mkdtempSync(join(folder, 'case-'));
    for (const [name, text] of Object.entries(cliCase.files)) {
        writeFileSync(join(cwd, name), text);
    }
    let choice = 0;
    const pick = <T>(items: readonly T[]): T => items[cliCase.choices[choice++ % cliCase.choices.length] % items.length];
    const allText = Object.values(cliCase.files).join('\n');
    const command = commands[cliCase.command](allText, pick);
    // Commands that analyse take the evaluation date; export asr does not.
    const args = cliCase.command === 'exportAsr' ? command : [...command, '--as-of', '2026-11-21'];
    let stdout = '';
    let stderr = '';
    const code = await run(args, {
        stdout: { write: (text: string) => { stdout += text; }, isTTY: false },
        stderr: { write: (text: string) => { stderr += text; } },
        cwd,
        // DRPLAN_DEBUG: an internal error comes with its stack, for the bug report.
        env: { DRPLAN_DEBUG: '1' },
        now: () => new Date(2026, 10, 21),
    });
    rmSync(cwd, { recursive: true, force: true });
    return { args, code, stdout, stderr, source: allText };
}

describe('every CLI command', () => {
    it('answers any workspace with an exit code of 0, 1 or 2 and one clear line at most, never a stack trace', async () => {
        await fc.assert(fc.asyncProperty(cliCaseArbitrary, async (cliCase) => {
            const { args, code, stdout, stderr, source } = await runCase(cliCase);
            const shown = `drplan ${args.map(arg => JSON.stringify(arg)).join(' ')} → ${code}\nstderr: ${stderr}`;
            expect([0, 1, 2], shown).toContain(code);
            expect(stderr, shown).not.toMatch(/internal error|^\s+at /m);
            if (stderr !== '') {
                expect(stderr, shown).toMatch(/^drplan: [^\n]+\n$/);
                expect(notValuesShown(stderr, source), shown).toEqual([]);
            }
            if (code === 2) {
                expect(stderr, shown).not.toBe('');
            } else {
                expect(stdout, shown).not.toBe('');
                const format = args[args.indexOf('--format') + 1];
                if (format === 'json' || format === 'sarif' || cliCase.command === 'exportAsr') {
                    expect(() => JSON.parse(stdout), shown).not.toThrow();
                }
                // Whatever the plan, what reviewers and Azure read validates against the official schemas.
                if (format === 'sarif') {
                    expect(sarifErrors(JSON.parse(stdout)), shown).toBe('No errors');
                }
                if (cliCase.command === 'exportAsr') {
                    for (const resource of JSON.parse(stdout).resources) {
                        expect(recoveryPlanErrors(resource), shown).toBe('No errors');
                    }
                }
                // What a person reads (reports, runbooks) never shows a value that is not one, unless the plan says it.
                if (['text', 'md', 'html'].includes(format)) {
                    expect(notValuesShown(stdout, source), shown).toEqual([]);
                }
            }
        }), fuzzParameters(16));
    }, fuzzTimeout(40_000));
});
