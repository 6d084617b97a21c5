// Runs several drplan command lines in one process under fs-tracer.mjs (one Node start instead of one per
// command): `node --import ./fs-tracer.mjs run-traced.mjs '<JSON array of argument arrays>'`. Runs the
// built CLI (packages/cli/out), as users do. Prints one JSON line per command: its arguments, exit code,
// stdout and stderr; the trace marks where each command begins.
import { run } from '../../packages/cli/out/main.js';

const commandLines = JSON.parse(process.argv[2]);
const results = [];
for (const args of commandLines) {
    globalThis.drplanTrace.push({ op: 'command', path: '', args });
    let stdout = '';
    let stderr = '';
    const code = await run(args, {
        stdout: { write: (text) => { stdout += text; }, isTTY: false },
        stderr: { write: (text) => { stderr += text; } },
        cwd: process.cwd(),
        env: {},
        now: () => new Date(2026, 10, 21),
    });
    results.push({ args, code, stdout, stderr });
}
process.stdout.write(JSON.stringify(results));
