import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ModelChangedNotification } from '../../language/src/protocol.js';
import { exportRunbook } from './commands/export-runbook.js';
import { simulateLoss } from './commands/simulate-loss.js';
import { createLanguageClient } from './language-client.js';
import { DependencyMapPreview, PREVIEW_VIEW_TYPE } from './preview/dependency-map-preview.js';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    const output = vscode.window.createOutputChannel('DR Plan', { log: true });
    const lossOutput = vscode.window.createOutputChannel('DR Plan: Loss Simulation');
    context.subscriptions.push(output, lossOutput);

    client = createLanguageClient(context, output);
    const languageClient = client;
    const clientReady = languageClient.start();
    const preview = new DependencyMapPreview(context.extensionUri, languageClient, clientReady, output);
    context.subscriptions.push(
        preview,
        languageClient.onNotification(ModelChangedNotification, () => preview.modelChanged()),
        vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
            async deserializeWebviewPanel(panel, state) {
                preview.restore(panel, state);
            },
        }),
        vscode.commands.registerCommand('drplan.openPreviewToSide', () => preview.open(vscode.ViewColumn.Beside)),
        vscode.commands.registerCommand('drplan.openPreview', () =>
            preview.open(vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.Active)),
        vscode.commands.registerCommand('drplan.exportRunbook', () => reportErrors('Export Runbook', async () => {
            await preview.leaveFocus();
            await exportRunbook(languageClient, clientReady);
        })),
        vscode.commands.registerCommand('drplan.simulateLoss', () => reportErrors('Simulate Loss', async () => {
            await preview.leaveFocus();
            await simulateLoss(languageClient, clientReady, lossOutput);
        })),
    );
    await vscode.commands.executeCommand('setContext', 'drplan.active', true);
    await clientReady.catch(error => {
        output.appendLine(`The DR Plan language server did not start: ${error instanceof Error ? error.message : String(error)}`);
    });
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}

/** Commands report what went wrong in one line, never a stack trace. */
async function reportErrors(command: string, run: () => Promise<void>): Promise<void> {
    try {
        await run();
    } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        void vscode.window.showErrorMessage(`DR Plan: ${command} failed: ${reason}`);
    }
}
