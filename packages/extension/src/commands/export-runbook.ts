import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { type PlanSummary, PlansRequest, type RunbookParams, RunbookRequest, type RunbookResult } from '../../../language/src/protocol.js';
import { previewSettings } from '../settings.js';

/**
 * `DR Plan: Export Runbook…`: picks a plan (when there are several), asks where to save, and writes the
 * runbook the language server compiles, as Markdown or printable HTML (by the file's extension).
 */
export async function exportRunbook(client: LanguageClient, clientReady: Promise<void>): Promise<void> {
    await clientReady;
    const plans = await client.sendRequest<PlanSummary[]>(PlansRequest);
    if (plans.length === 0) {
        void vscode.window.showInformationMessage('DR Plan: the workspace declares no plan to compile into a runbook.');
        return;
    }
    const plan = plans.length === 1 ? plans[0] : await vscode.window.showQuickPick(
        plans.map(candidate => ({ label: candidate.name, description: candidate.title, plan: candidate })),
        // Stays open when VS Code refocuses the map's webview late (see simulate-loss.ts).
        { title: 'DR Plan: Export Runbook', placeHolder: 'The plan to compile', ignoreFocusOut: true },
    ).then(picked => picked?.plan);
    if (!plan) {
        return;
    }
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await vscode.window.showSaveDialog({
        title: `Export the runbook of ${plan.name}`,
        defaultUri: folder ? vscode.Uri.joinPath(folder, `${plan.name}-runbook.md`) : undefined,
        filters: { 'Markdown': ['md'], 'HTML (printable)': ['html'] },
        saveLabel: 'Export',
    });
    if (!target) {
        return;
    }
    const format = /\.html?$/i.test(target.path) ? 'html' : 'md';
    const { failover } = previewSettings();
    const params: RunbookParams = { plan: plan.name, format, failover };
    const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `DR Plan: compiling the runbook of ${plan.name}…` },
        () => client.sendRequest<RunbookResult>(RunbookRequest, params),
    );
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.content));
    const open = await vscode.window.showInformationMessage(
        `DR Plan: wrote the ${failover} failover runbook of ${result.plan} to ${vscode.workspace.asRelativePath(target)}.`, 'Open');
    if (open) {
        await vscode.commands.executeCommand('vscode.open', target);
    }
}
