import * as vscode from 'vscode';
import { type LanguageClient, LSPErrorCodes } from 'vscode-languageclient/node';
import { DependencyMapRequest, type LaidOutMap, type MapLocation, type PreviewMapParams, type PreviewMapResult }
    from '../../../language/src/protocol.js';
import { previewSettings } from '../settings.js';
import { type MapMessage, parsePreviewState, parseWebviewMessage, type PreviewState, type ToWebviewMessage }
    from './messages.js';
import { previewHtml, previewOptions } from './preview-html.js';

export const PREVIEW_VIEW_TYPE = 'drplan.preview';

/** How long the cursor rests before the process-under-cursor map follows it. */
const CURSOR_DELAY_MS = 200;

/**
 * The dependency-map preview: one webview panel that follows the active .drplan editor, asks the
 * language server for the laid-out map when the webview wants it, and reveals declarations on click.
 */
export class DependencyMapPreview implements vscode.Disposable {
    private panel?: vscode.WebviewPanel;
    private panelDisposables: vscode.Disposable[] = [];
    private readonly disposables: vscode.Disposable[] = [];
    private state: PreviewState = { scope: 'workspace' };
    /** The map the webview shows: the only source of locations for `reveal`. */
    private shown?: LaidOutMap;
    private pending?: vscode.CancellationTokenSource;
    private cursorTimer?: ReturnType<typeof setTimeout>;

    constructor(
        private readonly extensionUri: vscode.Uri,
        private readonly client: LanguageClient,
        private readonly clientReady: Promise<void>,
        private readonly output: vscode.OutputChannel,
    ) {
        this.disposables.push(
            vscode.window.onDidChangeActiveTextEditor(editor => {
                if (editor && isDrPlan(editor.document)) {
                    this.state.uri = editor.document.uri.toString();
                    if (this.state.scope === 'process') {
                        void this.refresh();
                    }
                }
            }),
            vscode.window.onDidChangeTextEditorSelection(event => {
                if (this.panel && this.state.scope === 'process' && isDrPlan(event.textEditor.document)) {
                    this.state.uri = event.textEditor.document.uri.toString();
                    clearTimeout(this.cursorTimer);
                    this.cursorTimer = setTimeout(() => void this.refresh(), CURSOR_DELAY_MS);
                }
            }),
            vscode.workspace.onDidChangeConfiguration(event => {
                if (this.panel && event.affectsConfiguration('drplan')) {
                    // After the language client has sent the new settings to the server (the as-of date).
                    setTimeout(() => void this.refresh(), 100);
                }
            }),
        );
    }

    /** Opens the preview (or brings it forward) for the active .drplan editor. */
    open(column: vscode.ViewColumn): void {
        const editor = vscode.window.activeTextEditor;
        if (editor && isDrPlan(editor.document)) {
            this.state.uri = editor.document.uri.toString();
        }
        if (this.panel) {
            this.panel.reveal(column, true);
            return;
        }
        const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, 'Dependency Map',
            { viewColumn: column, preserveFocus: true }, previewOptions(this.extensionUri));
        this.attach(panel);
    }

    /** Takes over a panel VS Code restored after a reload, with the state its webview saved. */
    restore(panel: vscode.WebviewPanel, saved: unknown): void {
        this.panel?.dispose();
        const state = parsePreviewState(saved);
        this.state = { ...this.state, scope: state.scope, process: state.process, uri: state.uri ?? this.state.uri };
        panel.webview.options = previewOptions(this.extensionUri);
        this.attach(panel);
    }

    /**
     * Before a command opens a picker or a dialog: when the map has the focus, give it to the followed
     * editor first. VS Code hands the focus back to the map's webview 50 ms after the command palette
     * closes, asynchronously; a picker that opened in between lost the focus to it and closed at once.
     */
    async leaveFocus(): Promise<void> {
        const document = this.panel?.active && this.state.uri
            ? vscode.workspace.textDocuments.find(candidate => candidate.uri.toString() === this.state.uri) : undefined;
        if (!document) {
            return;
        }
        const column = vscode.window.visibleTextEditors.find(editor => editor.document === document)?.viewColumn;
        await vscode.window.showTextDocument(document, { viewColumn: column, preserveFocus: false });
    }

    /** The server's model changed: tell the webview, which pulls a fresh map when it can draw it. */
    modelChanged(): void {
        void this.post({ type: 'modelChanged' });
    }

    dispose(): void {
        this.panel?.dispose();
        this.disposables.forEach(disposable => disposable.dispose());
    }

    private attach(panel: vscode.WebviewPanel): void {
        this.panel = panel;
        this.shown = undefined;
        panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'icons', 'drplan-file.svg');
        panel.webview.html = previewHtml(panel.webview, this.extensionUri);
        this.updateTitle();
        this.panelDisposables.push(
            panel.webview.onDidReceiveMessage(message => this.receive(message)),
            panel.onDidDispose(() => {
                if (this.panel === panel) {
                    this.panel = undefined;
                    this.shown = undefined;
                    this.pending?.cancel();
                    this.panelDisposables.forEach(disposable => disposable.dispose());
                    this.panelDisposables = [];
                }
            }),
        );
    }

    private receive(raw: unknown): void {
        const message = parseWebviewMessage(raw);
        if (!message) {
            this.output.appendLine('Preview: ignored a malformed message from the webview.');
            return;
        }
        switch (message.type) {
            case 'ready':
            case 'refresh':
                void this.refresh();
                break;
            case 'scope':
                this.state.scope = message.scope;
                void this.refresh();
                break;
            case 'focus':
                this.state.scope = 'process';
                this.state.process = message.process;
                void this.refresh(false);
                break;
            case 'reveal':
                void this.reveal(message.element);
                break;
        }
    }

    /** Asks the server for the map and hands it to the webview; a newer request supersedes an older one. */
    private async refresh(followCursor = true): Promise<void> {
        if (!this.panel) {
            return;
        }
        this.pending?.cancel();
        const pending = new vscode.CancellationTokenSource();
        this.pending = pending;
        const settings = previewSettings();
        const params: PreviewMapParams = { scope: this.state.scope, failover: settings.failover, maxNodes: settings.maxNodes };
        if (this.state.uri) {
            params.uri = this.state.uri;
        }
        if (this.state.scope === 'process') {
            if (this.state.process) {
                params.process = this.state.process;
            }
            // The followed editor, even when the preview has the focus (then there is no active text editor).
            const editor = vscode.window.visibleTextEditors.find(visible => visible.document.uri.toString() === this.state.uri);
            if (followCursor && editor) {
                params.position = { line: editor.selection.active.line, character: editor.selection.active.character };
            }
        }
        try {
            await this.clientReady;
            const result = await this.client.sendRequest<PreviewMapResult>(DependencyMapRequest, params, pending.token);
            if (pending.token.isCancellationRequested || !this.panel) {
                return;
            }
            this.shown = result.map;
            if (result.map.focus) {
                this.state.process = result.map.focus;
            }
            this.updateTitle();
            const message: MapMessage = {
                type: 'map', map: result.map, scope: this.state.scope, processes: result.processes,
                failover: result.failover, asOf: result.asOf,
            };
            if (result.truncated) message.truncated = result.truncated;
            if (this.state.uri) message.uri = this.state.uri;
            await this.post(message);
        } catch (error) {
            // Cancelled, or outdated by an edit (ContentModified): the model-changed notification brings the next map.
            if (pending.token.isCancellationRequested || isOutdated(error)) {
                return;
            }
            const reason = error instanceof Error ? error.message : String(error);
            this.output.appendLine(`Preview: the dependency map could not be computed: ${reason}`);
            await this.post({ type: 'error', message: `The dependency map could not be computed: ${reason}` });
        }
    }

    /** Opens the declaration of an element of the map the webview shows (never a location the webview sent). */
    private async reveal(element: string): Promise<void> {
        const location = this.locationOf(element);
        if (!location) {
            return;
        }
        const uri = vscode.Uri.parse(location.uri, true);
        const range = new vscode.Range(location.range.start.line, location.range.start.character,
            location.range.end.line, location.range.end.character);
        const visible = vscode.window.visibleTextEditors.find(editor => editor.document.uri.toString() === uri.toString());
        const beside = vscode.window.visibleTextEditors.find(editor => isDrPlan(editor.document));
        const column = visible?.viewColumn ?? beside?.viewColumn
            ?? (this.panel?.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
        try {
            await this.untilActive();
            const editor = await vscode.window.showTextDocument(uri, { viewColumn: column, preserveFocus: false });
            // The name selected, the cursor at its start: where go-to-definition would land.
            editor.selection = new vscode.Selection(range.end, range.start);
            editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
        } catch (error) {
            const reason = error instanceof Error ? error.message : String(error);
            void vscode.window.showErrorMessage(`DR Plan: cannot open the declaration of ${element}: ${reason}`);
        }
    }

    /**
     * A click moves the focus into the webview, and VS Code notices it by polling (every 250 ms) and then
     * makes the map's group active. Had the editor been shown before that, the map's group would take
     * over again: the cursor in the declaration, but the map active and no line and column in the status
     * bar. So the editor is shown once VS Code has made the map active (at most a second's wait).
     */
    private untilActive(): Promise<void> {
        const panel = this.panel;
        if (!panel || panel.active) {
            return Promise.resolve();
        }
        return new Promise(resolve => {
            const done = () => {
                clearTimeout(timer);
                listener.dispose();
                resolve();
            };
            const listener = panel.onDidChangeViewState(event => {
                if (event.webviewPanel.active) {
                    done();
                }
            });
            const timer = setTimeout(done, 1000);
        });
    }

    private locationOf(element: string): MapLocation | undefined {
        const map = this.shown;
        if (!map) {
            return undefined;
        }
        return map.nodes.find(node => node.id === element)?.location
            ?? map.containers.find(container => container.id === element)?.location;
    }

    private updateTitle(): void {
        if (this.panel) {
            this.panel.title = this.state.scope === 'process' && this.state.process
                ? `Dependency Map: ${this.state.process}` : 'Dependency Map';
        }
    }

    private async post(message: ToWebviewMessage): Promise<void> {
        // A hidden webview without retained context drops messages; it asks again ('ready') when shown.
        if (this.panel?.visible) {
            await this.panel.webview.postMessage(message);
        }
    }
}

function isOutdated(error: unknown): boolean {
    const code = (error as { code?: unknown } | undefined)?.code;
    return code === LSPErrorCodes.ContentModified || code === LSPErrorCodes.RequestCancelled;
}

function isDrPlan(document: vscode.TextDocument): boolean {
    return document.languageId === 'drplan';
}
