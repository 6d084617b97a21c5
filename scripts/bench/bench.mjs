#!/usr/bin/env node
// `npm run bench [-- options]`: drplan's performance on generated workspaces of growing size, against
// the goals of docs/performance.md. Runs on the build (`npm run build` first), never on the sources.
//
//   --sizes 200,2000,8000    workloads per workspace
//   --repeat 3               runs per measurement (medians are reported)
//   --layout 100,500,2000    map sizes (nodes) for the layout time
//   --only language,check,runbook,editing,layout   a subset of the measurements
//   --peer                   also run LikeC4 1.46 on an equal model (installed into .bench/peer)
//   --json FILE              also write the figures as JSON (default .bench/results.json)
//   --tree DIR               measure the build of another checkout (a git worktree: before/after figures)

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BENCH_AS_OF, generateWorkspace, writeWorkspace } from './generate.mjs';
import { measureEditing } from './measure-editing.mjs';
import { ensurePeer, PEER_VERSION, writeLikec4 } from './peer.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BENCH = path.join(ROOT, '.bench');
let TREE = ROOT;
let CLI = path.join(ROOT, 'packages/cli/bin/drplan.js');
const HERE = path.join(ROOT, 'scripts/bench');
const USAGE_PRELOAD = pathToFileURL(path.join(HERE, 'report-usage.mjs')).href;
const PEER_TIMEOUT_MS = 600_000;
const MEASUREMENTS = ['language', 'check', 'runbook', 'editing', 'layout'];

function parseArguments(argv) {
    const options = { sizes: [200, 2000, 8000], repeat: 3, layout: [100, 500, 2000], only: MEASUREMENTS, peer: false,
        json: path.join(BENCH, 'results.json') };
    const numbers = (value, name) => {
        const list = String(value ?? '').split(',').map(Number);
        if (list.length === 0 || list.some(number => !Number.isInteger(number) || number <= 0)) {
            throw new Error(`${name} expects positive whole numbers separated by commas, not '${value ?? ''}'`);
        }
        return list;
    };
    for (let index = 0; index < argv.length; index++) {
        const argument = argv[index];
        const value = () => argv[++index];
        switch (argument) {
            case '--sizes': options.sizes = numbers(value(), '--sizes').sort((a, b) => a - b); break;
            case '--repeat': options.repeat = numbers(value(), '--repeat')[0]; break;
            case '--layout': options.layout = numbers(value(), '--layout').sort((a, b) => a - b); break;
            case '--only': {
                options.only = String(value() ?? '').split(',');
                const unknown = options.only.filter(name => !MEASUREMENTS.includes(name));
                if (unknown.length > 0) throw new Error(`--only takes ${MEASUREMENTS.join(', ')}, not ${unknown.join(', ')}`);
                break;
            }
            case '--peer': options.peer = true; break;
            case '--json': options.json = path.resolve(value() ?? ''); break;
            case '--tree': options.tree = path.resolve(value() ?? ''); break;
            case '--help': case '-h':
                process.stdout.write(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 12)
                    .map(line => line.replace(/^\/\/ ?/, '')).join('\n') + '\n');
                process.exit(0);
                break;
            default: throw new Error(`unknown option ${argument} (see npm run bench -- --help)`);
        }
    }
    return options;
}

const median = (values) => {
    const sorted = values.filter(value => typeof value === 'number' && !Number.isNaN(value)).sort((a, b) => a - b);
    if (sorted.length === 0) return undefined;
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const medianOf = (runs, pick) => ({ wall: median(runs.map(run => pick(run)?.wall)), cpu: median(runs.map(run => pick(run)?.cpu)) });
const log = (line) => process.stderr.write(`${line}\n`);

/** Runs `node args` and returns its stdout, wall time, CPU time and peak memory (from report-usage.mjs). */
function runNode(args, { cwd = ROOT, timeoutMs = 1_800_000, env = {} } = {}) {
    const usageFile = path.join(BENCH, `usage-${process.pid}-${Math.random().toString(36).slice(2)}.json`);
    return new Promise((resolve) => {
        const start = performance.now();
        const child = spawn(process.execPath, ['--import', USAGE_PRELOAD, ...args],
            { cwd, env: { ...process.env, ...env, DRPLAN_BENCH_USAGE: usageFile, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', chunk => { stdout += chunk; });
        child.stderr.on('data', chunk => { stderr += chunk; });
        const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
        child.on('close', (code, signal) => {
            clearTimeout(timer);
            const wall = performance.now() - start;
            let usage = {};
            try {
                usage = JSON.parse(readFileSync(usageFile, 'utf8'));
                rmSync(usageFile);
            } catch {
                // Killed before it could write its usage: wall time only.
            }
            resolve({ code, signal, timedOut: signal === 'SIGKILL', stdout, stderr, wall, cpu: usage.cpu, maxRssMB: usage.maxRssMB });
        });
    });
}

function machine(tree) {
    const cpus = os.cpus();
    const git = (args) => spawnSync('git', args, { cwd: tree, encoding: 'utf8' }).stdout?.trim() ?? '';
    return {
        cpu: `${cpus[0]?.model ?? 'unknown CPU'} × ${cpus.length}`,
        memoryGB: Math.round(os.totalmem() / 1024 ** 3),
        os: `${os.type()} ${os.release()}`,
        node: process.version,
        commit: `${git(['rev-parse', '--short', 'HEAD'])}${git(['status', '--porcelain', '--untracked-files=no', 'packages']) ? ' (with uncommitted changes in packages/)' : ''}`,
        date: new Date().toISOString().slice(0, 16).replace('T', ' '),
        loadAtStart: os.loadavg().map(load => load.toFixed(1)).join(' '),
    };
}

async function main() {
    const options = parseArguments(process.argv.slice(2));
    if (options.tree) {
        TREE = options.tree;
        CLI = path.join(TREE, 'packages/cli/bin/drplan.js');
        process.env.DRPLAN_BENCH_TREE = TREE;
    }
    for (const built of ['packages/language/out/index.js', 'packages/cli/out/main.js']) {
        if (!existsSync(path.join(TREE, built))) {
            throw new Error(`${path.join(path.relative(ROOT, TREE), built)} is missing: run npm run build first (the benchmark measures the build)`);
        }
    }
    mkdirSync(BENCH, { recursive: true });
    const results = { machine: machine(TREE), options: { ...options, json: undefined }, sizes: [], layout: undefined, peer: undefined };
    log(`drplan benchmark on ${results.machine.cpu}, Node ${results.machine.node}, load ${results.machine.loadAtStart}`);

    const workspaces = new Map();
    for (const size of options.sizes) {
        const workspace = generateWorkspace({ workloads: size });
        const folder = path.join(BENCH, `w${size}`);
        writeWorkspace(folder, workspace);
        workspaces.set(size, { workspace, folder });
        const entry = { size, summary: workspace.summary };
        results.sizes.push(entry);
        log(`w${size}: ${JSON.stringify(workspace.summary)}`);

        if (options.only.includes('language')) {
            const runs = [];
            for (let run = 0; run < options.repeat; run++) {
                const result = await runNode([path.join(HERE, 'measure-language.mjs'), folder, BENCH_AS_OF]);
                if (result.code !== 0) throw new Error(`measure-language failed on w${size}: ${result.stderr.trim().split('\n').pop()}`);
                runs.push(JSON.parse(result.stdout));
            }
            entry.language = {
                parseLink: medianOf(runs, run => run.parseLink), analysis: medianOf(runs, run => run.analysis),
                model: medianOf(runs, run => run.model), analyze: medianOf(runs, run => run.analyze),
                validation: medianOf(runs, run => run.validation), findings: runs[0].findings, diagnostics: runs[0].diagnostics,
                // Analysis / parse+link CPU on the main thread and on the others (Linux only), medians of the runs' shares.
                threadShares: runs[0].threads ? {
                    main: median(runs.map(run => run.threads.analysis.main / run.threads.parseLink.main)),
                    background: median(runs.map(run => run.threads.analysis.background / run.threads.parseLink.background)),
                } : undefined,
            };
            log(`  parse+link ${fmt(entry.language.parseLink)}, analysis ${fmt(entry.language.analysis)}, validation ${fmt(entry.language.validation)}`);
        }
        if (options.only.includes('check')) {
            entry.check = await timeCheck(folder, size, options.repeat);
            log(`  drplan check ${fmt(entry.check)}, peak ${Math.round(entry.check.maxRssMB)} MB`);
        }
        if (options.only.includes('runbook')) {
            entry.runbook = await timeRunbook(folder, size, options.repeat);
            log(`  drplan runbook --format html ${fmt(entry.runbook)}, peak ${Math.round(entry.runbook.maxRssMB)} MB`);
        }
        if (options.only.includes('editing') && !workspace.edit) {
            log(`  language server: w${size} has no process whose downstream is in another file; no edit to time`);
        } else if (options.only.includes('editing')) {
            const sessions = [];
            for (let run = 0; run < Math.max(1, Math.min(options.repeat, 2)); run++) {
                sessions.push(await measureEditing({ folder, workspace, asOf: BENCH_AS_OF, edits: 4, tree: TREE, log }));
            }
            const edits = sessions.flatMap(session => session.edits);
            entry.editing = {
                fullBuild: medianOf(sessions, session => session.fullBuild),
                edit: medianOf(edits, edit => edit),
                republished: median(edits.map(edit => edit.files)),
                map: sessions[sessions.length - 1].map,
            };
        }
    }

    if (options.only.includes('layout')) {
        results.layout = await timeLayout(options.layout, options.repeat);
    }
    if (options.peer) {
        results.peer = await comparePeer(workspaces, options.repeat, results);
    }

    const goals = evaluate(results);
    process.stdout.write(render(results, goals));
    writeFileSync(options.json, `${JSON.stringify({ ...results, goals }, null, 2)}\n`);
    log(`figures written to ${path.relative(process.cwd(), options.json)}`);
}

/** `repeat` runs of a drplan command: median CPU and wall time, and the largest peak memory. */
async function timeCommand(args, what, repeat, okCodes = [0]) {
    const runs = [];
    for (let run = 0; run < repeat; run++) {
        const result = await runNode([CLI, ...args]);
        if (!okCodes.includes(result.code)) {
            throw new Error(`${what} exited ${result.code}: ${result.stderr.trim().split('\n').pop()}`);
        }
        runs.push(result);
    }
    return { ...medianOf(runs, run => run), maxRssMB: Math.max(...runs.map(run => run.maxRssMB ?? 0)) };
}

async function timeCheck(folder, size, repeat, extra = []) {
    const out = path.join(BENCH, `check-w${size}.json`);
    // --out into .bench, never /dev/null: the CLI renames a temporary file over its --out.
    const timing = await timeCommand(['check', folder, '--as-of', BENCH_AS_OF, '--format', 'json', '--out', out, ...extra],
        `drplan check w${size}`, repeat, [0, 1]);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    return { ...timing, diagnostics: report.diagnostics.length };
}

/**
 * The printable runbook of the first plan: compiling, and rendering the plan's map and timeline
 * (the HTML runbook once drew the whole workspace's map, 29 s and 1.6 GB at w8000).
 */
function timeRunbook(folder, size, repeat) {
    return timeCommand(['runbook', folder, '--plan', 'Plan1', '--as-of', BENCH_AS_OF, '--format', 'html',
        '--out', path.join(BENCH, `runbook-w${size}.html`), '--fail-on', 'never'], `drplan runbook w${size}`, repeat);
}

async function timeLayout(sizes, repeat) {
    if (!existsSync(path.join(TREE, 'packages/language/out/graph/layout.js'))) {
        log('map layout: packages/language/out/graph/layout.js is not built yet; the layout row is left out');
        return { missing: true };
    }
    const result = await runNode([path.join(HERE, 'measure-layout.mjs'), sizes.join(','), String(repeat)]);
    if (result.code !== 0) {
        return { error: result.stderr.trim().split('\n').pop() };
    }
    const measured = JSON.parse(result.stdout);
    const layout = {
        first: measured.first,
        sizes: measured.sizes.map(entry => ({ nodes: entry.nodes, edges: entry.edges, ...medianOf(entry.runs, run => run) })),
    };
    log(`map layout: ${layout.sizes.map(entry => `${entry.nodes} nodes ${fmt(entry)}`).join('; ')}`);
    return layout;
}

/** LikeC4 side by side: `likec4 validate` against `drplan check`, `likec4 export json` against `drplan graph`. */
async function comparePeer(workspaces, repeat, results) {
    const installed = ensurePeer(path.join(BENCH, 'peer'), log);
    if (installed.reason) {
        log(`peer: ${installed.reason}`);
        return { version: PEER_VERSION, reason: installed.reason };
    }
    const graphHelp = spawnSync(process.execPath, [CLI, 'graph', '--help'], { encoding: 'utf8' });
    // An older drplan answers an unknown command with its general help: look for the command's own usage.
    const hasGraph = graphHelp.status === 0 && /Usage: drplan graph/.test(graphHelp.stdout);
    const peer = { version: PEER_VERSION, sizes: [], graph: hasGraph };
    for (const [size, { workspace, folder }] of workspaces) {
        const c4 = path.join(BENCH, `c4-w${size}`);
        writeLikec4(c4, workspace);
        const entry = { size, elements: workspace.declarations.length, relationships: workspace.relationships.length };
        const timedRuns = async (args, cwd, runs) => {
            const list = [];
            for (let run = 0; run < runs; run++) {
                const result = await runNode(args, { cwd, timeoutMs: PEER_TIMEOUT_MS });
                list.push(result);
                if (result.timedOut) break;
            }
            const failed = list.find(run => !run.timedOut && run.code !== 0 && run.code !== 1);
            if (failed) {
                throw new Error(`${path.basename(args[0])} ${args[1]} exited ${failed.code}: ${failed.stderr.trim().split('\n').pop()}`);
            }
            return { ...medianOf(list.filter(run => !run.timedOut), run => run), timedOut: list.some(run => run.timedOut),
                code: list[list.length - 1].code, maxRssMB: Math.max(...list.map(run => run.maxRssMB ?? 0)) };
        };
        entry.validate = await timedRuns([installed.bin, 'validate', '--skip-layout', c4], c4, repeat);
        entry.check = results.sizes.find(candidate => candidate.size === size)?.check ?? await timeCheck(folder, size, repeat);
        log(`peer w${size}: likec4 validate ${fmt(entry.validate)} vs drplan check ${fmt(entry.check)}`);
        const smaller = peer.sizes[peer.sizes.length - 1];
        const exported = path.join(BENCH, `likec4-w${size}.json`);
        // Layout grows faster than linearly: after a smaller model timed out, a larger one would only burn the limit.
        entry.exportJson = smaller?.exportJson.timedOut ? { timedOut: true, skipped: true }
            : await timedRuns([installed.bin, 'export', 'json', '--no-use-dot', '-o', exported, c4], c4, 1);
        if (!entry.exportJson.timedOut) {
            // Without Graphviz's dot binary (`--use-dot` is the default), LikeC4 skips the layout and still exits 0.
            const views = Object.values(JSON.parse(readFileSync(exported, 'utf8')).views ?? {});
            entry.exportJson.viewNodes = views.reduce((sum, view) => sum + (view.nodes?.length ?? 0), 0);
            if (entry.exportJson.viewNodes === 0) {
                throw new Error(`likec4 export json laid out no view of w${size}`);
            }
        }
        if (hasGraph) {
            entry.graph = await timedRuns([CLI, 'graph', folder, '--as-of', BENCH_AS_OF, '--format', 'json', '--out',
                path.join(BENCH, `graph-w${size}.json`)], ROOT, 1);
        }
        log(`peer w${size}: likec4 export json ${fmt(entry.exportJson)}${hasGraph ? ` vs drplan graph ${fmt(entry.graph)}` : ' (no drplan graph command yet)'}`);
        peer.sizes.push(entry);
    }
    return peer;
}

/** The goals of the issue, as pass / fail / not measured, on CPU medians (the machine is shared). */
function evaluate(results) {
    const goals = [];
    const goal = (name, pass, detail) => goals.push({ name, result: pass === undefined ? 'not measured' : pass ? 'pass' : 'FAIL', detail });
    for (const entry of results.sizes) {
        if (entry.language) {
            const share = entry.language.analysis.cpu / entry.language.parseLink.cpu;
            goal(`analysis ≤ 25% of parse+link (w${entry.size})`, share <= 0.25, `${pct(share)}`);
        }
    }
    const scaled = [
        ['parse+link', entry => entry.language?.parseLink.cpu],
        ['analysis', entry => entry.language?.analysis.cpu],
        ['validation', entry => entry.language?.validation.cpu],
        ['drplan check', entry => entry.check?.cpu],
        ['drplan runbook (HTML)', entry => entry.runbook?.cpu],
        ['one edit', entry => entry.editing?.edit.cpu],
    ];
    for (let index = 1; index < results.sizes.length; index++) {
        const [small, large] = [results.sizes[index - 1], results.sizes[index]];
        const factor = large.size / small.size;
        for (const [name, pick] of scaled) {
            if (pick(small) !== undefined && pick(large) !== undefined) {
                const ratio = pick(large) / pick(small);
                goal(`${name} w${small.size}→w${large.size}: ≤ ${(factor * 1.1).toFixed(1)}x for ${factor}x`, ratio <= factor * 1.1, `${ratio.toFixed(2)}x`);
            }
        }
    }
    const largest = results.sizes[results.sizes.length - 1];
    if (largest?.editing) {
        const share = largest.editing.edit.cpu / largest.editing.fullBuild.cpu;
        goal(`one edit ≤ 10% of a full build (w${largest.size})`, share <= 0.10, `${pct(share)} (wall ${pct(largest.editing.edit.wall / largest.editing.fullBuild.wall)})`);
    }
    const layout500 = results.layout?.sizes?.find(entry => entry.nodes === 500);
    // "Well under 2 s" on a shared machine: half of it, so that a quieter moment cannot make the pass.
    goal('map of 500 nodes lays out in well under 2 s (≤ 1 s)', layout500 ? layout500.cpu <= 1000 : undefined,
        layout500 ? `${ms(layout500.cpu)} CPU, ${ms(layout500.wall)} wall` : results.layout?.missing ? 'graph module not built' : 'not run');
    const w8000 = results.sizes.find(entry => entry.size === 8000);
    if (w8000?.check) {
        goal('drplan check on 8,000 workloads under 1 GB', w8000.check.maxRssMB < 1024, `${Math.round(w8000.check.maxRssMB)} MB`);
    }
    if (w8000?.editing?.map?.workspace) {
        const request = w8000.editing.map.workspace;
        goal('preview beyond maxNodes stays responsive (< 1 s)', request.wall < 1000, `${ms(request.wall)} for ${request.truncated?.nodes ?? request.nodes} nodes`);
    }
    for (const entry of results.peer?.sizes ?? []) {
        if (entry.validate.wall !== undefined) {
            const speedup = entry.validate.wall / entry.check.wall;
            goal(`drplan check ≥ 10x faster than likec4 validate (w${entry.size})`, speedup >= 10, `${speedup.toFixed(1)}x wall, ${(entry.validate.cpu / entry.check.cpu).toFixed(1)}x CPU`);
        }
        if (entry.graph?.wall !== undefined && entry.exportJson.wall !== undefined) {
            const speedup = entry.exportJson.wall / entry.graph.wall;
            goal(`drplan graph ≥ 3x faster than likec4 export json (w${entry.size})`, speedup >= 3, `${speedup.toFixed(1)}x wall`);
        }
    }
    return goals;
}

const ms = (value) => value === undefined ? '–' : value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`;
const pct = (share) => `${Math.round(share * 100)}%`;
const fmt = (timing) => timing?.timedOut ? `> ${PEER_TIMEOUT_MS / 1000} s`
    : timing?.wall === undefined ? '–' : `${ms(timing.cpu)} CPU / ${ms(timing.wall)} wall`;

function table(header, rows) {
    const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map(row => String(row[column]).length)));
    const line = (cells) => `| ${cells.map((cell, column) => String(cell).padEnd(widths[column])).join(' | ')} |`;
    return [line(header), `|${widths.map(width => '-'.repeat(width + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

function render(results, goals) {
    const out = [];
    const { machine: m } = results;
    out.push(`drplan benchmark — ${m.date} UTC, ${m.cpu}, ${m.memoryGB} GB, ${m.os}, Node ${m.node}, commit ${m.commit}, load at start ${m.loadAtStart}`);
    out.push(`Medians of ${results.options.repeat} runs; CPU time (user+system of the process measured) first, wall time second.`, '');
    const sizes = results.sizes;
    const row = (name, pick, format = fmt) => [name, ...sizes.map(entry => format(pick(entry)))];
    const rows = [
        row('workloads / processes / files', entry => entry.summary, s => `${s.workloads} / ${s.processes} / ${s.files}`),
        row('parse+link', entry => entry.language?.parseLink),
        row('analysis (model + analyse)', entry => entry.language?.analysis),
        row('  of which plan model', entry => entry.language?.model),
        row('analysis / parse+link', entry => entry.language, l => l ? pct(l.analysis.cpu / l.parseLink.cpu) : '–'),
        row('  CPU on the main thread / on V8\'s other threads', entry => entry.language?.threadShares,
            t => t ? `${pct(t.main)} / ${pct(t.background)}` : '–'),
        row('validation (findings → documents)', entry => entry.language?.validation),
        row('drplan check (whole process)', entry => entry.check),
        row('drplan check peak memory', entry => entry.check, c => c ? `${Math.round(c.maxRssMB)} MB` : '–'),
        row('drplan runbook --format html (Plan1)', entry => entry.runbook),
        row('drplan runbook peak memory', entry => entry.runbook, r => r ? `${Math.round(r.maxRssMB)} MB` : '–'),
        row('language server: full build', entry => entry.editing?.fullBuild),
        row('language server: one edit', entry => entry.editing?.edit),
        row('one edit / full build', entry => entry.editing, e => e ? `${pct(e.edit.cpu / e.fullBuild.cpu)} CPU, ${pct(e.edit.wall / e.fullBuild.wall)} wall` : '–'),
        row('files re-published per edit', entry => entry.editing, e => e ? String(e.republished) : '–'),
        row('map request, whole workspace', entry => entry.editing?.map?.workspace,
            r => r ? `${ms(r.wall)} wall${r.truncated ? ` (${r.truncated.nodes} nodes > ${r.truncated.max}: list)` : ` (${r.nodes} nodes)`}` : '–'),
        row('map request, one process', entry => entry.editing?.map?.process, r => r ? `${ms(r.wall)} wall (${r.nodes} nodes)` : '–'),
        row('preview while typing: map after the last keystroke', entry => entry.editing?.map?.typing, t => !t ? '–'
            : `${t.afterLastKeystroke === undefined ? 'none' : `${ms(t.afterLastKeystroke)} wall`} (${t.scope}, ${t.nodes ?? '?'} nodes; ${t.shownWhileTyping} while typing; server ${ms(t.cpu)} CPU)`),
    ];
    out.push(table(['', ...sizes.map(entry => `w${entry.size}`)], rows), '');

    if (sizes.length > 1) {
        const ratioRows = [];
        const measures = [['parse+link', e => e.language?.parseLink], ['analysis', e => e.language?.analysis],
            ['validation', e => e.language?.validation], ['drplan check', e => e.check], ['drplan runbook (HTML)', e => e.runbook],
            ['one edit', e => e.editing?.edit],
            ['full build (server)', e => e.editing?.fullBuild]];
        for (const [name, pick] of measures) {
            ratioRows.push([name, ...sizes.slice(1).map((entry, index) => {
                const [small, large] = [pick(sizes[index]), pick(entry)];
                return small?.cpu && large?.cpu ? `${(large.cpu / small.cpu).toFixed(2)}x CPU, ${(large.wall / small.wall).toFixed(2)}x wall` : '–';
            })]);
        }
        out.push('Ratios between sizes (time of the larger / time of the smaller):', '');
        out.push(table(['', ...sizes.slice(1).map((entry, index) => `w${sizes[index].size}→w${entry.size} (${entry.size / sizes[index].size}x)`)], ratioRows), '');
    }

    if (results.layout?.sizes) {
        out.push('Map layout (elkjs, packages/language/src/graph/layout.ts):', '');
        out.push(table(['nodes', 'edges', 'layout'], [
            ...results.layout.sizes.map(entry => [entry.nodes, entry.edges, fmt(entry)]),
            [`first layout of a process (${results.layout.first.nodes} nodes, loads elkjs)`, '', fmt(results.layout.first)],
        ]), '');
    } else if (results.layout?.missing) {
        out.push('Map layout: left out, the graph module is not built yet.', '');
    } else if (results.layout?.error) {
        out.push(`Map layout: failed: ${results.layout.error}`, '');
    }

    if (results.peer) {
        if (results.peer.reason) {
            out.push(`LikeC4 ${results.peer.version}: not run: ${results.peer.reason}`, '');
        } else {
            out.push(`LikeC4 ${results.peer.version} on an equal model (same elements and relationships, one view of everything):`, '');
            out.push(table(['', 'elements / relationships', 'likec4 validate --skip-layout', 'drplan check', 'likec4 export json', 'drplan graph'],
                results.peer.sizes.map(entry => [`w${entry.size}`, `${entry.elements} / ${entry.relationships}`, fmt(entry.validate),
                    fmt(entry.check), fmt(entry.exportJson), results.peer.graph ? fmt(entry.graph) : 'no graph command yet'])), '');
        }
    }

    out.push('Goals:', '');
    out.push(table(['goal', 'result', 'measured'], goals.map(entry => [entry.name, entry.result, entry.detail])), '');
    return `${out.join('\n')}\n`;
}

main().catch((error) => {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
});
