import { DocumentState, EmptyFileSystem, type LangiumDocument, URI } from 'langium';
import { parseHelper } from 'langium/test';
import type { Connection } from 'vscode-languageserver';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseIsoDate } from '../../../packages/language/src/analysis/date.js';
import type { Analysis } from '../../../packages/language/src/analysis/types.js';
import { createDrPlanServices } from '../../../packages/language/src/drplan-module.js';
import type { Element, PlanModel } from '../../../packages/language/src/model/plan-model.js';
import type { WorkspaceAnalysis } from '../../../packages/language/src/workspace/workspace-analysis.js';

/** The evaluation date of every test unless it says otherwise. */
export const AS_OF = '2026-11-21';

/** One diagnostic as a user sees it: where, what, about which element. */
export interface FileDiagnostic {
    readonly file: string;
    readonly code: string;
    readonly severity: 'error' | 'warning' | 'info' | 'hint';
    readonly message: string;
    /** `data.element` (LANGUAGE.md §3.5); null for syntax errors. */
    readonly element: string | null | undefined;
    readonly range: Range;
    /** The source text the range covers, so a test can say which property it is on. */
    readonly text: string;
    /** 1-based line of the range's start, as an editor shows it. */
    readonly line: number;
}

export interface WorkspaceOptions {
    /** The evaluation date, `YYYY-MM-DD` (default AS_OF). */
    readonly asOf?: string;
    /**
     * Run as the language server does, with an LSP connection (a recording stand-in): diagnostics the
     * server publishes are kept in `published`.
     */
    readonly connection?: boolean;
}

export interface TestWorkspace {
    readonly services: ReturnType<typeof createDrPlanServices>;
    readonly workspaceAnalysis: WorkspaceAnalysis;
    /** The `unplanned` analysis, the one diagnostics use. */
    readonly analysis: Analysis;
    readonly model: PlanModel;
    readonly documents: ReadonlyMap<string, LangiumDocument>;
    /** Diagnostics of each file, by file name, as the documents currently hold them. */
    readonly diagnostics: Readonly<Record<string, FileDiagnostic[]>>;
    /** Every diagnostic of every file, in file then position order. */
    all(): FileDiagnostic[];
    /** Every diagnostic with this code. */
    withCode(code: string): FileDiagnostic[];
    /** The model element with this name (the first declared); throws when there is none. */
    element(name: string): Element;
    /** Diagnostics the server sent to the editor, by file name, the latest of each (with `connection`). */
    readonly published: ReadonlyMap<string, readonly Diagnostic[]>;
    /** Replaces one file's text (or adds a new file) and lets Langium rebuild what the change affects. */
    change(file: string, text: string): Promise<void>;
}

const severities = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' } as const;

export function uriOf(file: string): string {
    return `file:///workspace/${file}`;
}

/**
 * Builds a workspace from named snippets, all linked together and validated in one build, with the
 * evaluation date pinned (before the build, so the cached analysis uses it).
 */
export async function buildWorkspace(files: Readonly<Record<string, string>>, options: WorkspaceOptions = {}): Promise<TestWorkspace> {
    const published = new Map<string, readonly Diagnostic[]>();
    const connection = {
        sendDiagnostics: async ({ uri, diagnostics }: { uri: string; diagnostics: Diagnostic[] }) => {
            published.set(uri.slice(uriOf('').length), diagnostics);
        },
    } as unknown as Connection;
    const services = createDrPlanServices(options.connection ? { ...EmptyFileSystem, connection } : EmptyFileSystem);
    if (options.connection) {
        // The client's `initialized` never comes: settle the configuration as a client without settings would.
        await services.shared.workspace.ConfigurationProvider.initialized({});
    }
    const workspaceAnalysis = services.DrPlan.analysis.WorkspaceAnalysis;
    workspaceAnalysis.setAsOf(parseIsoDate(options.asOf ?? AS_OF));
    const { DocumentBuilder, LangiumDocuments, TextDocuments } = services.shared.workspace;
    const parse = parseHelper(services.DrPlan);
    const documents = new Map<string, LangiumDocument>();
    // parseHelper builds each document alone; its first build is a parse only (validation off) and
    // the real build below links and validates all documents together, so forward and cross-file
    // references resolve whatever the file order.
    for (const [file, text] of Object.entries(files)) {
        TextDocuments!.set(TextDocument.create(uriOf(file), 'drplan', 0, text));
        documents.set(file, await parse(text, { documentUri: uriOf(file), validation: false }));
    }
    for (const document of documents.values()) {
        DocumentBuilder.resetToState(document, DocumentState.Parsed);
    }
    await DocumentBuilder.build([...documents.values()], { validation: true });

    const fileDiagnostics = (file: string): FileDiagnostic[] => {
        const document = documents.get(file)!;
        return [...(document.diagnostics ?? [])].sort(byPosition).map(diagnostic => toFileDiagnostic(file, document, diagnostic));
    };
    const versions = new Map<string, number>();
    const workspace: TestWorkspace = {
        services, workspaceAnalysis, documents, published,
        get analysis() {
            return workspaceAnalysis.analysis;
        },
        get model() {
            return workspaceAnalysis.planModel;
        },
        get diagnostics() {
            return Object.fromEntries([...documents.keys()].map(file => [file, fileDiagnostics(file)]));
        },
        all() {
            return [...documents.keys()].flatMap(fileDiagnostics);
        },
        withCode(code: string) {
            return workspace.all().filter(diagnostic => diagnostic.code === code);
        },
        element(name: string) {
            const element = workspaceAnalysis.planModel.byName.get(name);
            if (!element) {
                throw new Error(`no element named ${name} in the test workspace`);
            }
            return element;
        },
        async change(file: string, text: string) {
            const version = (versions.get(file) ?? 0) + 1;
            versions.set(file, version);
            TextDocuments!.set(TextDocument.create(uriOf(file), 'drplan', version, text));
            await DocumentBuilder.update([URI.parse(uriOf(file))], []);
            const document = LangiumDocuments.getDocument(URI.parse(uriOf(file)));
            if (document) {
                documents.set(file, document);
            }
        },
    };
    return workspace;
}

/** A workspace of one file, `main.drplan`. */
export function buildSnippet(text: string, options: WorkspaceOptions = {}): Promise<TestWorkspace> {
    return buildWorkspace({ 'main.drplan': text }, options);
}

function toFileDiagnostic(file: string, document: LangiumDocument, diagnostic: Diagnostic): FileDiagnostic {
    const data = diagnostic.data as { element?: string | null } | undefined;
    return {
        file,
        code: String(diagnostic.code ?? ''),
        severity: severities[(diagnostic.severity ?? 1) as 1 | 2 | 3 | 4],
        message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
        element: data?.element,
        range: diagnostic.range,
        text: document.textDocument.getText(diagnostic.range),
        line: diagnostic.range.start.line + 1,
    };
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
    return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

/** The text with every occurrence of `from` replaced; fails loudly when `from` is not there. */
export function edit(text: string, from: string, to: string): string {
    if (!text.includes(from)) {
        throw new Error(`the test fixture has no ${JSON.stringify(from)} to replace`);
    }
    return text.split(from).join(to);
}

/** Codes of the diagnostics, sorted, for "nothing else fires" assertions. */
export function codesOf(diagnostics: readonly FileDiagnostic[]): string[] {
    return diagnostics.map(diagnostic => diagnostic.code).sort();
}
