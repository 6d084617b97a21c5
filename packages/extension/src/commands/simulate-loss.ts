import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
    type LossCandidate, LossCandidatesRequest, type SimulateLossParams, SimulateLossRequest, type SimulateLossResult,
} from '../../../language/src/protocol.js';
import { previewSettings } from '../settings.js';

const KIND_ORDER = ['site', 'workload', 'supplier', 'person', 'equipment'];

interface CandidateItem extends vscode.QuickPickItem {
    candidate?: LossCandidate;
}

/** `DR Plan: Simulate Loss…`: pick elements, lose them together, see which processes can still be recovered. */
export async function simulateLoss(client: LanguageClient, clientReady: Promise<void>, output: vscode.OutputChannel): Promise<void> {
    await clientReady;
    const candidates = await client.sendRequest<LossCandidate[]>(LossCandidatesRequest);
    if (candidates.length === 0) {
        void vscode.window.showInformationMessage('DR Plan: the workspace declares no site, workload, supplier, person or equipment to lose.');
        return;
    }
    const picked = await vscode.window.showQuickPick(candidateItems(candidates), {
        canPickMany: true,
        title: 'DR Plan: Simulate Loss',
        placeHolder: 'What is lost together? Pick one or more',
        matchOnDescription: true,
        matchOnDetail: true,
        // Stays open when the focus moves: VS Code refocuses a webview (the map) asynchronously, and that
        // closed the picker just after it opened when the command ran from the map; picking several takes a while too.
        ignoreFocusOut: true,
    });
    const elements = (picked ?? []).flatMap(item => item.candidate ? [item.candidate.name] : []);
    if (elements.length === 0) {
        return;
    }
    const { failover } = previewSettings();
    const params: SimulateLossParams = { elements, failover };
    const result = await client.sendRequest<SimulateLossResult>(SimulateLossRequest, params);
    output.clear();
    output.append(formatLoss(result, failover));
    output.show(true);
}

function candidateItems(candidates: readonly LossCandidate[]): CandidateItem[] {
    const items: CandidateItem[] = [];
    for (const kind of KIND_ORDER) {
        const ofKind = candidates.filter(candidate => candidate.kind === kind);
        if (ofKind.length === 0) {
            continue;
        }
        items.push({ label: kind === 'person' ? 'people' : `${kind}s`, kind: vscode.QuickPickItemKind.Separator });
        for (const candidate of ofKind) {
            const item: CandidateItem = { label: candidate.name, description: candidate.title, candidate };
            if (candidate.spofFor.length > 0) {
                item.detail = `$(warning) single point of failure for ${candidate.spofFor.join(', ')}`;
            }
            items.push(item);
        }
    }
    return items;
}

/** The simulation as plain text for the output channel. */
export function formatLoss(result: SimulateLossResult, failover: string): string {
    const lines: string[] = [];
    const lost = result.lost.map(element => `${element.name} (${element.kind})`).join(', ');
    lines.push(`Loss of ${lost || 'nothing'} · ${failover} failover · as of ${result.asOf}`);
    if (result.unknown.length > 0) {
        lines.push(`Not in the workspace (ignored): ${result.unknown.join(', ')}`);
    }
    const down = result.processes.filter(process => !process.recoverable);
    lines.push('');
    lines.push(result.processes.length === 0
        ? 'The workspace declares no process.'
        : `${down.length} of ${result.processes.length} process${result.processes.length === 1 ? '' : 'es'} cannot be recovered.`);
    for (const process of [...down, ...result.processes.filter(process => process.recoverable)]) {
        const title = process.title ? ` "${process.title}"` : '';
        const what = process.outcome;
        lines.push(`  ${process.recoverable ? '✓' : '✗'} ${process.name}${title} (${process.criticality}) — ${what}`);
    }
    return `${lines.join('\n')}\n`;
}
