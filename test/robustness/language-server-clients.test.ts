import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createProtocolConnection, type ProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';

// The language server with clients other than VS Code: one that supports less of the protocol, and one
// that sends requests with wrong or hostile parameters. The server answers (an error is an answer) and
// keeps running; it never exits on a client's message.

const server = fileURLToPath(new URL('../../packages/language/out/main.js', import.meta.url));

interface Session {
    child: ChildProcess;
    client: ProtocolConnection;
    uri: string;
    /** Resolves with the exit code if the server exits, else stays pending. */
    exited: Promise<number | null>;
    folder: string;
}

let session: Session | undefined;

afterEach(() => {
    session?.client.dispose();
    session?.child.kill();
    if (session) {
        rmSync(session.folder, { recursive: true, force: true });
    }
    session = undefined;
});

async function start(capabilities: object, answerRegistration: boolean): Promise<Session> {
    const folder = mkdtempSync(join(tmpdir(), 'drplan-server-clients-'));
    mkdirSync(join(folder, 'plans'));
    const text = 'site S { kind on-premises }\nworkload Db { runs-at S recovery-time 1h estimated }\nprocess Orders { rto 4h workloads Db }\n';
    writeFileSync(join(folder, 'plans', 'main.drplan'), text);
    const child = spawn(process.execPath, [server, '--stdio'], { cwd: folder, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', chunk => { stderr += chunk; });
    const exited = new Promise<number | null>(resolve => child.once('exit', code => resolve(code)));
    void exited.then(code => { if (stderr) console.log(`language server exited (${code}):\n${stderr.split('\n').slice(0, 6).join('\n')}`); });
    const client = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    client.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
    if (answerRegistration) {
        client.onRequest('client/registerCapability', () => null);
    }
    client.listen();
    const rootUri = pathToFileURL(folder).toString();
    await client.sendRequest('initialize', { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'w' }], capabilities });
    client.sendNotification('initialized', {});
    const uri = pathToFileURL(join(folder, 'plans', 'main.drplan')).toString();
    client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'drplan', version: 1, text } });
    session = { child, client, uri, exited, folder };
    return session;
}

/** The server still answers a hover, within `ms`; false if it exited or stayed silent. */
async function answers({ client, uri, exited }: Session, ms = 10_000): Promise<boolean> {
    const hover = client.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 9 } })
        .then(() => true, () => true);
    return Promise.race([hover, exited.then(() => false), new Promise<boolean>(resolve => setTimeout(() => resolve(false), ms))]);
}

describe('a client that supports less of the protocol', () => {
    it('a client with no capabilities at all: the server answers', async () => {
        expect(await answers(await start({}, false))).toBe(true);
    }, 30_000);

    it('a client that reads settings but does not accept dynamic registration: the server keeps running', async () => {
        const started = await start({ workspace: { configuration: true } }, false);
        expect(await answers(started)).toBe(true);
    }, 30_000);
});

describe('requests with wrong or hostile parameters', () => {
    const hostileParams: Array<[string, unknown]> = [
        ['drplan/dependencyMap', null],
        ['drplan/dependencyMap', { scope: 'process', process: { toString: 1 }, maxNodes: -1, failover: '__proto__' }],
        ['drplan/dependencyMap', { scope: 'process', uri: 'file:///etc/passwd', position: { line: -5, character: 1e308 } }],
        ['drplan/dependencyMap', { maxNodes: 'all', failover: 42, uri: 42 }],
        ['drplan/simulateLoss', null],
        ['drplan/simulateLoss', { elements: 'Db' }],
        ['drplan/simulateLoss', { elements: [1, null, {}, 'Db', '__proto__', 'constructor'] }],
        ['drplan/simulateLoss', { elements: Array.from({ length: 20_000 }, (_, index) => `E${index}`) }],
        ['drplan/lossCandidates', { unexpected: true }],
        ['textDocument/hover', { textDocument: { uri: 'file:///nowhere.drplan' }, position: { line: 0, character: 0 } }],
        ['textDocument/hover', { textDocument: { uri: 'MAIN' }, position: { line: 99999, character: -1 } }],
        ['textDocument/completion', { textDocument: { uri: 'MAIN' }, position: { line: 1e9, character: 1e9 } }],
        ['textDocument/definition', { textDocument: { uri: 'MAIN' } }],
        ['textDocument/rename', { textDocument: { uri: 'MAIN' }, position: { line: 1, character: 10 }, newName: 'not a name!' }],
        ['textDocument/rename', { textDocument: { uri: 'MAIN' }, position: { line: 1, character: 10 }, newName: '' }],
        ['textDocument/formatting', { textDocument: { uri: 'MAIN' }, options: { tabSize: -4, insertSpaces: 'yes' } }],
        ['textDocument/codeAction', { textDocument: { uri: 'MAIN' }, range: null, context: { diagnostics: [{ code: 'spof', data: 42 }] } }],
        ['textDocument/codeAction', { textDocument: { uri: 'MAIN' }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            context: { diagnostics: [{ code: 'missing-from-plan', range: { start: { line: 5, character: 0 }, end: { line: 9, character: 0 } },
                data: { code: 'missing-from-plan', element: '../../x', dependency: { evil: true } }, message: 'x' }] } }],
        ['workspace/symbol', { query: '.*'.repeat(1000) }],
    ];

    it('are each answered (with a result or an error) and the server keeps running', async () => {
        const started = await start({ workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } } }, true);
        expect(await answers(started)).toBe(true);
        const outcomes: string[] = [];
        for (const [method, params] of hostileParams) {
            const withUri = JSON.parse(JSON.stringify(params ?? null).replaceAll('"MAIN"', JSON.stringify(started.uri)));
            const outcome = await Promise.race([
                started.client.sendRequest(method, withUri).then(() => 'answered', (error: Error) => `error: ${error.message}`),
                started.exited.then(code => `the server exited (${code})`),
                new Promise<string>(resolve => setTimeout(() => resolve('no answer in 10 s'), 10_000)),
            ]);
            outcomes.push(`${method}: ${outcome}`);
        }
        expect(outcomes.filter(outcome => /exited|no answer/.test(outcome))).toEqual([]);
        // An error answer is fine; an internal one (a stack, a TypeError) is a bug worth a look.
        console.log(outcomes.filter(outcome => outcome.includes('error')).join('\n'));
        expect(await answers(started)).toBe(true);
    }, 120_000);
});
