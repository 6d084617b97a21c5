import { expect, test, vi } from 'vitest';
import { run } from '../../packages/cli/src/main.js';

// `drplan --help` and `--version` must start at once: the language services (Langium, the analysis) are
// loaded only when a command needs them.
const loaded = vi.hoisted(() => ({ language: false }));

vi.mock('@drplan/language', async () => {
    loaded.language = true;
    return await import('../../packages/language/src/index.js');
});

const quietIo = (cwd: string) => ({
    stdout: { write: () => undefined }, stderr: { write: () => undefined },
    cwd, env: {}, now: () => new Date(2026, 10, 21),
});

test('help and version do not load the language; check does', async () => {
    expect(await run(['--version'], quietIo('.'))).toBe(0);
    expect(await run(['--help'], quietIo('.'))).toBe(0);
    expect(await run(['check', '--help'], quietIo('.'))).toBe(0);
    expect(await run(['check', '--formt'], quietIo('.'))).toBe(2);
    expect(loaded.language).toBe(false);
    expect(await run(['check', 'clean'], quietIo(new URL('./fixtures', import.meta.url).pathname))).toBe(0);
    expect(loaded.language).toBe(true);
});
