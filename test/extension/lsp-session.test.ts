import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
// vscode-languageserver/node re-exports vscode-languageserver-protocol: the client end uses its protocol connection.
import {
    createConnection, createProtocolConnection, type Diagnostic, ProposedFeatures, type ProtocolConnection,
    type PublishDiagnosticsParams, StreamMessageReader, StreamMessageWriter,
} from 'vscode-languageserver/node';
import { createDrPlanServices } from '../../packages/language/src/drplan-module.js';
import {
    type LossCandidate, type PlanSummary, type PreviewMapResult, registerMapRequest, type RunbookResult, type SimulateLossResult,
} from '../../packages/language/src/lsp/map-request.js';
import { DependencyMapRequest, ModelChangedNotification } from '../../packages/language/src/protocol.js';

// The language server as the extension runs it, in-process: a JSON-RPC connection over a pair of
// streams, the Contoso Retail example as the workspace on disk, and a protocol client on the other end.
const examples = fileURLToPath(new URL('../../examples/contoso-retail/', import.meta.url));
const AS_OF = '2026-10-01';

let workspace: string;
let client: ProtocolConnection;
const diagnostics = new Map<string, Diagnostic[]>();
const listeners = new Set<() => void>();
let modelChanges = 0;

const uriOf = (file: string) => pathToFileURL(join(workspace, file)).toString();

/** Resolves when `check` holds, re-checked after every notification from the server. */
function eventually<T>(check: () => T | undefined, what: string, timeout = 15_000): Promise<T> {
    return new Promise((resolve, reject) => {
        const attempt = () => {
            const value = check();
            if (value !== undefined) {
                listeners.delete(attempt);
                clearTimeout(timer);
                resolve(value);
            }
        };
        const timer = setTimeout(() => {
            listeners.delete(attempt);
            reject(new Error(`timed out waiting for ${what}`));
        }, timeout);
        listeners.add(attempt);
        attempt();
    });
}

function codesOf(file: string): string[] {
    return (diagnostics.get(uriOf(file)) ?? []).map(diagnostic => String(diagnostic.code)).sort();
}

function requestMap(params: object = {}): Promise<PreviewMapResult> {
    return client.sendRequest(DependencyMapRequest, params);
}

beforeAll(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'drplan-lsp-session-'));
    cpSync(examples, workspace, { recursive: true });

    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
    const { shared, DrPlan } = createDrPlanServices({ connection, ...NodeFileSystem });
    registerMapRequest(shared, DrPlan);
    startLanguageServer(shared);

    client = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    client.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
        diagnostics.set(params.uri, params.diagnostics);
        listeners.forEach(listener => listener());
    });
    client.onNotification(ModelChangedNotification, () => {
        modelChanges++;
        listeners.forEach(listener => listener());
    });
    // As VS Code answers: the `drplan` settings section pins the evaluation date.
    client.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) =>
        params.items.map(item => item.section === 'drplan' ? { asOf: AS_OF, failoverType: 'unplanned' } : null));
    client.onRequest('client/registerCapability', () => null);
    client.listen();

    const rootUri = pathToFileURL(workspace).toString();
    await client.sendRequest('initialize', {
        processId: process.pid,
        rootUri,
        workspaceFolders: [{ uri: rootUri, name: 'contoso-retail' }],
        capabilities: {
            workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
            textDocument: { publishDiagnostics: { relatedInformation: true } },
        },
    });
    await client.sendNotification('initialized', {});
});

afterAll(() => {
    client?.dispose();
    if (workspace) {
        rmSync(workspace, { recursive: true, force: true });
    }
});

describe('the language server in a session with an editor', () => {
    test('answers the map request before any document is opened (a preview restored without its editor)', async () => {
        const { map } = await requestMap();
        expect(map.nodes.find(node => node.id === 'OrderFulfilment')?.status).toBe('gap');
    });

    test('publishes the example\'s diagnostics with their codes, across files, once a file is opened', async () => {
        // VS Code starts the server when the user opens a .drplan file; that build validates the whole workspace.
        const uri = uriOf('processes.drplan');
        await client.sendNotification('textDocument/didOpen', {
            textDocument: { uri, languageId: 'drplan', version: 1, text: readFileSync(join(workspace, 'processes.drplan'), 'utf8') },
        });
        const expected: Record<string, string[]> = {
            'processes.drplan': ['criticality-inversion', 'rto-gap', 'unproven', 'unproven'],
            'failover.drplan': ['missing-from-plan'],
            'people.drplan': ['spof'],
            'plan.drplan': ['raci-missing'],
        };
        const matches = () => Object.entries(expected).every(([file, codes]) => codesOf(file).join() === codes.join());
        await eventually(() => matches() ? true : undefined, 'the diagnostics of four files').catch(() => undefined);
        expect(Object.fromEntries(Object.keys(expected).map(file => [file, codesOf(file)]))).toEqual(expected);
        expect(codesOf('sites.drplan')).toEqual([]);
        const gap = diagnostics.get(uriOf('processes.drplan'))!.find(diagnostic => diagnostic.code === 'rto-gap')!;
        expect(gap.message).toContain('OrderFulfilment recovers in 5h20m but its RTO is 4h');
        expect(gap.data).toMatchObject({ code: 'rto-gap', element: 'OrderFulfilment' });
        expect(gap.severity).toBe(1);
    });

    test('answers the map request with laid-out nodes coloured by status, and their declarations', async () => {
        const { map, truncated, processes, asOf, failover } = await requestMap();
        expect(truncated).toBeUndefined();
        expect(asOf).toBe(AS_OF);
        expect(failover).toBe('unplanned');
        const node = (id: string) => map.nodes.find(candidate => candidate.id === id);
        expect(node('OrderFulfilment')).toMatchObject({ kind: 'process', status: 'gap' });
        expect(node('OrderFulfilment')!.findings.map(finding => finding.code)).toContain('rto-gap');
        expect(node('OrderApp')).toMatchObject({ kind: 'workload', site: 'Seattle' });
        expect(node('OrderFulfilment')!.location.uri).toBe(uriOf('processes.drplan'));
        expect(node('OrderFulfilment')!.location.range.start.line).toBe(7);
        for (const laidOut of map.nodes) {
            expect(laidOut.width).toBeGreaterThan(0);
            expect(laidOut.x + laidOut.width).toBeLessThanOrEqual(map.width);
        }
        expect(map.edges.some(edge => edge.source === 'OrderApp' && edge.target === 'OrderDb' && edge.points.length >= 2)).toBe(true);
        expect(map.containers.map(container => container.id)).toContain('Seattle');
        expect(processes.map(process => process.name).sort()).toEqual(['OrderFulfilment', 'Payments', 'WebOrdering']);

        // drplan.failoverType: the map of a test failover (which skips WarmCaches, an after-action: OrderApp is ready as before).
        const testFailover = await requestMap({ failover: 'test' });
        expect(testFailover.failover).toBe('test');
        expect(testFailover.map.nodes.find(candidate => candidate.id === 'OrderFulfilment')?.detail).toContain('recovers in 5h20m');
    });

    test('narrows the map to the process around the cursor, and keeps the last one outside any process', async () => {
        const uri = uriOf('processes.drplan');
        const around = await requestMap({ scope: 'process', uri, position: { line: 40, character: 4 } });
        expect(around.map.focus).toBe('Payments');
        expect(around.map.nodes.map(node => node.id)).toContain('PaymentSwitch');
        expect(around.map.nodes.map(node => node.id)).not.toContain('OrderApp');

        const outside = await requestMap({ scope: 'process', uri, position: { line: 0, character: 0 }, process: 'Payments' });
        expect(outside.map.focus).toBe('Payments');

        const none = await requestMap({ scope: 'process', uri, position: { line: 0, character: 0 } });
        expect(none.map.focus).toBeUndefined();
        expect(none.map.nodes).toEqual([]);
        expect(none.processes.length).toBe(3);
    });

    test('collapses a map larger than maxNodes to the list of processes', async () => {
        const { map, truncated, processes } = await requestMap({ maxNodes: 5 });
        // The 18 nodes of the whole map (3 processes, 6 workloads, 4 suppliers, 2 customers, 3 others).
        expect(truncated).toEqual({ nodes: 18, max: 5 });
        expect(map.nodes).toEqual([]);
        expect(processes.find(process => process.name === 'OrderFulfilment')?.status).toBe('gap');
    });

    test('simulates the loss of elements picked from the candidates', async () => {
        const candidates: LossCandidate[] = await client.sendRequest('drplan/lossCandidates');
        expect(candidates.find(candidate => candidate.name === 'Seattle')?.kind).toBe('site');
        expect(candidates.find(candidate => candidate.name === 'SamOkafor')?.spofFor.sort())
            .toEqual(['OrderFulfilment', 'Payments', 'WebOrdering']);
        expect(candidates.some(candidate => candidate.kind === 'process')).toBe(false);

        const result: SimulateLossResult = await client.sendRequest('drplan/simulateLoss', { elements: ['SamOkafor', 'Atlantis'] });
        expect(result.lost).toEqual([{ name: 'SamOkafor', kind: 'person' }]);
        expect(result.unknown).toEqual(['Atlantis']);
        const orders = result.processes.find(process => process.name === 'OrderFulfilment')!;
        expect(orders.recoverable).toBe(false);
        expect(orders.strandedBy.join(' ')).toContain('DBA');
        expect(orders.outcome).toMatch(/^stranded by .*DBA.* \(RTO 4h\)$/);

        // A recoverable process says when it recovers, in the words of `drplan simulate`.
        const carrier: SimulateLossResult = await client.sendRequest('drplan/simulateLoss', { elements: ['ParcelCarrier'] });
        const recovering = carrier.processes.find(process => process.name === 'OrderFulfilment')!;
        expect(recovering).toMatchObject({ recoverable: true, recoveryTime: { value: 5 * 3600 + 20 * 60, complete: true },
            rto: 4 * 3600, outcome: 'recovers in 5h20m (RTO 4h, 1h20m over)' });
    });

    test('compiles the plan into its runbook, with the workspace\'s diagnostics as gaps', async () => {
        const plans: PlanSummary[] = await client.sendRequest('drplan/plans');
        expect(plans).toEqual([{ name: 'ContosoRetail', title: 'Contoso Retail order-to-cash DR plan' }]);
        const markdown: RunbookResult = await client.sendRequest('drplan/runbook', { plan: 'ContosoRetail', format: 'md' });
        expect(markdown.plan).toBe('ContosoRetail');
        expect(markdown.content).toMatch(/^# Contoso Retail order-to-cash DR plan/);
        expect(markdown.content).toContain('evaluated as of **2026-10-01**');
        expect(markdown.content).toContain('- **rto-gap** on OrderFulfilment (processes.drplan:10:3)');
        const html: RunbookResult = await client.sendRequest('drplan/runbook', { format: 'html', failover: 'planned' });
        expect(html.content).toMatch(/^<!DOCTYPE html>/);
        expect(html.content).toContain('data-element="OrderFulfilment"');
        await expect(client.sendRequest('drplan/runbook', { plan: 'Nope', format: 'md' })).rejects.toThrow(/Nope/);
    });

    test('an edit of an RTO changes the diagnostics and the map, and the server says the model changed', async () => {
        const file = 'processes.drplan';
        const uri = uriOf(file);
        const original = readFileSync(join(workspace, file), 'utf8');
        const changesBefore = modelChanges;
        const relaxed = original.replace(/(process OrderFulfilment[^{]*\{[^}]*?)rto 4h/, '$1rto 6h');
        expect(relaxed).not.toBe(original);
        await client.sendNotification('textDocument/didChange', {
            textDocument: { uri, version: 2 }, contentChanges: [{ text: relaxed }],
        });
        await eventually(() => !codesOf(file).includes('rto-gap') ? true : undefined, 'the rto-gap to go away');
        await eventually(() => modelChanges > changesBefore ? true : undefined, 'drplan/modelChanged');
        const { map } = await requestMap();
        const orders = map.nodes.find(node => node.id === 'OrderFulfilment')!;
        expect(orders.status).not.toBe('gap');
        expect(orders.findings.map(finding => finding.code)).not.toContain('rto-gap');
        expect(orders.detail).toContain('✓ RTO 6h');

        await client.sendNotification('textDocument/didChange', {
            textDocument: { uri, version: 3 }, contentChanges: [{ text: original }],
        });
        await eventually(() => codesOf(file).includes('rto-gap') ? true : undefined, 'the rto-gap to come back');
        expect((await requestMap()).map.nodes.find(node => node.id === 'OrderFulfilment')!.status).toBe('gap');
    });

    test('sends one model-changed notification for a burst of edits', async () => {
        const file = 'processes.drplan';
        const uri = uriOf(file);
        const text = readFileSync(join(workspace, file), 'utf8');
        await new Promise(resolve => setTimeout(resolve, 600));
        const before = modelChanges;
        for (let version = 10; version < 16; version++) {
            await client.sendNotification('textDocument/didChange', {
                textDocument: { uri, version }, contentChanges: [{ text: `${text}\n// edit ${version}\n` }],
            });
            await new Promise(resolve => setTimeout(resolve, 20));
        }
        await new Promise(resolve => setTimeout(resolve, 1_000));
        expect(modelChanges - before).toBeGreaterThanOrEqual(1);
        expect(modelChanges - before).toBeLessThanOrEqual(2);
    });
});
