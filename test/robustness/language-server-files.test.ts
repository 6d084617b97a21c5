import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
    createProtocolConnection, type ProtocolConnection, type PublishDiagnosticsParams, StreamMessageReader, StreamMessageWriter,
} from 'vscode-languageserver/node';

// The language server as the extension starts it, traced (fs-tracer.mjs): on a workspace that holds
// symbolic links to files and folders outside it, a node_modules and a dot-folder, it reads the
// workspace's own .drplan files and its own code, writes nothing and starts no process.

const repository = realpathSync(fileURLToPath(new URL('../../', import.meta.url)));
const tracer = fileURLToPath(new URL('./fs-tracer.mjs', import.meta.url));
const server = fileURLToPath(new URL('../../packages/language/out/main.js', import.meta.url));

let root: string;
let child: ChildProcess;
let client: ProtocolConnection;
let traceFile: string;
const published = new Map<string, PublishDiagnosticsParams>();

beforeAll(async () => {
    root = realpathSync(mkdtempSync(join(tmpdir(), 'drplan-server-files-')));
    const workspace = join(root, 'workspace');
    mkdirSync(join(workspace, 'plans'), { recursive: true });
    mkdirSync(join(workspace, 'node_modules', 'pkg'), { recursive: true });
    mkdirSync(join(workspace, '.git'), { recursive: true });
    mkdirSync(join(root, 'outside', 'folder'), { recursive: true });
    writeFileSync(join(workspace, 'plans', 'main.drplan'), 'workload Lonely { }\nprocess Orders { rto 1h workloads Lonely, Secret }\n');
    writeFileSync(join(workspace, 'node_modules', 'pkg', 'dependency.drplan'), 'workload FromNodeModules { }\n');
    writeFileSync(join(workspace, '.git', 'hidden.drplan'), 'workload FromDotFolder { }\n');
    writeFileSync(join(root, 'outside', 'secret.drplan'), 'workload Secret { }\n');
    writeFileSync(join(root, 'outside', 'credentials'), 'aws_secret_access_key = not-for-drplan\n');
    writeFileSync(join(root, 'outside', 'folder', 'other.drplan'), 'workload Other { }\n');
    // Over the 20 MB limit, and sparse: it costs no disk.
    writeFileSync(join(workspace, 'plans', 'huge.drplan'), '');
    truncateSync(join(workspace, 'plans', 'huge.drplan'), 30 * 1024 * 1024);
    symlinkSync(join(root, 'outside', 'secret.drplan'), join(workspace, 'linked.drplan'));
    symlinkSync(join(root, 'outside', 'credentials'), join(workspace, 'credentials.drplan'));
    symlinkSync(join(root, 'outside', 'folder'), join(workspace, 'linked-folder'));

    traceFile = join(root, 'trace.json');
    child = spawn(process.execPath, ['--import', tracer, server, '--stdio'], {
        cwd: workspace, env: { ...process.env, DRPLAN_TRACE_FILE: traceFile }, stdio: ['pipe', 'pipe', 'inherit'],
    });
    const exitedEarly = new Promise<never>((_, reject) => child.once('exit', code =>
        reject(new Error(`the language server exited with code ${code} before the test was done`))));
    exitedEarly.catch(() => undefined);
    client = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const mainUri = pathToFileURL(join(workspace, 'plans', 'main.drplan')).toString();
    const diagnosed = new Promise<void>(resolve => {
        client.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
            published.set(params.uri, params);
            if (params.uri === mainUri) {
                resolve();
            }
        });
    });
    // As VS Code answers: no settings, and dynamic registration accepted.
    client.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
    client.onRequest('client/registerCapability', () => null);
    client.listen();
    const workspaceUri = pathToFileURL(workspace).toString();
    const session = async () => {
        await client.sendRequest('initialize', {
            processId: process.pid, rootUri: workspaceUri,
            capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
                textDocument: { publishDiagnostics: {} } },
            workspaceFolders: [{ uri: workspaceUri, name: 'workspace' }],
        });
        client.sendNotification('initialized', {});
        // As VS Code does when the user opens a file: that build validates the whole workspace.
        client.sendNotification('textDocument/didOpen', { textDocument: { uri: mainUri, languageId: 'drplan', version: 1,
            text: readFileSync(join(workspace, 'plans', 'main.drplan'), 'utf8') } });
        await diagnosed;
        // The map and the loss simulation read the same workspace; ask them too.
        await client.sendRequest('drplan/dependencyMap', {});
        await client.sendRequest('drplan/simulateLoss', { elements: ['Lonely'] });
        await client.sendRequest('shutdown');
    };
    await Promise.race([session(), exitedEarly]);
    const exited = new Promise(resolve => child.once('exit', resolve));
    client.sendNotification('exit');
    await exited;
}, 60_000);

afterAll(() => {
    client?.dispose();
    child?.kill();
    rmSync(root, { recursive: true, force: true });
});

interface TraceEvent {
    op: string;
    path: string;
    write?: boolean;
    child?: boolean;
}

const events = (): TraceEvent[] => JSON.parse(readFileSync(traceFile, 'utf8'));
const isCode = (path: string) => path.startsWith(repository) && !path.startsWith(root);

describe('the language server in a workspace with links to the outside', () => {
    it('analyses the workspace: Secret, reached only through a link, stays unresolved', () => {
        const main = [...published.values()].find(params => params.uri.endsWith('/plans/main.drplan'))!;
        expect(main.diagnostics.map(diagnostic => diagnostic.message)).toContain('Secret names no workload');
    });

    it('reads only the .drplan files inside the workspace, not through links, node_modules or dot-folders', () => {
        const reads = events().filter(event => !event.write && !event.child && !isCode(event.path));
        // huge.drplan is over the size limit: only its size is looked at (see the next test).
        expect([...new Set(reads.map(event => relative(root, event.path).split(sep).join('/')))].sort())
            .toEqual(['workspace/plans/main.drplan']);
    });

    it('never reads a file over the 20 MB limit whole', () => {
        expect(events().filter(event => event.path.endsWith('huge.drplan') && event.whole)).toEqual([]);
    });

    it('writes nothing and starts no process', () => {
        expect(events().filter(event => event.write || event.child)).toEqual([]);
    });
});
