import { DocumentState, EmptyFileSystem, type LangiumDocument, URI } from 'langium';
import { type CodeAction, type Command, type Diagnostic, type DocumentSymbol, MarkupContent, type Position, type Range, type TextEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseIsoDate } from '../../packages/language/src/analysis/date.js';
import { DIAGNOSTIC_CODES, type Analysis } from '../../packages/language/src/analysis/types.js';
import { createDrPlanServices } from '../../packages/language/src/drplan-module.js';
import { buildDependencyMap, UnknownProcessError } from '../../packages/language/src/graph/dependency-map.js';
import { layoutMap } from '../../packages/language/src/graph/layout.js';
import { renderSvg } from '../../packages/language/src/graph/svg.js';
import { FAILOVER_TYPES, type Element } from '../../packages/language/src/model/plan-model.js';
import { activeContent, scanMarkup } from '../robustness/markup-scan.js';
import { HANG_MS } from './fuzz-settings.js';

/**
 * Runs every part of the language on a workspace and collects what went wrong instead of throwing:
 * the parser, linker and validator (one build), the analysis for every failover type and the loss
 * engine, the dependency map, and every editor feature at the given positions. A problem is a thrown
 * error (with the top of its stack), a console error or warning (Langium logs the errors it swallows),
 * a diagnostic that is not one of ours, or an answer that breaks the LSP's rules.
 */
export interface ExerciseOptions {
    /** Offsets (taken modulo the text length) where position-based features are asked. */
    positions?: readonly number[];
    /** Run the editor features (off: parser, linker, validator, analysis and map only). */
    editor?: boolean;
    /** Lay the map out with elkjs and render its SVG (slow: a fraction of cases). */
    layout?: boolean;
    /** The input is a valid generated workspace: no syntax, linking, duplicate or value errors, and formatting is stable. */
    valid?: boolean;
}

export interface ExerciseResult {
    problems: string[];
    /** Diagnostics by file name. */
    diagnostics: Record<string, Diagnostic[]>;
    elapsedMs: number;
}

const codes: ReadonlySet<string> = new Set(DIAGNOSTIC_CODES);
const codesNeverInValidInput = new Set(['syntax', 'unresolved-reference', 'duplicate-name', 'duplicate-property', 'invalid-value']);
const formattingOptions = { tabSize: 4, insertSpaces: true };

/** One set of language services, reused case after case (creating them costs more than a case). */
export class LanguageWorkbench {
    readonly services = createDrPlanServices(EmptyFileSystem);

    constructor(asOf = '2026-11-21') {
        this.services.DrPlan.analysis.WorkspaceAnalysis.setAsOf(parseIsoDate(asOf));
    }

    async exercise(files: Readonly<Record<string, string>>, options: ExerciseOptions = {}): Promise<ExerciseResult> {
        const started = performance.now();
        const problems: string[] = [];
        const restoreConsole = captureConsole(problems);
        const diagnostics: Record<string, Diagnostic[]> = {};
        try {
            const documents = await this.build(files, problems);
            for (const [file, document] of documents) {
                diagnostics[file] = document.diagnostics ?? [];
                checkDiagnostics(file, document, options.valid ?? false, Object.values(files).join('\n'), problems);
            }
            const analyses = attempt(problems, 'analysis', () => FAILOVER_TYPES.map(failover =>
                this.services.DrPlan.analysis.WorkspaceAnalysis.forFailover(failover))) ?? [];
            for (const analysis of analyses) {
                exerciseAnalysis(analysis, problems);
            }
            if (analyses.length > 0) {
                await exerciseMap(analyses[1], options.layout ?? false, problems);
            }
            if (options.editor ?? true) {
                for (const [file, document] of documents) {
                    await this.exerciseEditor(file, document, options, problems);
                }
                await attemptAsync(problems, 'workspace symbols', () =>
                    this.services.shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query: '' }));
            }
        } finally {
            restoreConsole();
            await this.clear(problems);
        }
        const elapsedMs = performance.now() - started;
        if (elapsedMs > HANG_MS) {
            problems.push(`one case took ${Math.round(elapsedMs)} ms (more than ${HANG_MS} ms: a hang or a blow-up)`);
        }
        return { problems, diagnostics, elapsedMs };
    }

    /** Builds the files, hands their documents (by file name) to `use`, then removes them again. */
    async withDocuments<T>(files: Readonly<Record<string, string>>, use: (documents: Map<string, LangiumDocument>) => Promise<T>): Promise<T> {
        const problems: string[] = [];
        try {
            const documents = await this.build(files, problems);
            if (problems.length > 0) {
                throw new Error(problems.join('\n'));
            }
            return await use(documents);
        } finally {
            await this.clear([]);
        }
    }

    /** The parser alone (lexer, parser with error recovery, value converter): the cheapest tier, run most. */
    parseOnly(text: string): ExerciseResult {
        const started = performance.now();
        const problems: string[] = [];
        const restoreConsole = captureConsole(problems);
        try {
            const result = attempt(problems, 'parse', () => this.services.DrPlan.parser.LangiumParser.parse(text));
            for (const error of result?.lexerErrors ?? []) {
                if (!Number.isInteger(error.offset) || error.offset < 0 || error.offset > text.length) {
                    problems.push(`lexer error at offset ${error.offset}, outside the text: ${error.message}`);
                }
            }
        } finally {
            restoreConsole();
        }
        const elapsedMs = performance.now() - started;
        if (elapsedMs > HANG_MS) {
            problems.push(`parsing took ${Math.round(elapsedMs)} ms (more than ${HANG_MS} ms: a hang or a blow-up)`);
        }
        return { problems, diagnostics: {}, elapsedMs };
    }

    private async build(files: Readonly<Record<string, string>>, problems: string[]): Promise<Map<string, LangiumDocument>> {
        const { LangiumDocumentFactory, LangiumDocuments, DocumentBuilder } = this.services.shared.workspace;
        const documents = new Map<string, LangiumDocument>();
        for (const [file, text] of Object.entries(files)) {
            const document = attempt(problems, `parse ${file}`, () =>
                LangiumDocumentFactory.fromString(text, URI.parse(`file:///fuzz/${encodeURIComponent(file)}`)));
            if (document) {
                LangiumDocuments.addDocument(document);
                documents.set(file, document);
            }
        }
        await attemptAsync(problems, 'build (link, validate)', () => DocumentBuilder.build([...documents.values()], { validation: true }));
        for (const [file, document] of documents) {
            if (document.state < DocumentState.Validated) {
                problems.push(`${file}: the build stopped at state ${DocumentState[document.state]}`);
            }
        }
        return documents;
    }

    private async clear(problems: string[]): Promise<void> {
        const uris = this.services.shared.workspace.LangiumDocuments.all.map(document => document.uri).toArray();
        await attemptAsync(problems, 'remove documents', () => this.services.shared.workspace.DocumentBuilder.update([], uris));
    }

    private async exerciseEditor(file: string, document: LangiumDocument, options: ExerciseOptions, problems: string[]): Promise<void> {
        const lsp = this.services.DrPlan.lsp;
        const textDocument = { uri: document.uri.toString() };
        const text = document.textDocument.getText();
        const where = (feature: string) => `${feature} in ${file}`;
        const source = this.services.shared.workspace.LangiumDocuments.all.map(other => other.textDocument.getText()).join('\n');

        const symbols = await attemptAsync(problems, where('document symbols'), () => lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument }));
        const symbolTexts = (list: DocumentSymbol[]): string[] => list.flatMap(symbol => [symbol.name, symbol.detail ?? '', ...symbolTexts(symbol.children ?? [])]);
        checkShownValues(where('document symbols'), symbolTexts(symbols ?? []).join('\n'), source, problems);
        await attemptAsync(problems, where('folding'), () => lsp.FoldingRangeProvider!.getFoldingRanges(document, { textDocument }));
        const lenses = await attemptAsync(problems, where('code lens'), () => lsp.CodeLensProvider!.provideCodeLens(document, { textDocument }));
        checkShownValues(where('code lens'), (lenses ?? []).map(lens => lens.command?.title ?? '').join('\n'), source, problems);
        const allDiagnostics = document.diagnostics ?? [];
        await attemptAsync(problems, where('code actions'), async () => {
            for (const diagnostic of allDiagnostics.slice(0, 20)) {
                const actions = await lsp.CodeActionProvider!.getCodeActions(document,
                    { textDocument, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
                checkShownValues(where('code actions'), (actions ?? []).map(action => action.title).join('\n'), source, problems);
                if (options.valid) {
                    this.checkQuickFixesKeepSyntax(diagnostic.code, actions ?? [], problems);
                }
            }
        });

        const edits = await attemptAsync(problems, where('formatting'), () =>
            lsp.Formatter!.formatDocument(document, { textDocument, options: formattingOptions }));
        if (edits) {
            const formatted = applyEdits(document, edits, where('formatting'), problems);
            if (formatted !== undefined && withoutWhitespace(formatted) !== withoutWhitespace(text)) {
                problems.push(`${where('formatting')} changed more than whitespace:\n${firstDifference(withoutWhitespace(text), withoutWhitespace(formatted))}`);
            }
            if (formatted !== undefined && options.valid) {
                await this.checkFormattingIsStable(file, formatted, problems);
            }
        }

        const offsets = (options.positions ?? []).map(offset => offset % (text.length + 1));
        for (const [index, offset] of offsets.entries()) {
            const position = document.textDocument.positionAt(offset);
            const at = `${where('')} at ${position.line + 1}:${position.character + 1}`;
            const params = { textDocument, position };
            const hover = await attemptAsync(problems, `hover${at}`, () => lsp.HoverProvider!.getHoverContent(document, params));
            checkShownValues(`hover${at}`, hover && MarkupContent.is(hover.contents) ? hover.contents.value : '', source, problems);
            if (index === 0) {
                // Completion re-parses the text up to the cursor: by far the dearest feature, asked once a file.
                await attemptAsync(problems, `completion${at}`, () => lsp.CompletionProvider!.getCompletion(document, params));
            }
            await attemptAsync(problems, `definition${at}`, () => lsp.DefinitionProvider!.getDefinition(document, params));
            await attemptAsync(problems, `references${at}`, () =>
                lsp.ReferencesProvider!.findReferences(document, { ...params, context: { includeDeclaration: true } }));
            await attemptAsync(problems, `highlight${at}`, () => lsp.DocumentHighlightProvider!.getDocumentHighlight(document, params));
            await attemptAsync(problems, `range formatting${at}`, () => lsp.Formatter!.formatDocumentRange(document,
                { textDocument, options: formattingOptions, range: { start: { line: position.line, character: 0 }, end: position } }));
            const renamable = await attemptAsync(problems, `prepare rename${at}`, () => lsp.RenameProvider!.prepareRename(document, params));
            if (renamable) {
                const oldName = document.textDocument.getText(renamable as Range);
                const edit = await attemptAsync(problems, `rename${at}`, () =>
                    lsp.RenameProvider!.rename(document, { ...params, newName: 'Renamed_by_fuzz' }));
                this.checkRename(oldName, edit?.changes ?? {}, `rename${at}`, problems);
            }
        }
    }

    /** A quick fix applied to a valid workspace leaves every file it edits free of syntax errors. */
    private checkQuickFixesKeepSyntax(code: unknown, actions: Array<Command | CodeAction>, problems: string[]): void {
        const { LangiumDocuments } = this.services.shared.workspace;
        for (const action of actions) {
            const changes = 'edit' in action ? action.edit?.changes ?? {} : {};
            for (const [uri, edits] of Object.entries(changes)) {
                const target = LangiumDocuments.getDocument(URI.parse(uri));
                const fixed = target && applyEdits(target, edits, `quick fix "${action.title}"`, problems);
                if (fixed === undefined) {
                    continue;
                }
                featureTimes.set('quick fixes applied (count)', (featureTimes.get('quick fixes applied (count)') ?? 0) + 1);
                const parsed = this.services.DrPlan.parser.LangiumParser.parse(fixed);
                const errors = [...parsed.lexerErrors.map(error => error.message), ...parsed.parserErrors.map(error => error.message)];
                if (errors.length > 0) {
                    problems.push(`quick fix "${action.title}" for ${String(code)} breaks the syntax: ${errors[0]}\n${firstDifference(target.textDocument.getText(), fixed)}`);
                }
            }
        }
    }

    /** Formatting a formatted valid document changes nothing. */
    private async checkFormattingIsStable(file: string, formatted: string, problems: string[]): Promise<void> {
        const document = this.services.shared.workspace.LangiumDocumentFactory.fromString(formatted,
            URI.parse(`file:///fuzz-formatted/${encodeURIComponent(file)}`));
        const edits = await attemptAsync(problems, `formatting twice ${file}`, () => this.services.DrPlan.lsp.Formatter!.formatDocument(document,
            { textDocument: { uri: document.uri.toString() }, options: formattingOptions }));
        const again = edits && applyEdits(document, edits, `formatting twice ${file}`, problems);
        if (again !== undefined && again !== formatted) {
            problems.push(`formatting ${file} twice gives another text:\n${firstDifference(formatted, again)}`);
        }
    }

    /** Every edit of a rename replaces exactly the old name. */
    private checkRename(oldName: string, changes: Record<string, TextEdit[]>, what: string, problems: string[]): void {
        const { LangiumDocuments } = this.services.shared.workspace;
        for (const [uri, edits] of Object.entries(changes)) {
            const target = LangiumDocuments.getDocument(URI.parse(uri));
            for (const edit of edits) {
                const replaced = target?.textDocument.getText(edit.range);
                if (replaced !== oldName) {
                    problems.push(`${what}: an edit replaces ${JSON.stringify(replaced)}, not the name ${JSON.stringify(oldName)}`);
                }
            }
        }
    }
}

function exerciseAnalysis(analysis: Analysis, problems: string[]): void {
    for (const finding of analysis.findings) {
        if (!codes.has(finding.code) || typeof finding.message !== 'string' || finding.message === '') {
            problems.push(`analysis finding without a known code or message: ${JSON.stringify(finding.code)} ${JSON.stringify(finding.message)}`);
        }
        for (const value of Object.values(finding.data ?? {})) {
            if (typeof value === 'number' && !Number.isFinite(value)) {
                problems.push(`finding ${finding.code} carries a number that is not finite: ${value}`);
            }
        }
    }
    for (const result of analysis.processes.values()) {
        for (const value of [result.worst.recoveryTime.value, result.recoveryPoint.value]) {
            if (typeof value !== 'number' || Number.isNaN(value) || value < 0) {
                problems.push(`${result.process.name}: a roll-up of ${value}`);
            }
        }
    }
    const losable: Element[] = [...analysis.model.sites, ...analysis.model.workloads, ...analysis.model.suppliers,
        ...analysis.model.people, ...analysis.model.equipment];
    attempt(problems, 'loss of everything at once', () => analysis.simulateLoss(losable));
    attempt(problems, 'loss of each site', () => analysis.model.sites.slice(0, 5).forEach(site => analysis.simulateLoss([site])));
}

async function exerciseMap(analysis: Analysis, layout: boolean, problems: string[]): Promise<void> {
    const map = attempt(problems, 'dependency map', () => buildDependencyMap(analysis));
    for (const process of analysis.model.processes.slice(0, 3)) {
        attempt(problems, `dependency map of ${process.name}`, () => {
            try {
                buildDependencyMap(analysis, { process: process.name });
            } catch (error) {
                // The documented user error (the name's first declaration is of another kind): `graph` exits 2 with it.
                if (!(error instanceof UnknownProcessError)) {
                    throw error;
                }
            }
        });
    }
    if (map && layout) {
        const laidOut = await attemptAsync(problems, 'map layout', () => layoutMap(map));
        const svg = laidOut && attempt(problems, 'map SVG', () => renderSvg(laidOut));
        if (svg !== undefined) {
            const markup = scanMarkup(svg);
            for (const active of activeContent(markup)) {
                problems.push(`the map SVG holds active content: ${active}`);
            }
            for (const offset of markup.strayBrackets) {
                problems.push(`the map SVG has an unescaped < in its text: ${JSON.stringify(svg.slice(offset, offset + 40))}`);
            }
        }
    }
}

/**
 * What a message shows when it prints a value that is not one: a missing value, a number past
 * 2^53 in JavaScript's notation, an object. Only a concern when the plan's own text has no such word.
 */
const NOT_A_VALUE = /\bundefined\b|\bnull\b|\bNaN\b|-?Infinity|\[object \w+\]|\d\.?\d*e[+-]\d+/g;

/** The values that are not values in `shownText`, less those the plan's own text (`source`) contains. */
export function notValuesShown(shownText: string, source: string): string[] {
    return [...shownText.matchAll(NOT_A_VALUE)].map(([value]) => value).filter(value => !source.includes(value));
}

function checkShownValues(what: string, shownText: string, source: string, problems: string[]): void {
    for (const value of notValuesShown(shownText, source)) {
        problems.push(`${what} shows ${value}`);
    }
}

function checkDiagnostics(file: string, document: LangiumDocument, valid: boolean, source: string, problems: string[]): void {
    const lineCount = document.textDocument.lineCount;
    for (const diagnostic of document.diagnostics ?? []) {
        const code = String(diagnostic.code);
        const shown = `${file}: diagnostic ${code} ${JSON.stringify(diagnostic.message)}`;
        if (!codes.has(code)) {
            problems.push(`${shown} has no drplan code`);
        }
        if (valid && codesNeverInValidInput.has(code)) {
            problems.push(`${shown} on a valid generated workspace`);
        }
        if (typeof diagnostic.message !== 'string' || diagnostic.message.trim() === '') {
            problems.push(`${shown} has no message`);
        } else if (/An error occurred|\n\s+at |Error:/.test(diagnostic.message)) {
            problems.push(`${shown} reports an internal error`);
        } else {
            checkShownValues(shown, diagnostic.message, source, problems);
        }
        if (![1, 2, 3].includes(diagnostic.severity ?? 0)) {
            problems.push(`${shown} has severity ${diagnostic.severity}`);
        }
        if (!isRangeWithin(diagnostic.range, lineCount)) {
            problems.push(`${shown} has a range outside the document: ${JSON.stringify(diagnostic.range)}`);
        }
        const element = (diagnostic.data as { element?: unknown } | undefined)?.element;
        if (element !== null && typeof element !== 'string') {
            problems.push(`${shown} has data.element ${JSON.stringify(element)}`);
        }
    }
}

function isRangeWithin(range: Range | undefined, lineCount: number): boolean {
    const valid = (position: Position | undefined) => position !== undefined && Number.isInteger(position.line)
        && Number.isInteger(position.character) && position.line >= 0 && position.character >= 0 && position.line < lineCount;
    return range !== undefined && valid(range.start) && valid(range.end)
        && (range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character));
}

function applyEdits(document: LangiumDocument, edits: TextEdit[], what: string, problems: string[]): string | undefined {
    const copy = TextDocument.create(document.uri.toString(), 'drplan', 0, document.textDocument.getText());
    return attempt(problems, `${what} (applying its edits)`, () => TextDocument.applyEdits(copy, edits));
}

const withoutWhitespace = (text: string) => text.replace(/\s+/g, '');

function firstDifference(before: string, after: string): string {
    let index = 0;
    while (index < before.length && before[index] === after[index]) {
        index++;
    }
    const around = (text: string) => JSON.stringify(text.slice(Math.max(0, index - 40), index + 40));
    return `  before: ${around(before)}\n  after:  ${around(after)}`;
}

/** The error's message and the top of its stack, the lines a bug report needs. */
export function describeError(error: unknown): string {
    if (!(error instanceof Error)) {
        return String(error);
    }
    const frames = (error.stack ?? '').split('\n').filter(line => /^\s+at /.test(line)).slice(0, 4).map(line => line.trim());
    return `${error.name}: ${error.message}${frames.length > 0 ? `\n    ${frames.join('\n    ')}` : ''}`;
}

function attempt<T>(problems: string[], what: string, run: () => T): T | undefined {
    try {
        return run();
    } catch (error) {
        problems.push(`${what} threw ${describeError(error)}`);
        return undefined;
    }
}

/** Time spent per feature (FUZZ_PROFILE=1 prints it after each property) to see where the budget goes. */
export const featureTimes = new Map<string, number>();

async function attemptAsync<T>(problems: string[], what: string, run: () => T | PromiseLike<T>): Promise<T | undefined> {
    const started = performance.now();
    try {
        return await run();
    } catch (error) {
        problems.push(`${what} threw ${describeError(error)}`);
        return undefined;
    } finally {
        const feature = what.replace(/ (in|at|of) .*$/s, '');
        featureTimes.set(feature, (featureTimes.get(feature) ?? 0) + performance.now() - started);
    }
}

/** Records console errors and warnings as problems: Langium logs the exceptions it turns into diagnostics. */
function captureConsole(problems: string[]): () => void {
    const { error, warn } = console;
    const record = (level: string) => (...args: unknown[]) => {
        problems.push(`console.${level}: ${args.map(arg => arg instanceof Error ? describeError(arg) : String(arg)).join(' ')}`);
    };
    console.error = record('error');
    console.warn = record('warn');
    return () => {
        console.error = error;
        console.warn = warn;
    };
}
