import { type Module, inject } from 'langium';
import { createDefaultModule, createDefaultSharedModule, type DefaultSharedModuleContext, type LangiumServices,
    type LangiumSharedServices, type PartialLangiumServices } from 'langium/lsp';
import { DrPlanGeneratedModule, DrPlanGeneratedSharedModule } from './generated/module.js';
import { DrPlanLspModule } from './lsp/lsp-module.js';
import { DrPlanValueConverter } from './parser/value-converter.js';
import { DrPlanScopeComputation } from './references/scope-computation.js';
import { DrPlanValidator, registerValidationChecks } from './validation/drplan-validator.js';

/** The services drplan adds to Langium's. */
export type DrPlanAddedServices = {
    validation: {
        DrPlanValidator: DrPlanValidator;
    };
};

export type DrPlanServices = LangiumServices & DrPlanAddedServices;

export const DrPlanModule: Module<DrPlanServices, PartialLangiumServices & DrPlanAddedServices> = {
    parser: {
        ValueConverter: () => new DrPlanValueConverter(),
    },
    references: {
        ScopeComputation: (services) => new DrPlanScopeComputation(services),
    },
    validation: {
        DrPlanValidator: (services) => new DrPlanValidator(services),
    },
};

/**
 * Creates the shared services and the drplan language services, and registers the language with
 * the shared service registry. The CLI passes `NodeFileSystem`, tests pass `EmptyFileSystem`.
 */
export function createDrPlanServices(context: DefaultSharedModuleContext): {
    shared: LangiumSharedServices;
    DrPlan: DrPlanServices;
} {
    const shared = inject(createDefaultSharedModule(context), DrPlanGeneratedSharedModule);
    const DrPlan = inject(createDefaultModule({ shared }), DrPlanGeneratedModule, DrPlanModule, DrPlanLspModule);
    shared.ServiceRegistry.register(DrPlan);
    registerValidationChecks(DrPlan);
    if (!context.connection) {
        // Without a language server nothing triggers the configuration's initial state.
        shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, DrPlan };
}
