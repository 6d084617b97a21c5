// The language server as an editor uses it: the real server over stdio, the workspace folder opened,
// every file opened (didOpen), then edits in one file, timed until the diagnostics of every file they
// affect are published. Also times the map preview's request on the whole workspace and on one process,
// and the preview while someone types: how soon after the last keystroke it shows the map again.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource, createMessageConnection, StreamMessageReader, StreamMessageWriter }
    from 'vscode-languageserver/node';
import { applyEdit } from './generate.mjs';
import { cpuMsOfStat } from './proc-stat.mjs';

/** After the last expected diagnostics, wait this long for stragglers before calling an edit done. */
const QUIET_MS = 1500;

/** Typing in the preview measurement: this many keystrokes, one every TYPING_MS (about 5 characters a second). */
const KEYSTROKES = 15;
const TYPING_MS = 200;

/**
 * Resolves when the process has used under 20 ms of CPU in each of four 250 ms windows in a row: its
 * work is done. Without /proc it resolves at once (the quiet wait of `settled` is all there is then).
 */
async function idle(pid) {
    let quietWindows = 0;
    let before = cpuOf(pid);
    while (before !== undefined && quietWindows < 4) {
        await new Promise(resolve => setTimeout(resolve, 250));
        const now = cpuOf(pid);
        quietWindows = now - before < 20 ? quietWindows + 1 : 0;
        before = now;
    }
}

/** CPU milliseconds the process has used so far (Linux /proc; undefined elsewhere). The quiet wait costs it almost nothing. */
function cpuOf(pid) {
    return cpuMsOfStat(`/proc/${pid}/stat`);
}

/**
 * Runs one session over `folder` (written from `workspace`). Returns the full build (didOpen of every
 * file until all have diagnostics), `edits` timings of an edit and its revert in turn, and map requests.
 */
export async function measureEditing({ folder, workspace, asOf, edits = 6, tree = path.resolve(import.meta.dirname, '../..'),
    nodeArgs = [], log = () => {} }) {
    // The server VS Code runs: the extension's bundle, with its map layout worker beside it (the
    // `drplan-language-server` command of other editors has its own worker, bin/layout-worker.js).
    const bundled = path.join(tree, 'packages/extension/dist/server.cjs');
    const serverBin = existsSync(bundled) ? bundled : path.join(tree, 'packages/language/bin/drplan-language-server.js');
    const spawned = performance.now();
    const server = spawn(process.execPath, [...nodeArgs, serverBin, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const exited = new Promise(resolve => server.on('exit', resolve));
    const connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
    const published = [];
    let waiter;
    connection.onNotification('textDocument/publishDiagnostics', params => {
        published.push({ uri: params.uri, at: performance.now(), count: params.diagnostics.length });
        waiter?.();
    });
    connection.onRequest('workspace/configuration', params =>
        params.items.map(item => (item.section === 'drplan' ? { asOf } : null)));
    connection.onRequest('client/registerCapability', () => null);
    let modelChanged = () => {};
    connection.onNotification('drplan/modelChanged', () => modelChanged());
    connection.onNotification(() => {});
    connection.listen();

    /** Resolves when every uri of `expected` has been published since `since` and nothing came for QUIET_MS. */
    const settled = (since, expected, limitMs) => new Promise((resolve, reject) => {
        const deadline = setTimeout(() => {
            waiter = undefined;
            reject(new Error(`no diagnostics for ${[...expected].filter(uri => !seen().has(uri)).length} file(s) within ${limitMs / 1000} s`));
        }, limitMs);
        let quiet;
        const seen = () => new Set(published.filter(entry => entry.at >= since).map(entry => entry.uri));
        const check = () => {
            const got = seen();
            if ([...expected].every(uri => got.has(uri))) {
                clearTimeout(quiet);
                quiet = setTimeout(() => {
                    clearTimeout(deadline);
                    waiter = undefined;
                    const after = published.filter(entry => entry.at >= since);
                    resolve({ last: Math.max(...after.map(entry => entry.at)), files: new Set(after.map(entry => entry.uri)).size });
                }, QUIET_MS);
            }
        };
        waiter = check;
        check();
    });

    const rootUri = pathToFileURL(folder).href;
    const uriOf = (name) => pathToFileURL(path.join(folder, name)).href;
    const texts = new Map(workspace.files.map(file => [file.name, file.text]));
    /**
     * The preview open while someone types a comment into the edited file, a keystroke every
     * TYPING_MS: as the extension does, each `drplan/modelChanged` cancels the preview's request and
     * asks again. Returns how many maps arrived while typing, and the wall time from the last
     * keystroke to the map of the text as it was left.
     */
    const previewWhileTyping = async (params) => {
        const file = workspace.edit.file;
        const original = texts.get(file);
        const shown = [];
        let source;
        modelChanged = () => {
            source?.cancel();
            const mine = source = new CancellationTokenSource();
            const sent = performance.now();
            connection.sendRequest('drplan/dependencyMap', params, mine.token).then(result => {
                if (!mine.token.isCancellationRequested) shown.push({ sent, at: performance.now(), nodes: result.map?.nodes?.length ?? 0 });
            }, () => {});
        };
        const cpuStart = cpuOf(server.pid);
        let lastKeystroke = 0;
        for (let key = 1; key <= KEYSTROKES; key++) {
            connection.sendNotification('textDocument/didChange', {
                textDocument: { uri: uriOf(file), version: 1000 + key }, contentChanges: [{ text: `${original}\n// ${'x'.repeat(key)}\n` }],
            });
            lastKeystroke = performance.now();
            await new Promise(resolve => setTimeout(resolve, TYPING_MS));
        }
        await idle(server.pid);
        modelChanged = () => {};
        const upToDate = shown.find(entry => entry.sent > lastKeystroke);
        return {
            scope: params.scope, keystrokes: KEYSTROKES, everyMs: TYPING_MS,
            shownWhileTyping: shown.filter(entry => entry.at <= lastKeystroke).length,
            nodes: upToDate?.nodes, afterLastKeystroke: upToDate ? upToDate.at - lastKeystroke : undefined,
            cpu: cpuOf(server.pid) - cpuStart,
        };
    };

    try {
        await connection.sendRequest('initialize', {
            processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: path.basename(folder) }],
            capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: {} } },
        });
        const buildStart = performance.now();
        const buildCpuStart = cpuOf(server.pid);
        connection.sendNotification('initialized', {});
        for (const file of workspace.files) {
            connection.sendNotification('textDocument/didOpen', {
                textDocument: { uri: uriOf(file.name), languageId: 'drplan', version: 1, text: file.text },
            });
        }
        await settled(buildStart, new Set(workspace.files.map(file => uriOf(file.name))), 600_000);
        // The folder's first build and the rebuild the didOpens cause may publish in two waves: wait for both.
        await idle(server.pid);
        const buildEnd = Math.max(...published.filter(entry => entry.at >= buildStart).map(entry => entry.at));
        const fullBuild = { wall: buildEnd - buildStart, cpu: cpuOf(server.pid) - buildCpuStart };
        log(`  language server: full build to diagnostics ${Math.round(fullBuild.wall)} ms`);

        const edit = workspace.edit;
        const original = texts.get(edit.file);
        const changed = applyEdit(original, edit);
        const expected = new Set(edit.affectedFiles.map(uriOf));
        const timings = [];
        // For a profile of the server (`nodeArgs: ['--cpu-prof']`): where its edits begin.
        const editsFromMs = performance.now() - spawned;
        for (let index = 0; index < edits; index++) {
            const text = index % 2 === 0 ? changed : original;
            const start = performance.now();
            const cpuStart = cpuOf(server.pid);
            connection.sendNotification('textDocument/didChange', {
                textDocument: { uri: uriOf(edit.file), version: index + 2 }, contentChanges: [{ text }],
            });
            await settled(start, expected, 120_000);
            await idle(server.pid);
            const after = published.filter(entry => entry.at >= start);
            timings.push({ wall: Math.max(...after.map(entry => entry.at)) - start, cpu: cpuOf(server.pid) - cpuStart,
                files: new Set(after.map(entry => entry.uri)).size });
        }
        log(`  language server: one edit ${timings.map(timing => Math.round(timing.wall)).join(', ')} ms`);

        const mapRequest = async (params) => {
            const start = performance.now();
            const result = await connection.sendRequest('drplan/dependencyMap', params);
            return { wall: performance.now() - start, nodes: result.map?.nodes?.length ?? 0, truncated: result.truncated };
        };
        let map;
        try {
            const focus = workspace.edit.process;
            map = { workspace: await mapRequest({ scope: 'workspace' }), process: await mapRequest({ scope: 'process', process: focus }) };
        } catch (error) {
            map = { error: error instanceof Error ? error.message : String(error) };
        }
        // The whole map while the server draws it (its default maxNodes, as for the request above), else the edited process's.
        const scope = map.workspace?.truncated || map.error ? { scope: 'process', process: workspace.edit.process } : { scope: 'workspace' };
        map.typing = await previewWhileTyping(scope);
        return { fullBuild, edits: timings, map, editsFromMs };
    } finally {
        try {
            await Promise.race([connection.sendRequest('shutdown'), new Promise(resolve => setTimeout(resolve, 2000))]);
            connection.sendNotification('exit');
        } catch {
            // The server may already be gone; it is killed below either way.
        }
        // A server started with --cpu-prof writes its profile as it exits: give it time to.
        const killer = setTimeout(() => server.kill(), nodeArgs.length > 0 ? 30_000 : 500);
        await exited;
        clearTimeout(killer);
        connection.dispose();
    }
}
