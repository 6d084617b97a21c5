import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { drplan, fixtures } from './run-cli.js';

const asOf = ['--as-of', '2026-11-21'];

/** Every user error: exit 2, exactly one `drplan: …` line on stderr, nothing on stdout, no stack trace. */
function expectUsageError(result: { code: number; stdout: string; stderr: string }, message: string | RegExp): void {
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toHaveLength(2);
    expect(result.stderr.endsWith('\n')).toBe(true);
    expect(result.stderr).not.toMatch(/\bat .*:\d+:\d+/);
    if (typeof message === 'string') {
        expect(result.stderr).toBe(`drplan: ${message}\n`);
    } else {
        expect(result.stderr).toMatch(message);
    }
}

describe('exit codes', () => {
    test('0 when the plan is clean', async () => {
        const result = await drplan(['check', 'clean', ...asOf]);
        expect(result).toEqual({ code: 0, stdout: '0 errors, 0 warnings in 1 file\n', stderr: '' });
    });

    test('1 when there is an error', async () => {
        const result = await drplan(['check', 'syntax', ...asOf]);
        expect(result.code).toBe(1);
        expect(result.stderr).toBe('');
        expect(result.stdout).toBe(
            'syntax/broken.drplan:6:13: error syntax: Expecting token of type \'INT\' but found `two`.\n'
            + '1 error, 0 warnings in 1 file\n');
    });

    test('--fail-on never reports the errors but exits with 0', async () => {
        const result = await drplan(['check', 'syntax', '--fail-on', 'never', ...asOf]);
        expect(result.code).toBe(0);
        expect(result.stdout).toContain('error syntax:');
    });

    test('warnings alone pass by default and fail with --fail-on warning', async () => {
        const byDefault = await drplan(['check', 'warnings', ...asOf]);
        expect(byDefault.stdout).toMatch(/^warnings\/unprotected\.drplan:\d+:\d+: warning unprotected: .*FileShare/m);
        expect(byDefault.stdout.endsWith('0 errors, 1 warning in 1 file\n')).toBe(true);
        expect(byDefault.code).toBe(0);
        expect((await drplan(['check', 'warnings', '--fail-on', 'warning', ...asOf])).code).toBe(1);
        expect((await drplan(['check', 'warnings', '--fail-on', 'error', ...asOf])).code).toBe(0);
    });

    test('--fail-on warning passes a clean plan and fails on errors too', async () => {
        expect((await drplan(['check', 'clean', '--fail-on', 'warning', ...asOf])).code).toBe(0);
        expect((await drplan(['check', 'syntax', '--fail-on', 'warning', ...asOf])).code).toBe(1);
    });
});

describe('bad arguments exit with 2 and one line', () => {
    test('an unknown option, with a suggestion', async () => {
        expectUsageError(await drplan(['check', '--formt', 'json']), /^drplan: unknown option '--formt'.*--format/);
    });

    test('an unknown format or --fail-on level', async () => {
        expectUsageError(await drplan(['check', '--format', 'xml']), /^drplan: .*'xml' is invalid.*text, json, sarif/);
        expectUsageError(await drplan(['check', '--fail-on', 'info']), /^drplan: .*'info' is invalid.*error, warning, never/);
    });

    test('an option without its value', async () => {
        expectUsageError(await drplan(['check', '--out']), /^drplan: option '--out <file>' argument missing/);
    });

    test('--as-of in another format', async () => {
        expectUsageError(await drplan(['check', 'clean', '--as-of', '21/11/2026']),
            '--as-of expects a date as YYYY-MM-DD, not \'21/11/2026\'');
        expectUsageError(await drplan(['check', 'clean', '--as-of', '2026-11-21T00:00']),
            '--as-of expects a date as YYYY-MM-DD, not \'2026-11-21T00:00\'');
    });

    test('--as-of an impossible date', async () => {
        expectUsageError(await drplan(['check', 'clean', '--as-of', '2026-02-30']), '--as-of 2026-02-30 is not a real date');
    });

    test('an unknown command', async () => {
        expectUsageError(await drplan(['chek']), /^drplan: unknown command 'chek'/);
    });

    test('no command prints the help on stderr', async () => {
        const result = await drplan([]);
        expect(result.code).toBe(2);
        expect(result.stdout).toBe('');
        expect(result.stderr).toContain('Usage: drplan');
    });

    test('a missing path', async () => {
        expectUsageError(await drplan(['check', 'clean', 'nowhere']), 'cannot read nowhere: no such file or folder');
    });

    test('a file that is not a .drplan file', async () => {
        const cwd = await mkdtemp(path.join(tmpdir(), 'drplan-check-'));
        await writeFile(path.join(cwd, 'notes.txt'), 'site A {}');
        expectUsageError(await drplan(['check', 'notes.txt'], { cwd }), 'notes.txt is not a .drplan file');
    });

    test('a folder without .drplan files', async () => {
        const cwd = await mkdtemp(path.join(tmpdir(), 'drplan-check-'));
        await writeFile(path.join(cwd, 'notes.txt'), 'site A {}');
        expectUsageError(await drplan(['check'], { cwd }), 'no .drplan files found in .');
    });
});

describe('help and version', () => {
    test('--version prints the package version', async () => {
        const { version } = (await import('../../packages/cli/package.json', { with: { type: 'json' } })).default;
        expect(await drplan(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    });

    test('--help lists check with examples and the exit codes', async () => {
        const result = await drplan(['--help']);
        expect(result.code).toBe(0);
        expect(result.stdout).toMatch(/^\s+check \[options\] \[paths\.\.\.\]/m);
        expect(result.stdout).toContain('$ drplan check --format sarif --out drplan.sarif');
        expect(result.stdout).toContain('2  could not do the job');
    });

    test('check --help lists its options with examples', async () => {
        const result = await drplan(['check', '--help']);
        expect(result.code).toBe(0);
        for (const option of ['--format <format>', '--as-of <date>', '--fail-on <severity>', '--out <file>']) {
            expect(result.stdout).toContain(option);
        }
        expect(result.stdout).toContain('$ drplan check --fail-on warning');
    });
});

describe('finding the files', () => {
    test('searches folders recursively, skipping node_modules and dot-folders, each file once', async () => {
        const cwd = await mkdtemp(path.join(tmpdir(), 'drplan-check-'));
        const broken = 'site {';
        const files: Record<string, string> = {
            'plans/retail.drplan': 'site Seattle { kind on-premises }\n',
            'plans/deep/er/people.drplan': 'person JaneDoe { email "jane@contoso.example" }\n',
            'plans/node_modules/pkg/vendored.drplan': broken,
            'plans/.cache/old.drplan': broken,
            '.git/stray.drplan': broken,
            'plans/readme.md': broken,
        };
        for (const [name, text] of Object.entries(files)) {
            await mkdir(path.dirname(path.join(cwd, name)), { recursive: true });
            await writeFile(path.join(cwd, name), text);
        }
        const result = await drplan(['check', '--format', 'json', ...asOf, 'plans', 'plans/retail.drplan'], { cwd });
        expect(result.code).toBe(0);
        expect(JSON.parse(result.stdout).files).toEqual(['plans/deep/er/people.drplan', 'plans/retail.drplan']);
        const byDefault = await drplan(['check', ...asOf], { cwd });
        expect(byDefault).toEqual({ code: 0, stdout: '0 errors, 0 warnings in 2 files\n', stderr: '' });
    });

    test('the default is the current folder', async () => {
        const result = await drplan(['check', ...asOf], { cwd: path.join(fixtures, 'clean') });
        expect(result).toEqual({ code: 0, stdout: '0 errors, 0 warnings in 1 file\n', stderr: '' });
    });

    test('a link to a file is read; a link to a folder is not followed', async () => {
        const cwd = await mkdtemp(path.join(tmpdir(), 'drplan-check-'));
        await mkdir(path.join(cwd, 'shared'));
        await mkdir(path.join(cwd, 'plans'));
        await writeFile(path.join(cwd, 'shared', 'people.drplan'), 'person JaneDoe { email "jane@contoso.example" }\n');
        await symlink('../shared/people.drplan', path.join(cwd, 'plans', 'people.drplan'));
        await symlink('../shared', path.join(cwd, 'plans', 'shared.drplan'));
        const result = await drplan(['check', '--format', 'json', ...asOf, 'plans'], { cwd });
        expect(result.code).toBe(0);
        expect(JSON.parse(result.stdout).files).toEqual(['plans/people.drplan']);
    });

    test('a file reached through links too is read once, under its own path', async () => {
        const cwd = await mkdtemp(path.join(tmpdir(), 'drplan-check-'));
        await mkdir(path.join(cwd, 'shared'));
        await mkdir(path.join(cwd, 'plans', 'order'), { recursive: true });
        await writeFile(path.join(cwd, 'shared', 'people.drplan'), 'person JaneDoe { email "jane@contoso.example" }\n');
        await symlink('../../shared/people.drplan', path.join(cwd, 'plans', 'order', 'people.drplan'));
        await symlink('shared/people.drplan', path.join(cwd, 'a-people.drplan'));
        const everything = await drplan(['check', '--format', 'json', ...asOf], { cwd });
        expect(everything.code).toBe(0);
        expect(JSON.parse(everything.stdout).files).toEqual(['shared/people.drplan']);
        // Reached only through links, under the first of them.
        const links = await drplan(['check', '--format', 'json', ...asOf, 'plans', 'a-people.drplan'], { cwd });
        expect(JSON.parse(links.stdout).files).toEqual(['a-people.drplan']);
    });

    // Left out, the missing file would leave the plan checked, or compiled into a runbook, without a part of it.
    test('a link to a file that does not exist is an error, found in a folder or named', async () => {
        const cwd = await mkdtemp(path.join(tmpdir(), 'drplan-check-'));
        await mkdir(path.join(cwd, 'plans', 'order'), { recursive: true });
        await writeFile(path.join(cwd, 'plans', 'retail.drplan'), 'site Seattle { kind on-premises }\n');
        await symlink('../../shared/people.drplan', path.join(cwd, 'plans', 'order', 'people.drplan'));
        const message = 'cannot read plans/order/people.drplan: a symbolic link to ../../shared/people.drplan, which does not exist';
        expectUsageError(await drplan(['check', 'plans', ...asOf], { cwd }), message);
        expectUsageError(await drplan(['check', 'plans/order/people.drplan', ...asOf], { cwd }), message);
    });

    test.skipIf(process.platform === 'win32')('a pipe named on the command line is an error, not a wait for ever; a folder search skips it', async () => {
        const cwd = await mkdtemp(path.join(tmpdir(), 'drplan-check-'));
        await writeFile(path.join(cwd, 'plan.drplan'), 'site Seattle { kind on-premises }\n');
        execFileSync('mkfifo', [path.join(cwd, 'pipe.drplan')]);
        expectUsageError(await drplan(['check', 'pipe.drplan', ...asOf], { cwd }), 'cannot read pipe.drplan: not a file (a pipe, socket or device)');
        expect((await drplan(['check', ...asOf], { cwd })).stdout).toBe('0 errors, 0 warnings in 1 file\n');
    });

    test('a loop of links is an error, in words', async () => {
        const cwd = await mkdtemp(path.join(tmpdir(), 'drplan-check-'));
        await symlink('b.drplan', path.join(cwd, 'a.drplan'));
        await symlink('a.drplan', path.join(cwd, 'b.drplan'));
        expectUsageError(await drplan(['check', ...asOf], { cwd }), /^drplan: cannot read [ab]\.drplan: a loop of symbolic links\n$/);
    });

    test('a dot-folder named on the command line is checked', async () => {
        const cwd = await mkdtemp(path.join(tmpdir(), 'drplan-check-'));
        await mkdir(path.join(cwd, '.plans'));
        await writeFile(path.join(cwd, '.plans', 'a.drplan'), 'site Seattle { kind on-premises }\n');
        expect((await drplan(['check', '.plans', ...asOf], { cwd })).stdout).toBe('0 errors, 0 warnings in 1 file\n');
    });
});

describe('file contents', () => {
    // Node reads such a file with U+FFFD in place of each byte it cannot read; `Zürich` would reach the runbook as `Z�rich`.
    test('a file that is not UTF-8 is a syntax error at the first character that could not be read', async () => {
        const cwd = await mkdtemp(path.join(tmpdir(), 'drplan-check-'));
        await writeFile(path.join(cwd, 'sites.drplan'), Buffer.from('site Zurich "Zürich DC" { kind on-premises }\n', 'latin1'));
        const result = await drplan(['check', ...asOf], { cwd });
        expect(result.code).toBe(1);
        expect(result.stdout).toMatch(/^sites\.drplan:1:15: error syntax: This file is not UTF-8 text: the character here could not be read/);
    });
});

describe('text format', () => {
    test('sorted by path, then position, with paths relative to the current folder', async () => {
        const result = await drplan(['check', 'unresolved', 'syntax', 'mixed', ...asOf]);
        const lines = result.stdout.trimEnd().split('\n');
        expect(lines.map((line) => line.split(': ').slice(0, 2).join(': '))).toEqual([
            'mixed/problems.drplan:5:39: error unresolved-reference',
            'mixed/problems.drplan:10:1: error syntax',
            'syntax/broken.drplan:6:13: error syntax',
            'unresolved/unresolved.drplan:7:14: error unresolved-reference',
            '4 errors, 0 warnings in 3 files',
        ]);
        expect(lines[0]).toContain('Catalog');
        expect(lines[3]).toContain('OrderDatabase');
    });

    test('paths outside the current folder are relative too', async () => {
        const result = await drplan(['check', path.join(fixtures, 'syntax'), ...asOf], { cwd: path.join(fixtures, 'clean') });
        expect(result.stdout).toMatch(/^\.\.\/syntax\/broken\.drplan:6:13: error syntax: /);
        const fromAbove = await drplan(['check', 'fixtures/syntax', ...asOf], { cwd: path.dirname(fixtures) });
        expect(fromAbove.stdout).toMatch(/^fixtures\/syntax\/broken\.drplan:6:13: error syntax: /);
    });

    test('the summary counts the files checked, in singular and plural', async () => {
        const result = await drplan(['check', 'syntax', 'clean', 'unresolved', ...asOf]);
        expect(result.stdout.endsWith('\n2 errors, 0 warnings in 3 files\n')).toBe(true);
    });

    test('colour only on a terminal without NO_COLOR', async () => {
        const terminal = await drplan(['check', 'syntax', ...asOf], { isTTY: true });
        expect(terminal.stdout).toContain('\x1b[');
        // The words stay the same under the colours.
        expect(terminal.stdout.replace(/\x1b\[[\d;]*m/g, '')).toBe((await drplan(['check', 'syntax', ...asOf])).stdout);
        expect((await drplan(['check', 'syntax', ...asOf], { isTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toContain('\x1b[');
        expect((await drplan(['check', 'syntax', ...asOf], { isTTY: false })).stdout).not.toContain('\x1b[');
    });
});

describe('JSON format', () => {
    test('has the shape of CLI.md', async () => {
        const result = await drplan(['check', 'unresolved', 'syntax', 'clean', '--format', 'json', ...asOf]);
        expect(result.code).toBe(1);
        const report = JSON.parse(result.stdout);
        expect(Object.keys(report)).toEqual(['version', 'asOf', 'files', 'diagnostics', 'summary']);
        expect(report.version).toBe(1);
        expect(report.asOf).toBe('2026-11-21');
        expect(report.files).toEqual(['clean/contoso.drplan', 'syntax/broken.drplan', 'unresolved/unresolved.drplan']);
        expect(report.diagnostics).toHaveLength(2);
        expect(report.diagnostics[0]).toEqual({
            file: 'syntax/broken.drplan', line: 6, column: 13, endLine: 6, endColumn: 16,
            severity: 'error', code: 'syntax', element: null,
            message: 'Expecting token of type \'INT\' but found `two`.',
        });
        expect(Object.keys(report.diagnostics[1])).toEqual(
            ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'element', 'message']);
        expect(report.diagnostics[1]).toMatchObject({
            file: 'unresolved/unresolved.drplan', line: 7, column: 14, endLine: 7, endColumn: 27,
            severity: 'error', code: 'unresolved-reference', element: 'Storefront',
        });
        expect(report.diagnostics[1].message).toContain('OrderDatabase');
        expect(report.summary).toEqual({ errors: 2, warnings: 0, infos: 0 });
    });

    test('asOf defaults to today', async () => {
        const report = JSON.parse((await drplan(['check', 'clean', '--format', 'json'])).stdout);
        expect(report.asOf).toBe('2026-11-21');
    });

    test('duplicate names across two files are reported in both', async () => {
        const result = await drplan(['check', 'duplicates', '--format', 'json', ...asOf]);
        expect(result.code).toBe(1);
        const report = JSON.parse(result.stdout);
        expect(report.diagnostics.map((d: { file: string; line: number; code: string; element: string }) =>
            [d.file, d.line, d.code, d.element])).toEqual([
            ['duplicates/a.drplan', 1, 'duplicate-name', 'Madrid'],
            ['duplicates/b.drplan', 2, 'duplicate-name', 'Madrid'],
        ]);
    });

    test('warnings are counted and named', async () => {
        const report = JSON.parse((await drplan(['check', 'warnings', '--format', 'json', ...asOf])).stdout);
        expect(report.diagnostics).toMatchObject([{ severity: 'warning', code: 'unprotected', element: 'FileShare' }]);
        expect(report.summary).toEqual({ errors: 0, warnings: 1, infos: 0 });
    });

    test('--as-of reaches the analysis: a test ages out after test-validity and cannot be in the future', async () => {
        const codesOn = async (date: string) => {
            const report = JSON.parse((await drplan(['check', 'clean', '--format', 'json', '--as-of', date])).stdout);
            return report.diagnostics.map((d: { code: string }) => d.code);
        };
        expect(await codesOn('2026-11-21')).toEqual([]);
        expect(await codesOn('2027-10-01')).toContain('stale-test');
        expect(await codesOn('2026-09-01')).toContain('stale-test');
    });
});
