import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { EmptyFileSystem } from 'langium';
import { startLanguageServer } from 'langium/lsp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
    createConnection, createProtocolConnection, LSPErrorCodes, ProposedFeatures, type ProtocolConnection,
    StreamMessageReader, StreamMessageWriter,
} from 'vscode-languageserver/node';
import { createDrPlanServices } from '../../packages/language/src/drplan-module.js';
import { type PreviewMapResult, registerMapRequest } from '../../packages/language/src/lsp/map-request.js';
import { DependencyMapRequest, RunbookRequest, type RunbookResult } from '../../packages/language/src/protocol.js';
// @ts-expect-error the benchmark's generator is plain JavaScript
import { generateWorkspace } from '../../scripts/bench/generate.mjs';

// The layout worker the extension ships beside the server (dist/layout-worker.cjs), built here from
// its source: maps are laid out off the server's thread, and an edit abandons a layout under way.
// The workspace is the benchmark's 200-workload one: its ~300-node map takes seconds to lay out.
const extension = fileURLToPath(new URL('../../packages/extension/', import.meta.url));
const workspace = generateWorkspace({ workloads: 200 }) as { files: Array<{ name: string; text: string }> };
const uriOf = (name: string) => `file:///plans/${name}`;

let folder: string;
let client: ProtocolConnection;

beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'drplan-layout-worker-'));
    await esbuild.build({
        absWorkingDir: extension, entryPoints: ['src/server/layout-worker.ts'], outfile: join(folder, 'layout-worker.cjs'),
        bundle: true, format: 'cjs', platform: 'node', logLevel: 'warning',
    });
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
    const { shared, DrPlan } = createDrPlanServices({ connection, ...EmptyFileSystem });
    registerMapRequest(shared, DrPlan, { layoutWorker: join(folder, 'layout-worker.cjs') });
    startLanguageServer(shared);
    client = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    client.onRequest('client/registerCapability', () => null);
    // The map of a process is asked for once every file is built: a build of the first files opened
    // does not know C1Proc1 yet, and the request would rightly answer with no map.
    const published = new Set<string>();
    const allPublished = new Promise<void>(resolve => client.onNotification('textDocument/publishDiagnostics',
        ({ uri }: { uri: string }) => {
            published.add(uri);
            if (published.size === workspace.files.length) resolve();
        }));
    client.listen();
    await client.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    await client.sendNotification('initialized', {});
    for (const file of workspace.files) {
        await client.sendNotification('textDocument/didOpen', {
            textDocument: { uri: uriOf(file.name), languageId: 'drplan', version: 1, text: file.text },
        });
    }
    await allPublished;
}, 60_000);

afterAll(() => {
    client?.dispose();
    rmSync(folder, { recursive: true, force: true });
});

describe('map layout in a worker thread', () => {
    test('lays out a map off the server\'s thread', async () => {
        const { map } = await client.sendRequest(DependencyMapRequest, { scope: 'process', process: 'C1Proc1' }) as PreviewMapResult;
        expect(map.focus).toBe('C1Proc1');
        expect(map.nodes.length).toBeGreaterThan(5);
        expect(map.nodes.every(node => node.width > 0 && node.height > 0)).toBe(true);
        expect(map.edges.every(edge => edge.points.length >= 2)).toBe(true);
    });

    test('an edit while a map is being laid out answers ContentModified; the next request gets the new map', async () => {
        const first = client.sendRequest(DependencyMapRequest, { maxNodes: 1000 }) as Promise<PreviewMapResult>;
        // The build is done (the previous test waited for it): this request is laying out ~300 nodes now.
        await new Promise(resolve => setTimeout(resolve, 300));
        const file = workspace.files[0];
        await client.sendNotification('textDocument/didChange', {
            textDocument: { uri: uriOf(file.name), version: 2 }, contentChanges: [{ text: `${file.text}\n// an edit\n` }],
        });
        await expect(first).rejects.toMatchObject({ code: LSPErrorCodes.ContentModified });

        // While the worker lays the new map out, the server still answers the editor at once.
        const second = client.sendRequest(DependencyMapRequest, { maxNodes: 1000 }) as Promise<PreviewMapResult>;
        const outline = client.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uriOf(file.name) } });
        expect(await Promise.race([second.then(() => 'map'), outline.then(() => 'outline')])).toBe('outline');
        expect((await second).map.nodes.length).toBeGreaterThan(250);
    }, 60_000);

    test('an HTML runbook\'s map is laid out in the worker too, and an edit meanwhile does not abandon it', async () => {
        const runbook = client.sendRequest(RunbookRequest, { format: 'html' }) as Promise<RunbookResult>;
        await new Promise(resolve => setTimeout(resolve, 300));
        const file = workspace.files[1];
        await client.sendNotification('textDocument/didChange', {
            textDocument: { uri: uriOf(file.name), version: 2 }, contentChanges: [{ text: `${file.text}\n// an edit\n` }],
        });
        const outline = client.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uriOf(file.name) } });
        expect(await Promise.race([runbook.then(() => 'runbook'), outline.then(() => 'outline')])).toBe('outline');
        const { plan, content } = await runbook;
        expect(plan).toBe('Plan1');
        // The plan's map: its processes and what they need, laid out (every box has a position).
        const boxes = [...content.matchAll(/<g class="node [^"]*" data-element="[^"]+"[^>]* transform="translate\(([\d.]+) ([\d.]+)\)"/g)];
        expect(boxes.length).toBeGreaterThan(100);
    }, 60_000);
});
