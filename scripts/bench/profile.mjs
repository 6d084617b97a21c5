#!/usr/bin/env node
// Profiles drplan on a generated workspace with `node --cpu-prof` and prints where the time goes:
//   node scripts/bench/profile.mjs [--size 8000] [--tree DIR]
// Writes .bench/profiles/{check,language,server}-w<size>.cpuprofile (open them in Chrome DevTools or
// VS Code) and a summary of each beside them (.txt): the drplan check process, the in-process
// parse+link/analysis/validation of measure-language.mjs, and the language server's edits only; then
// Langium's own profiler (langium-profile.mjs) by grammar rule, reference and node type.

import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_AS_OF, generateWorkspace, writeWorkspace } from './generate.mjs';
import { measureEditing } from './measure-editing.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const HERE = path.join(ROOT, 'scripts/bench');
const PROFILES = path.join(ROOT, '.bench', 'profiles');

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const size = Number(option('--size', '8000'));
const tree = path.resolve(option('--tree', ROOT));
const env = { ...process.env, DRPLAN_BENCH_TREE: tree };

const workspace = generateWorkspace({ workloads: size });
const folder = path.join(ROOT, '.bench', `w${size}`);
writeWorkspace(folder, workspace);
mkdirSync(PROFILES, { recursive: true });

const summarize = (name, extra = []) => {
    const file = path.join(PROFILES, `${name}-w${size}.cpuprofile`);
    const summary = spawnSync(process.execPath, [path.join(HERE, 'summarize-profile.mjs'), file, '30', ...extra], { encoding: 'utf8' });
    writeFileSync(file.replace(/\.cpuprofile$/, '.txt'), summary.stdout);
    process.stdout.write(`\n=== ${name} (w${size}) ===\n${summary.stdout}`);
};
const profiled = (name) => ['--cpu-prof', '--cpu-prof-dir', PROFILES, '--cpu-prof-name', `${name}-w${size}.cpuprofile`];

for (const name of ['check', 'language', 'server']) {
    rmSync(path.join(PROFILES, `${name}-w${size}.cpuprofile`), { force: true });
}
spawnSync(process.execPath, [...profiled('check'), path.join(tree, 'packages/cli/bin/drplan.js'), 'check', folder,
    '--as-of', BENCH_AS_OF, '--format', 'json', '--out', path.join(ROOT, '.bench', `check-w${size}.json`)], { env, stdio: 'inherit' });
summarize('check');
spawnSync(process.execPath, [...profiled('language'), path.join(HERE, 'measure-language.mjs'), folder, BENCH_AS_OF], { env, stdio: 'inherit' });
summarize('language', ['--match', 'packages/language/out']);
const session = await measureEditing({ folder, workspace, asOf: BENCH_AS_OF, edits: 4, tree, nodeArgs: profiled('server'),
    log: line => process.stderr.write(`${line}\n`) });
summarize('server', ['--from', String(Math.round(session.editsFromMs))]);
// Langium's own profiler: parsing by grammar rule, linking by reference, validation by node type.
const langium = spawnSync(process.execPath, [path.join(HERE, 'langium-profile.mjs'), '--size', String(size), '--tree', tree],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
writeFileSync(path.join(PROFILES, `langium-w${size}.txt`), langium.stdout);
process.stdout.write(`\n=== Langium's profiler (w${size}) ===\n${langium.stdout}`);
