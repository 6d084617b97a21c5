// Loaded with `node --import` before the drplan CLI: records every file the process opens, reads, writes,
// renames or removes, and every child process it starts, and writes the record as JSON to
// $DRPLAN_TRACE_FILE on exit. Tests read it to prove what the CLI touches (test/robustness/cli-files.test.ts).
import childProcess from 'node:child_process';
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { resolve } from 'node:path';

const traceFile = process.env.DRPLAN_TRACE_FILE;
const events = [];
// A driver running several commands in one process marks where each begins (run-traced.mjs).
globalThis.drplanTrace = events;
const writeFileSync = fs.writeFileSync;
const pathOf = (value) => {
    if (typeof value === 'string') return resolve(value);
    if (value instanceof URL) return resolve(value.pathname);
    if (Buffer.isBuffer(value)) return resolve(value.toString());
    return String(value);
};
const writing = (flags) => typeof flags === 'string' ? /[wax+]/.test(flags) : typeof flags === 'number' && (flags & 3) !== 0;

// Operations by what they do to their first (and for renames and copies, second) path argument.
const operations = {
    open: (args) => ({ path: pathOf(args[0]), write: writing(args[1]) }),
    readFile: (args) => ({ path: pathOf(args[0]), whole: true }),
    createReadStream: (args) => ({ path: pathOf(args[0]), whole: true }),
    writeFile: (args) => ({ path: pathOf(args[0]), write: true }),
    appendFile: (args) => ({ path: pathOf(args[0]), write: true }),
    createWriteStream: (args) => ({ path: pathOf(args[0]), write: true }),
    truncate: (args) => ({ path: pathOf(args[0]), write: true }),
    rename: (args) => ({ path: pathOf(args[0]), to: pathOf(args[1]), write: true }),
    copyFile: (args) => ({ path: pathOf(args[0]), to: pathOf(args[1]), write: true }),
    cp: (args) => ({ path: pathOf(args[0]), to: pathOf(args[1]), write: true }),
    link: (args) => ({ path: pathOf(args[0]), to: pathOf(args[1]), write: true }),
    symlink: (args) => ({ path: pathOf(args[0]), to: pathOf(args[1]), write: true }),
    mkdir: (args) => ({ path: pathOf(args[0]), write: true }),
    mkdtemp: (args) => ({ path: pathOf(args[0]), write: true }),
    rm: (args) => ({ path: pathOf(args[0]), write: true }),
    rmdir: (args) => ({ path: pathOf(args[0]), write: true }),
    unlink: (args) => ({ path: pathOf(args[0]), write: true }),
    chmod: (args) => ({ path: pathOf(args[0]), write: true }),
    utimes: (args) => ({ path: pathOf(args[0]), write: true }),
};

function wrap(target, name, operation, suffix = '') {
    const original = target[name];
    if (typeof original !== 'function') return;
    target[name] = function traced(...args) {
        try {
            events.push({ op: name + suffix, ...operation(args) });
        } catch {
            events.push({ op: name + suffix, path: '?' });
        }
        return original.apply(this, args);
    };
}

for (const [name, operation] of Object.entries(operations)) {
    wrap(fs, name, operation);
    wrap(fs, `${name}Sync`, operation, '');
    wrap(fs.promises, name, operation);
}
for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) {
    wrap(childProcess, name, (args) => ({ path: String(args[0]), child: true }));
}
syncBuiltinESMExports();

process.on('exit', () => {
    if (traceFile) writeFileSync(traceFile, JSON.stringify(events));
});
