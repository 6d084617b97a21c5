import { EmptyFileSystem, type LangiumDocument, URI } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { parseIsoDate } from '../../packages/language/src/analysis/date.js';
import { createDrPlanServices } from '../../packages/language/src/drplan-module.js';

/** A workspace built from texts, with the time each step took printed (never asserted: the machine is shared). */
export interface TimedWorkspace {
    services: ReturnType<typeof createDrPlanServices>;
    documents: LangiumDocument[];
    document: LangiumDocument;
    diagnostics: Diagnostic[];
    /** Runs `step`, prints how long it took, returns its result. */
    time<T>(what: string, step: () => T | Promise<T>): Promise<T>;
    /** `textDocument` and a position at `offset` of the first document, for LSP calls. */
    at(offset: number): { textDocument: { uri: string }; position: { line: number; character: number } };
}

export async function buildTimed(label: string, files: Record<string, string>, asOf = '2026-11-21'): Promise<TimedWorkspace> {
    const services = createDrPlanServices(EmptyFileSystem);
    services.DrPlan.analysis.WorkspaceAnalysis.setAsOf(parseIsoDate(asOf));
    const time = async <T>(what: string, step: () => T | Promise<T>): Promise<T> => {
        const started = performance.now();
        const result = await step();
        console.log(`${label}: ${what} in ${Math.round(performance.now() - started)} ms`);
        return result;
    };
    const { LangiumDocumentFactory, LangiumDocuments, DocumentBuilder } = services.shared.workspace;
    const documents = await time('parse', () => Object.entries(files).map(([name, text]) => {
        const document = LangiumDocumentFactory.fromString(text, URI.parse(`file:///robustness/${name}`));
        LangiumDocuments.addDocument(document);
        return document;
    }));
    await time('link, validate and analyse', () => DocumentBuilder.build(documents, { validation: true }));
    const document = documents[0];
    return {
        services, documents, document, time,
        diagnostics: documents.flatMap(each => each.diagnostics ?? []),
        at: (offset: number) => ({ textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset) }),
    };
}

/** `count` numbered lines from `line(i)`, joined. */
export function lines(count: number, line: (index: number) => string): string {
    const out: string[] = [];
    for (let index = 0; index < count; index++) {
        out.push(line(index));
    }
    return out.join('\n');
}
