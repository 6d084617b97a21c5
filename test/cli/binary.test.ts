import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

// The installed command, end to end: the launcher, the build output (test/global-setup.ts builds it)
// and a real process (exit codes, streams).
const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = 'packages/cli/bin/drplan.js';

function drplanProcess(args: string[], env: Record<string, string> = {}) {
    // A process that does not end fails its test rather than holding up the whole run.
    const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 50_000, maxBuffer: 64 * 1024 * 1024 });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the drplan binary', () => {
    test('--version', () => {
        const { version } = JSON.parse(readFileSync(new URL('../../packages/cli/package.json', import.meta.url), 'utf8'));
        expect(drplanProcess(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    });

    test('a clean plan exits with 0', () => {
        expect(drplanProcess(['check', 'test/cli/fixtures/clean', '--as-of', '2026-11-21'])).toEqual(
            { code: 0, stdout: '0 errors, 0 warnings in 1 file\n', stderr: '' });
    });

    test('errors exit with 1, paths relative to the current folder', () => {
        const result = drplanProcess(['check', 'test/cli/fixtures/unresolved', 'test/cli/fixtures/syntax', '--format', 'json']);
        expect(result.code).toBe(1);
        expect(result.stderr).toBe('');
        const report = JSON.parse(result.stdout);
        expect(report.diagnostics.map((d: { file: string; line: number; code: string }) => `${d.file}:${d.line} ${d.code}`)).toEqual([
            'test/cli/fixtures/syntax/broken.drplan:6 syntax',
            'test/cli/fixtures/unresolved/unresolved.drplan:7 unresolved-reference',
        ]);
    });

    test('bad arguments exit with 2 and one line, never a stack trace', () => {
        expect(drplanProcess(['check', '--as-of', '2026-02-30'])).toEqual(
            { code: 2, stdout: '', stderr: 'drplan: --as-of 2026-02-30 is not a real date\n' });
        expect(drplanProcess(['check', 'test/cli/fixtures/nowhere'])).toEqual(
            { code: 2, stdout: '', stderr: 'drplan: cannot read test/cli/fixtures/nowhere: no such file or folder\n' });
        const unknown = drplanProcess(['check', '--colour']);
        expect(unknown.code).toBe(2);
        expect(unknown.stderr).toBe('drplan: unknown option \'--colour\'\n');
    });

    // elkjs recurses once per workload along a chain; in the main thread's stack it overflowed at
    // 8,000 (an "internal error"), while the analysis takes 20,000 (dependency-order.ts).
    test('lays out the map of an 8,000-deep chain of dependencies', () => {
        const folder = mkdtempSync(path.join(tmpdir(), 'drplan-chain-'));
        try {
            const chain = Array.from({ length: 8000 }, (_, index) =>
                index === 0 ? 'workload W0 {\n}' : `workload W${index} { depends-on W${index - 1} }`);
            writeFileSync(path.join(folder, 'chain.drplan'), `${chain.join('\n')}\n`);
            const result = drplanProcess(['graph', folder]);
            expect(result.stderr).toBe('');
            expect(result.code).toBe(0);
            expect(result.stdout).toMatch(/^<svg[^]*W7999[^]*<\/svg>\n$/);
        } finally {
            rmSync(folder, { recursive: true, force: true });
        }
    }, 60_000);
});
