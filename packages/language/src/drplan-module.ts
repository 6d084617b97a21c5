import { inject, type LangiumProfiler, type Module } from 'langium';
import { createDefaultModule, createDefaultSharedModule, type DefaultSharedModuleContext, type LangiumServices,
    type LangiumSharedServices, type PartialLangiumServices, type PartialLangiumSharedServices } from 'langium/lsp';
import { DrPlanGeneratedModule, DrPlanGeneratedSharedModule } from './generated/module.js';
import { DrPlanLspModule, DrPlanSharedLspModule } from './lsp/lsp-module.js';
import { DrPlanValueConverter } from './parser/value-converter.js';
import { DrPlanLinker } from './references/linker.js';
import { DrPlanReferenceDescriptionProvider, NoReferenceIndex } from './references/reference-descriptions.js';
import { DrPlanScopeComputation } from './references/scope-computation.js';
import { DrPlanScopeProvider } from './references/scope-provider.js';
import { DrPlanDocumentValidator } from './validation/document-validator.js';
import { DrPlanValidator, registerValidationChecks } from './validation/drplan-validator.js';
import { refreshFindingsOfUnchangedDocuments } from './workspace/findings-refresh.js';
import { WorkspaceAnalysis } from './workspace/workspace-analysis.js';
import { DrPlanConfigurationProvider } from './workspace/configuration.js';
import { DrPlanDocumentFactory } from './workspace/document-factory.js';
import { DrPlanDocumentBuilder } from './workspace/document-builder.js';
import { DrPlanIndexManager } from './workspace/index-manager.js';
import { DrPlanWorkspaceManager } from './workspace/workspace-manager.js';

/** The services drplan adds to Langium's. */
export type DrPlanAddedServices = {
    validation: {
        DrPlanValidator: DrPlanValidator;
    };
    analysis: {
        WorkspaceAnalysis: WorkspaceAnalysis;
    };
};

export type DrPlanServices = LangiumServices & DrPlanAddedServices;

export const DrPlanModule: Module<DrPlanServices, PartialLangiumServices & DrPlanAddedServices> = {
    parser: {
        ValueConverter: () => new DrPlanValueConverter(),
    },
    references: {
        ScopeComputation: (services) => new DrPlanScopeComputation(services),
        Linker: (services) => new DrPlanLinker(services),
        ScopeProvider: (services) => new DrPlanScopeProvider(services),
    },
    validation: {
        DrPlanValidator: () => new DrPlanValidator(),
        DocumentValidator: (services) => new DrPlanDocumentValidator(services),
    },
    workspace: {
        ReferenceDescriptionProvider: (services) => new DrPlanReferenceDescriptionProvider(services),
    },
    analysis: {
        WorkspaceAnalysis: (services) => new WorkspaceAnalysis(services),
    },
};

/** Shared services: documents over the size limit are skipped with a diagnostic; settings from any client. */
export const DrPlanSharedModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    workspace: {
        LangiumDocumentFactory: (services) => new DrPlanDocumentFactory(services),
        ConfigurationProvider: (services) => new DrPlanConfigurationProvider(services),
        WorkspaceManager: (services) => new DrPlanWorkspaceManager(services),
        IndexManager: (services) => new DrPlanIndexManager(services),
        DocumentBuilder: (services) => new DrPlanDocumentBuilder(services),
    },
};

export interface DrPlanServicesOptions {
    /**
     * Whether to index who refers to what (default true): the language server needs it to relink
     * after an edit and for find references and rename; a one-off build such as the CLI's does not.
     */
    referenceIndex?: boolean;
    /**
     * Langium's profiler, for the parsing, linking and validation it times by grammar rule,
     * reference and node type (`scripts/bench/langium-profile.mjs`); none by default.
     */
    profiler?: LangiumProfiler;
}

const WithoutReferenceIndex: Module<DrPlanServices, PartialLangiumServices> = {
    workspace: {
        ReferenceDescriptionProvider: () => new NoReferenceIndex(),
    },
};

/**
 * Creates the shared services and the drplan language services, and registers the language with
 * the shared service registry. The CLI passes `NodeFileSystem`, tests pass `EmptyFileSystem`.
 */
export function createDrPlanServices(context: DefaultSharedModuleContext, options: DrPlanServicesOptions = {}): {
    shared: LangiumSharedServices;
    DrPlan: DrPlanServices;
} {
    const shared = inject(createDefaultSharedModule(context), DrPlanGeneratedSharedModule, DrPlanSharedModule,
        DrPlanSharedLspModule, { profilers: { LangiumProfiler: () => options.profiler } });
    const DrPlan = inject(createDefaultModule({ shared }), DrPlanGeneratedModule, DrPlanModule, DrPlanLspModule,
        options.referenceIndex === false ? WithoutReferenceIndex : {});
    shared.ServiceRegistry.register(DrPlan);
    registerValidationChecks(DrPlan);
    // Created eagerly: it listens to the document builder from the first build on.
    void DrPlan.analysis.WorkspaceAnalysis;
    refreshFindingsOfUnchangedDocuments(DrPlan);
    if (context.connection) {
        // Conclusions are workspace-wide: the first build validates every file, so the Problems panel
        // shows every gap from the start, not only those of the files opened.
        shared.workspace.WorkspaceManager.initialBuildOptions = { validation: true };
    } else {
        // Without a language server nothing triggers the configuration's initial state.
        shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, DrPlan };
}
