import { DocumentState, type LangiumDocument, type LangiumDocuments } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import { analyze } from '../analysis/analyze.js';
import { isValidDate, parseIsoDate, today } from '../analysis/date.js';
import type { Analysis, Finding } from '../analysis/types.js';
import type { DrPlanServices } from '../drplan-module.js';
import { PlanModelBuilder } from '../model/build-model.js';
import type { FailoverType, PlanModel } from '../model/plan-model.js';

/**
 * The one analysis of the workspace, computed at most once per build and shared by validation,
 * hover, code lens, code actions, the map and the CLI, so that they can never disagree.
 * The evaluation date is `setAsOf` (the CLI's --as-of), else the `drplan.asOf` setting, else today.
 */
export class WorkspaceAnalysis {
    private readonly documents: LangiumDocuments;
    private asOf?: Date;
    private configuredAsOf?: Date;
    private model?: PlanModel;
    /** Keeps the elements of unchanged documents from one build to the next. */
    private readonly modelBuilder = new PlanModelBuilder();
    /** Documents linked since the model was last built: only their links are made again. */
    private readonly relinked = new Set<string>();
    private readonly analyses = new Map<FailoverType, Analysis>();
    private findingsByUri?: Map<string, Finding[]>;

    constructor(services: DrPlanServices) {
        this.documents = services.shared.workspace.LangiumDocuments;
        const builder = services.shared.workspace.DocumentBuilder;
        const configuration = services.shared.workspace.ConfigurationProvider;
        builder.onUpdate(() => this.invalidate());
        builder.onDocumentPhase(DocumentState.Linked, document => {
            this.relinked.add(document.uri.toString());
        });
        // Every build that validates passes this phase after linking: start from fresh conclusions.
        builder.onBuildPhase(DocumentState.IndexedReferences, async () => {
            this.configuredAsOf = parseSetting(await configuration.getConfiguration('drplan', 'asOf'));
            this.invalidate();
        });
        configuration.onConfigurationSectionUpdate(update => {
            if (update.section !== 'drplan') {
                return;
            }
            const asOf = parseSetting(update.configuration?.asOf);
            if (asOf?.getTime() !== this.configuredAsOf?.getTime()) {
                this.configuredAsOf = asOf;
                this.invalidateConclusions();
                // Another evaluation date changes the conclusions about every document: validate them all again.
                void services.shared.workspace.WorkspaceLock.write(async cancelToken => {
                    for (const document of this.documents.all) {
                        if (document.state > DocumentState.IndexedReferences) {
                            builder.resetToState(document, DocumentState.IndexedReferences);
                        }
                    }
                    await builder.update([], [], cancelToken);
                });
            }
        });
    }

    /** Pins the evaluation date (undefined: the setting, or today). */
    setAsOf(date: Date | undefined): void {
        this.asOf = date;
        this.invalidateConclusions();
    }

    get evaluationDate(): Date {
        return this.asOf ?? this.configuredAsOf ?? today();
    }

    get planModel(): PlanModel {
        if (!this.model) {
            this.model = this.modelBuilder.build(this.documents.all.filter(isAnalysable), this.relinked);
            this.relinked.clear();
        }
        return this.model;
    }

    /** The analysis diagnostics use: the `unplanned` failover (the disaster case). */
    get analysis(): Analysis {
        return this.forFailover('unplanned');
    }

    /** The analysis for a failover type (runbooks can be compiled for any). */
    forFailover(failover: FailoverType): Analysis {
        let analysis = this.analyses.get(failover);
        if (!analysis) {
            analysis = analyze(this.planModel, { asOf: this.evaluationDate, failover });
            this.analyses.set(failover, analysis);
        }
        return analysis;
    }

    /** The analysis findings located in one document. */
    findingsFor(uri: string): readonly Finding[] {
        if (!this.findingsByUri) {
            this.findingsByUri = new Map();
            for (const finding of this.analysis.findings) {
                const list = this.findingsByUri.get(finding.location.uri);
                if (list) {
                    list.push(finding);
                } else {
                    this.findingsByUri.set(finding.location.uri, [finding]);
                }
            }
        }
        return this.findingsByUri.get(uri) ?? [];
    }

    /** The documents changed: the model and every conclusion drawn from it. */
    invalidate(): void {
        this.model = undefined;
        this.invalidateConclusions();
    }

    /** The options changed (the evaluation date): the conclusions, not the model. */
    private invalidateConclusions(): void {
        this.analyses.clear();
        this.findingsByUri = undefined;
    }
}

/** Documents whose AST can be analysed: parsed and linked (a build may be under way). */
function isAnalysable(document: LangiumDocument): boolean {
    return document.state >= DocumentState.Linked;
}

function parseSetting(value: unknown): Date | undefined {
    if (typeof value !== 'string' || value.trim() === '') {
        return undefined;
    }
    const date = parseIsoDate(value.trim());
    return isValidDate(date) ? date : undefined;
}

/** Turns a finding into an LSP diagnostic (the validator and the workspace refresh share this). */
export function findingToDiagnostic(finding: Finding): Diagnostic {
    return {
        range: finding.location.range,
        severity: finding.severity === 'error' ? 1 : finding.severity === 'warning' ? 2 : 3,
        code: finding.code,
        source: 'drplan',
        message: finding.message,
        data: { code: finding.code, element: finding.element, analysis: true, ...finding.data },
    };
}
