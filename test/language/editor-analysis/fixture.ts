import { EmptyFileSystem, type LangiumDocument, URI } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver';
import { parseIsoDate } from '../../../packages/language/src/analysis/date.js';
import { createDrPlanServices } from '../../../packages/language/src/drplan-module.js';

/** A workspace of named .drplan snippets, evaluated on 2026-11-21. */
export async function openWorkspace(files: Record<string, string>) {
    const services = createDrPlanServices(EmptyFileSystem);
    services.DrPlan.analysis.WorkspaceAnalysis.setAsOf(parseIsoDate('2026-11-21'));
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const documents: LangiumDocument[] = [];
    for (const [name, text] of Object.entries(files)) {
        const document = factory.fromString(text, URI.parse(`file:///ws/${name}`));
        services.shared.workspace.LangiumDocuments.addDocument(document);
        documents.push(document);
    }
    await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
    const byName = (name: string) => documents.find(document => document.uri.path.endsWith(`/${name}`))!;
    return { services, documents, byName };
}

export function diagnosticsWithCode(document: LangiumDocument, code: string): Diagnostic[] {
    return (document.diagnostics ?? []).filter(diagnostic => diagnostic.code === code);
}

/** Applies a code action's edits to the texts of the given documents. */
export function applyAction(action: CodeAction, texts: Record<string, string>): Record<string, string> {
    const result = { ...texts };
    for (const [uri, edits] of Object.entries(action.edit?.changes ?? {})) {
        const name = uri.slice(uri.lastIndexOf('/') + 1);
        const document = TextDocument.create(uri, 'drplan', 1, result[name]);
        result[name] = TextDocument.applyEdits(document, edits as TextEdit[]);
    }
    return result;
}
