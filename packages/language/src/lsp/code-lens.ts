import type { LangiumDocument } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import type { DrPlanServices } from '../drplan-module.js';
import type { WorkspaceAnalysis } from '../workspace/workspace-analysis.js';
import { objectivesLens } from './describe.js';

/** Above each process: `recovers in 5h20m ✗ RTO 4h · RP 30s ✓ RPO 15m`. */
export class DrPlanCodeLensProvider implements CodeLensProvider {
    private readonly workspaceAnalysis: WorkspaceAnalysis;

    constructor(services: DrPlanServices) {
        this.workspaceAnalysis = services.analysis.WorkspaceAnalysis;
    }

    provideCodeLens(document: LangiumDocument, _params: CodeLensParams): CodeLens[] {
        const uri = document.uri.toString();
        const lenses: CodeLens[] = [];
        for (const [process, result] of this.workspaceAnalysis.analysis.processes) {
            if (process.location.uri === uri) {
                lenses.push({
                    range: process.location.range,
                    // A lens without a command id is shown as plain text.
                    command: { title: objectivesLens(result), command: '' },
                });
            }
        }
        return lenses;
    }
}
