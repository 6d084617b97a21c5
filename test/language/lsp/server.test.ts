import { type ChildProcessWithoutNullStreams, execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createMessageConnection, type MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { DocumentSymbol, InitializeResult, TextEdit } from 'vscode-languageserver';

// The installed server, end to end: the launcher, the build output and a real process speaking LSP over stdio.
const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = 'packages/language/bin/drplan-language-server.js';

beforeAll(() => {
    execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-b', 'tsconfig.build.json'], { cwd: root, stdio: 'pipe' });
});

describe('drplan-language-server', () => {
    let server: ChildProcessWithoutNullStreams;
    let connection: MessageConnection;
    let workspace: string;
    let stderr = '';

    beforeAll(() => {
        workspace = mkdtempSync(join(tmpdir(), 'drplan-lsp-'));
        writeFileSync(join(workspace, 'sites.drplan'), 'site Seattle "Seattle primary datacenter" {\n  kind on-premises\n}\n');
        // Started as npm installs the command: a symbolic link to the launcher, in another folder.
        const command = join(workspace, '..', `${basename(workspace)}-drplan-language-server`);
        symlinkSync(join(root, bin), command);
        server = spawn(process.execPath, [command, '--stdio'], { cwd: root });
        server.stderr.on('data', chunk => { stderr += String(chunk); });
        connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
        connection.listen();
    });

    afterAll(() => {
        connection.dispose();
        if (server.exitCode === null) {
            server.kill();
        }
        rmSync(workspace, { recursive: true, force: true });
        rmSync(`${workspace}-drplan-language-server`, { force: true });
    });

    test('answers initialize with the editor features it offers', async () => {
        const workspaceUri = pathToFileURL(workspace).toString();
        const result: InitializeResult = await connection.sendRequest('initialize', {
            processId: process.pid,
            rootUri: workspaceUri,
            workspaceFolders: [{ uri: workspaceUri, name: 'plans' }],
            capabilities: {},
        });
        connection.sendNotification('initialized', {});
        const capabilities = result.capabilities;
        expect(capabilities.hoverProvider).toBeTruthy();
        expect(capabilities.definitionProvider).toBeTruthy();
        expect(capabilities.referencesProvider).toBeTruthy();
        expect(capabilities.documentFormattingProvider).toBeTruthy();
        expect(capabilities.documentRangeFormattingProvider).toBeTruthy();
        expect(capabilities.documentSymbolProvider).toBeTruthy();
        expect(capabilities.foldingRangeProvider).toBeTruthy();
        expect(capabilities.renameProvider).toEqual({ prepareProvider: true });
        expect(capabilities.completionProvider).toBeTruthy();
    });

    test('formats and outlines a document opened in the editor, using names from the workspace', async () => {
        const uri = pathToFileURL(join(workspace, 'workloads.drplan')).toString();
        const text = 'workload OrderDb "Order database" { runs-at Seattle   kind database }';
        // As an editor does, ask once the server has built the document (its diagnostics are out).
        const built = new Promise<void>(resolve => connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string }) => {
            if (params.uri === uri) {
                resolve();
            }
        }));
        connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'drplan', version: 1, text } });
        await built;
        const edits: TextEdit[] = await connection.sendRequest('textDocument/formatting', {
            textDocument: { uri }, options: { tabSize: 4, insertSpaces: true },
        });
        expect(edits.length).toBeGreaterThan(0);
        const symbols: DocumentSymbol[] = await connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
        expect(symbols.map(symbol => [symbol.name, symbol.detail])).toEqual([['OrderDb', 'Order database']]);
        const definition: Array<{ targetUri: string }> = await connection.sendRequest('textDocument/definition', {
            textDocument: { uri }, position: { line: 0, character: 46 },
        });
        expect(definition.map(link => link.targetUri)).toEqual([pathToFileURL(join(workspace, 'sites.drplan')).toString()]);
    });

    test('refuses a rename to a keyword with an error the editor shows', async () => {
        const uri = pathToFileURL(join(workspace, 'workloads.drplan')).toString();
        await expect(connection.sendRequest('textDocument/rename', { textDocument: { uri }, position: { line: 0, character: 10 }, newName: 'site' }))
            .rejects.toThrow("'site' is a keyword of the language and cannot be a name.");
    });

    // The map is laid out in the worker beside the launcher's real path (bin/layout-worker.js), whose deep stack
    // takes a chain of dependencies that overflows the server's own inside elkjs (at some 8,000).
    test('lays out the map of an 8,000-deep chain of dependencies in its layout worker', async () => {
        const uri = pathToFileURL(join(workspace, 'chain.drplan')).toString();
        const chain = Array.from({ length: 8000 }, (_, index) =>
            index === 0 ? 'workload W0 {\n}' : `workload W${index} { depends-on W${index - 1} }`);
        const text = `${chain.join('\n')}\nprocess Orders {\n  rto 4h\n  workloads W7999\n}\n`;
        const built = new Promise<void>(resolve => connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string }) => {
            if (params.uri === uri) {
                resolve();
            }
        }));
        connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'drplan', version: 1, text } });
        await built;
        const result: { map: { nodes: unknown[] } } = await connection.sendRequest('drplan/dependencyMap',
            { uri, scope: 'process', process: 'Orders', maxNodes: 10_000 });
        expect(result.map.nodes).toHaveLength(8001);
    }, 60_000);

    test('shuts down and exits cleanly when asked', async () => {
        const exited = new Promise<number | null>(resolve => server.once('exit', code => resolve(code)));
        await connection.sendRequest('shutdown');
        connection.sendNotification('exit');
        expect(await exited).toBe(0);
        expect(stderr).toBe('');
    });
});

describe('drplan-language-server without a transport', () => {
    test('says in one line how to start it', () => {
        const result = spawnSync(process.execPath, [bin], { cwd: root, encoding: 'utf8' });
        expect(result.status).toBe(2);
        expect(result.stdout).toBe('');
        expect(result.stderr).toBe('drplan-language-server: no transport given; usage: drplan-language-server --stdio | --node-ipc | --socket=<port> | --pipe=<name>\n');
    });

    test('--help prints the usage', () => {
        const result = spawnSync(process.execPath, [bin, '--help'], { cwd: root, encoding: 'utf8' });
        expect(result.status).toBe(0);
        expect(result.stdout).toContain('usage: drplan-language-server --stdio');
    });
});
