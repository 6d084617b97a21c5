import { DocumentState } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import type { DrPlanServices } from '../drplan-module.js';
import { findingToDiagnostic } from './workspace-analysis.js';

/**
 * An edit in one file can change the conclusions about another that Langium does not rebuild
 * (it only re-validates documents that reference the changed one). After each build, the analysis
 * findings of every other document are compared with what it last published, and re-sent when
 * they differ; its own syntax and linking diagnostics are kept as they are.
 */
export function refreshFindingsOfUnchangedDocuments(services: DrPlanServices): void {
    const connection = services.shared.lsp.Connection;
    if (!connection) {
        return;
    }
    const documents = services.shared.workspace.LangiumDocuments;
    const workspaceAnalysis = services.analysis.WorkspaceAnalysis;
    services.shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, async built => {
        const rebuilt = new Set(built.map(document => document.uri.toString()));
        for (const document of documents.all) {
            const uri = document.uri.toString();
            if (rebuilt.has(uri) || document.state < DocumentState.Validated || !document.diagnostics) {
                continue;
            }
            const own = document.diagnostics.filter(diagnostic => !isFinding(diagnostic));
            const previous = document.diagnostics.filter(isFinding);
            const fresh = workspaceAnalysis.findingsFor(uri).map(findingToDiagnostic);
            if (!sameDiagnostics(previous, fresh)) {
                document.diagnostics = [...own, ...fresh];
                await connection.sendDiagnostics({ uri, diagnostics: document.diagnostics });
            }
        }
    });
}

function isFinding(diagnostic: Diagnostic): boolean {
    return (diagnostic.data as { analysis?: boolean } | undefined)?.analysis === true;
}

function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
    return a.length === b.length && a.every((diagnostic, index) => sameValue(diagnostic, b[index]));
}

/** Deep equality of JSON-like values (what diagnostics are), without serialising thousands of them per edit. */
function sameValue(a: unknown, b: unknown): boolean {
    if (a === b) {
        return true;
    }
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) {
        return false;
    }
    const keysA = Object.keys(a).filter(key => (a as Record<string, unknown>)[key] !== undefined);
    const keysB = Object.keys(b).filter(key => (b as Record<string, unknown>)[key] !== undefined);
    return keysA.length === keysB.length
        && keysA.every(key => sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}
