import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

/** Starts the drplan language server (dist/server.cjs) in its own Node process, talking over IPC. */
export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
    const serverModule = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.cjs').fsPath;
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc },
        debug: {
            module: serverModule,
            transport: TransportKind.ipc,
            options: { execArgv: ['--nolazy', `--inspect=${process.env.DRPLAN_SERVER_DEBUG_PORT ?? '6009'}`] },
        },
    };
    const clientOptions: LanguageClientOptions = {
        // Every scheme: in a virtual workspace the server still analyses the documents that are open.
        documentSelector: [{ language: 'drplan' }],
        synchronize: {
            // Files changed on disk (a git checkout, another tool) rebuild the workspace.
            fileEvents: vscode.workspace.createFileSystemWatcher('**/*.drplan'),
        },
        outputChannel: output,
    };
    return new LanguageClient('drplan', 'DR Plan Language Server', serverOptions, clientOptions);
}
