// Runs the CLI in-process (vitest.config.ts resolves '@drplan/language' to the language sources).
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { run } from '../../packages/cli/src/main.js';

export const fixtures = fileURLToPath(new URL('./fixtures', import.meta.url));

/** The day every test evaluates on unless it says otherwise (no test depends on the real clock). */
export const fixedNow = new Date(2026, 10, 21, 9, 30);

export interface CliRun {
    code: number;
    stdout: string;
    stderr: string;
}

export interface CliRunOptions {
    cwd?: string;
    isTTY?: boolean;
    env?: Record<string, string | undefined>;
}

/** `drplan <args>` with stdout and stderr captured; paths are relative to `cwd` (default: the fixtures). */
export async function drplan(args: readonly string[], options: CliRunOptions = {}): Promise<CliRun> {
    let stdout = '';
    let stderr = '';
    const code = await run(args, {
        stdout: { write: (text: string) => { stdout += text; }, isTTY: options.isTTY ?? false },
        stderr: { write: (text: string) => { stderr += text; } },
        cwd: path.resolve(options.cwd ?? fixtures),
        env: options.env ?? {},
        now: () => fixedNow,
    });
    return { code, stdout, stderr };
}

/** A user error: exit 2, exactly one `drplan: …` line on stderr, nothing on stdout. */
export function expectUsageError(result: CliRun, message: string | RegExp): void {
    expect(result.stdout).toBe('');
    if (typeof message === 'string') {
        expect(result.stderr).toBe(`drplan: ${message}\n`);
    } else {
        expect(result.stderr).toMatch(message);
        expect(result.stderr.split('\n')).toHaveLength(2);
    }
    expect(result.code).toBe(2);
}
