import { existsSync, realpathSync } from 'node:fs';
import * as path from 'node:path';
import { type AstNode, DocumentState, isOperationCancelled, type LangiumDocument, URI, UriUtils } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { type CancellationToken, ErrorCodes, LSPErrorCodes, RequestType0, ResponseError } from 'vscode-languageserver';
import { formatIsoDate } from '../analysis/date.js';
import { lossOutcome } from '../analysis/loss-outcome.js';
import type { Analysis, Finding } from '../analysis/types.js';
import type { DrPlanServices } from '../drplan-module.js';
import { isProcess } from '../generated/ast.js';
import { buildDependencyMap, statusOf, UnknownProcessError, workspaceMapSize } from '../graph/dependency-map.js';
import { FAILOVER_TYPES, type Element, type ElementKind, type FailoverType, plainLocation }
    from '../model/plan-model.js';
import { buildRunbook, type RunbookGap, RunbookPlanError } from '../runbook/build-runbook.js';
import { compareDiagnosticRecords, toDiagnosticRecord } from '../workspace/diagnostic-records.js';
import { runbookDependencyMap, renderRunbookHtml } from '../runbook/html.js';
import { renderRunbookMarkdown } from '../runbook/markdown.js';
import {
    DependencyMapRequest, type LaidOutMap, type LossCandidate, LossCandidatesRequest, ModelChangedNotification,
    type ModelChangedParams, PlansRequest, type PlanSummary, type PreviewMapParams, type PreviewMapResult, type ProcessSummary,
    type RunbookParams, RunbookRequest, type RunbookResult, type SimulatedProcessLoss, type SimulateLossParams, SimulateLossRequest,
    type SimulateLossResult,
} from '../protocol.js';
import { LayoutAbandoned, MapLayout } from './map-layout.js';

/*
 * The server side of the map preview and of the loss simulation: custom LSP requests over the one
 * workspace analysis, and the debounced `drplan/modelChanged` notification that tells the preview
 * to ask again.
 */

export const DEFAULT_MAX_NODES = 300;

const LOSABLE_KINDS: ReadonlySet<ElementKind> = new Set(['site', 'workload', 'supplier', 'person', 'equipment']);

/** The preview asks again after a burst of changes has gone quiet, and at least this often while it lasts. */
const QUIET_MS = 130;
const MAX_WAIT_MS = 400;

export interface MapRequestOptions {
    /**
     * The layout worker script (by default the one beside the server's launcher, see
     * `layoutWorkerBesideServer`); `false` lays maps out in the server's own thread.
     */
    layoutWorker?: string | false;
}

/**
 * Registers the map and loss requests on the language server's connection, and sends
 * `drplan/modelChanged` after each build. Does nothing without a connection (the CLI).
 */
export function registerMapRequest(shared: LangiumSharedServices, services: DrPlanServices, options: MapRequestOptions = {}): void {
    const connection = shared.lsp.Connection;
    if (!connection) {
        return;
    }
    const builder = shared.workspace.DocumentBuilder;
    const documents = shared.workspace.LangiumDocuments;
    const workspaceAnalysis = services.analysis.WorkspaceAnalysis;
    const cache = new Map<string, Promise<LaidOutMap>>();
    const layoutWorker = options.layoutWorker ?? layoutWorkerBesideServer();
    const layout = new MapLayout(layoutWorker);
    // A runbook's map has a worker of its own: the runbook is compiled from one state of the workspace,
    // and an edit while its map is laid out must not abandon it (the preview's maps are abandoned).
    const runbookLayout = new MapLayout(layoutWorker);

    const notifier = new DebouncedNotifier(uris => {
        const params: ModelChangedParams = uris.length > 0 ? { uris } : {};
        void connection.sendNotification(ModelChangedNotification, params);
    });
    builder.onUpdate(() => {
        cache.clear();
        // A layout under way is of a model that no longer exists.
        layout.abandon();
    });
    // Linked is enough for the analysis; the initial build of the workspace does not validate.
    builder.onBuildPhase(DocumentState.IndexedReferences, built => {
        notifier.schedule(built.map(document => document.uri.toString()));
    });
    shared.workspace.ConfigurationProvider.onConfigurationSectionUpdate(update => {
        if (update.section === 'drplan') {
            cache.clear();
            notifier.schedule([]);
        }
    });

    /** The analysis of a linked workspace: never of one half-way through linking. */
    const analysisFor = async (failover: FailoverType | undefined, token: CancellationToken): Promise<Analysis> => {
        await shared.workspace.WorkspaceManager.ready;
        await builder.waitUntil(DocumentState.IndexedReferences, token);
        return workspaceAnalysis.forFailover(failover && FAILOVER_TYPES.includes(failover) ? failover : 'unplanned');
    };

    /** Validates the documents no build has validated yet (the initial build does not), for their diagnostics. */
    const validateWorkspace = async (token: CancellationToken): Promise<void> => {
        await shared.workspace.WorkspaceManager.ready;
        if (documents.all.some(document => document.state < DocumentState.Validated)) {
            await shared.workspace.WorkspaceLock.write(lockToken => builder.update([], [], lockToken));
        }
        await builder.waitUntil(DocumentState.Validated, token);
    };

    connection.onRequest(DependencyMapRequest, async (params: PreviewMapParams, token: CancellationToken):
        Promise<PreviewMapResult> => {
        params = objectParams(params);
        const analysis = await cancellable(() => analysisFor(params.failover, token));
        const processes = processSummaries(analysis);
        const base = { processes, failover: analysis.options.failover, asOf: formatIsoDate(analysis.options.asOf) };
        const maxNodes = typeof params.maxNodes === 'number' && params.maxNodes > 0 ? params.maxNodes : DEFAULT_MAX_NODES;

        let focus: string | undefined;
        const focused = params.scope === 'process' || (params.scope === undefined && params.process !== undefined);
        if (focused) {
            const around = params.uri && params.position ? processAt(documents, params.uri, params.position) : undefined;
            focus = around ?? params.process;
            if (focus === undefined || !processes.some(process => process.name === focus)) {
                // No process under the cursor and none before it (or it was deleted): the preview offers the list.
                return { ...base, map: emptyMap() };
            }
        }
        // The whole workspace over the limit: its size is known without building a map nobody will see.
        const size = focus === undefined ? workspaceMapSize(analysis.model) : 0;
        if (size > maxNodes) {
            return { ...base, map: emptyMap(), truncated: { nodes: size, max: maxNodes } };
        }
        let map;
        try {
            map = buildDependencyMap(analysis, focus !== undefined ? { process: focus } : {});
        } catch (error) {
            if (error instanceof UnknownProcessError) {
                return { ...base, map: emptyMap() };
            }
            throw error;
        }
        if (map.nodes.length > maxNodes) {
            return { ...base, map: { ...emptyMap(), ...(focus !== undefined ? { focus } : {}) },
                truncated: { nodes: map.nodes.length, max: maxNodes } };
        }
        if (token.isCancellationRequested) {
            throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The map request was cancelled');
        }
        // Moving the cursor within one process asks for the same map: lay it out once per build.
        const key = `${analysis.options.failover}|${focus ?? ''}`;
        let laidOut = cache.get(key);
        if (!laidOut) {
            laidOut = layout.layout(map);
            cache.set(key, laidOut);
            laidOut.catch(() => cache.delete(key));
        }
        try {
            return { ...base, map: await laidOut };
        } catch (error) {
            if (error instanceof LayoutAbandoned) {
                throw new ResponseError(LSPErrorCodes.ContentModified, 'The workspace changed while the map was laid out');
            }
            throw error;
        }
    });

    connection.onRequest(new RequestType0<LossCandidate[], void>(LossCandidatesRequest), async (token: CancellationToken): Promise<LossCandidate[]> => {
        const analysis = await cancellable(() => analysisFor('unplanned', token));
        const spofFor = new Map(analysis.spofs.map(spof =>
            [spof.element.name, spof.processes.map(entry => entry.process.name)]));
        return analysis.model.elements
            .filter(element => LOSABLE_KINDS.has(element.kind) && analysis.model.byName.get(element.name) === element)
            .map(element => {
                const candidate: LossCandidate = { name: element.name, kind: element.kind, spofFor: spofFor.get(element.name) ?? [] };
                if (element.title !== undefined) candidate.title = element.title;
                return candidate;
            });
    });

    connection.onRequest(new RequestType0<PlanSummary[], void>(PlansRequest), async (token: CancellationToken) => {
        const analysis = await cancellable(() => analysisFor('unplanned', token));
        return analysis.model.plans
            .filter(plan => analysis.model.byName.get(plan.name) === plan)
            .map(plan => plan.title !== undefined ? { name: plan.name, title: plan.title } : { name: plan.name });
    });

    connection.onRequest(RunbookRequest, async (params: RunbookParams, token: CancellationToken): Promise<RunbookResult> => {
        params = objectParams(params);
        await cancellable(() => validateWorkspace(token));
        const analysis = await cancellable(() => analysisFor(params.failover, token));
        // The gaps are the diagnostics as `drplan check` lists them; they, and the map's colours, evaluate the unplanned failover.
        const gaps = workspaceGaps(documents.all.toArray(), shared.workspace.WorkspaceManager.workspaceFolders ?? []);
        let runbook;
        try {
            runbook = buildRunbook(analysis, { plan: params.plan, gaps });
        } catch (error) {
            if (error instanceof RunbookPlanError) {
                throw new ResponseError(ErrorCodes.InvalidParams, error.message);
            }
            throw error;
        }
        const content = params.format === 'html'
            ? renderRunbookHtml(runbook, {
                dependencyMap: await runbookDependencyMap(workspaceAnalysis.analysis, runbook.plan, map => runbookLayout.layout(map)),
            })
            : renderRunbookMarkdown(runbook);
        return { plan: runbook.plan, content };
    });

    connection.onRequest(SimulateLossRequest, async (params: SimulateLossParams, token: CancellationToken):
        Promise<SimulateLossResult> => {
        params = objectParams(params);
        const analysis = await cancellable(() => analysisFor(params.failover, token));
        const names = Array.isArray(params.elements) ? params.elements.filter(name => typeof name === 'string') : [];
        const lost: Element[] = [];
        const unknown: string[] = [];
        for (const name of new Set(names)) {
            const element = analysis.model.byName.get(name);
            if (element) {
                lost.push(element);
            } else {
                unknown.push(name);
            }
        }
        const losses = analysis.simulateLoss(lost);
        return {
            lost: lost.map(element => ({ name: element.name, kind: element.kind })),
            unknown,
            asOf: formatIsoDate(analysis.options.asOf),
            processes: losses.map(loss => {
                const result = analysis.processes.get(loss.process);
                const time = loss.recoverable ? result?.worst.recoveryTime : undefined;
                const recoveryTime = time ? { value: time.value, complete: time.complete } : undefined;
                const entry: SimulatedProcessLoss = {
                    name: loss.process.name,
                    criticality: result?.criticality ?? loss.process.criticality ?? 'medium',
                    recoverable: loss.recoverable,
                    strandedBy: [...loss.strandedBy],
                    outcome: lossOutcome({ ...loss, recoveryTime, rto: loss.process.rto }),
                    location: plainLocation(loss.process.location),
                };
                if (loss.process.title !== undefined) entry.title = loss.process.title;
                if (recoveryTime) entry.recoveryTime = recoveryTime;
                if (loss.process.rto !== undefined) entry.rto = loss.process.rto;
                return entry;
            }),
        };
    });
}

/** Turns Langium's cancellation of a wait into the LSP's `RequestCancelled` answer. */
async function cancellable<T>(run: () => Promise<T>): Promise<T> {
    try {
        return await run();
    } catch (error) {
        if (isOperationCancelled(error)) {
            throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled');
        }
        throw error;
    }
}

/**
 * The diagnostics of every document as the runbook lists its gaps: paths relative to their workspace
 * folder, 1-based positions, sorted by file and position, as `drplan check` reports them.
 */
function workspaceGaps(all: readonly LangiumDocument[], folders: ReadonlyArray<{ uri: string }>): RunbookGap[] {
    const gaps = all.flatMap(document => {
        const uri = document.uri.toString();
        const folder = folders.find(candidate => uri.startsWith(candidate.uri.endsWith('/') ? candidate.uri : `${candidate.uri}/`));
        const file = folder ? UriUtils.relative(URI.parse(folder.uri), document.uri) : document.uri.path;
        return (document.diagnostics ?? []).map(diagnostic => toDiagnosticRecord(diagnostic, file));
    });
    return gaps.sort(compareDiagnosticRecords);
}

function emptyMap(): LaidOutMap {
    return { nodes: [], edges: [], containers: [], width: 0, height: 0 };
}

function processSummaries(analysis: Analysis): ProcessSummary[] {
    const findings = new Map<string, Finding[]>();
    for (const finding of analysis.findings) {
        if (finding.element !== null) {
            findings.set(finding.element, [...(findings.get(finding.element) ?? []), finding]);
        }
    }
    const spofs = new Set(analysis.spofs.map(spof => spof.element.name));
    return analysis.model.processes
        .filter(process => analysis.model.byName.get(process.name) === process)
        .map(process => {
            const summary: ProcessSummary = {
                name: process.name,
                status: statusOf(findings.get(process.name) ?? [], spofs.has(process.name), false),
                location: process.location,
            };
            if (process.title !== undefined) summary.title = process.title;
            return summary;
        });
}

/** The name of the process declaration that holds `position` in the document `uri`, if any. */
export function processAt(documents: { getDocument(uri: URI): LangiumDocument | undefined }, uri: string,
    position: { line: number; character: number }): string | undefined {
    let document: LangiumDocument | undefined;
    try {
        document = documents.getDocument(URI.parse(uri));
    } catch {
        return undefined;
    }
    if (!document) {
        return undefined;
    }
    const offset = document.textDocument.offsetAt(position);
    const declarations = (document.parseResult.value as AstNode & { declarations?: AstNode[] }).declarations ?? [];
    const around = declarations.find(node => node.$cstNode && node.$cstNode.offset <= offset && offset <= node.$cstNode.end);
    return around && isProcess(around) && around.name ? around.name : undefined;
}

/**
 * The layout worker beside the server's launcher: dist/layout-worker.cjs beside the extension's bundle
 * (dist/server.cjs), bin/layout-worker.js beside `drplan-language-server`; none elsewhere (tests).
 * The launcher's real path: an npm-installed command is a symbolic link in another folder.
 */
function layoutWorkerBesideServer(): string | false {
    const launcher = process.argv[1] && existsSync(process.argv[1]) ? realpathSync(process.argv[1]) : undefined;
    const folder = launcher ? path.dirname(launcher) : undefined;
    const script = folder && ['layout-worker.cjs', 'layout-worker.js'].map(name => path.join(folder, name)).find(existsSync);
    return script ?? false;
}

/**
 * Sends once a burst of builds has been quiet for QUIET_MS, and at least every MAX_WAIT_MS while
 * the burst goes on (typing), as LikeC4 does for its model-changed notification.
 */
class DebouncedNotifier {
    private quiet?: ReturnType<typeof setTimeout>;
    private deadline?: ReturnType<typeof setTimeout>;
    private readonly uris = new Set<string>();

    constructor(private readonly send: (uris: string[]) => void) {}

    schedule(uris: readonly string[]): void {
        uris.forEach(uri => this.uris.add(uri));
        clearTimeout(this.quiet);
        this.quiet = setTimeout(() => this.flush(), QUIET_MS);
        this.deadline ??= setTimeout(() => this.flush(), MAX_WAIT_MS);
    }

    private flush(): void {
        clearTimeout(this.quiet);
        clearTimeout(this.deadline);
        this.quiet = undefined;
        this.deadline = undefined;
        const uris = [...this.uris];
        this.uris.clear();
        this.send(uris);
    }
}

/** Request parameters from the client: an object, or an `InvalidParams` error (never a TypeError). */
function objectParams<T>(params: T): T {
    if (typeof params !== 'object' || params === null || Array.isArray(params)) {
        throw new ResponseError(ErrorCodes.InvalidParams, 'The request needs an object of parameters');
    }
    return params;
}
