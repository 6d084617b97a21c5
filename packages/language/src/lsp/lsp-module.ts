import type { Module } from 'langium';
import type { LangiumSharedServices, PartialLangiumServices, PartialLangiumSharedServices } from 'langium/lsp';
import type { DrPlanServices } from '../drplan-module.js';
import { DrPlanCodeActionProvider } from './code-actions.js';
import { DrPlanCodeLensProvider } from './code-lens.js';
import { DrPlanCompletionProvider } from './completion.js';
import { DrPlanDocumentSymbolProvider } from './document-symbols.js';
import { DrPlanFoldingRangeProvider } from './folding.js';
import { DrPlanFormatter } from './formatter.js';
import { DrPlanHoverProvider } from './hover.js';
import { DrPlanNodeKindProvider } from './node-kinds.js';
import { DrPlanRenameProvider } from './rename.js';

/** The editor features drplan adds to Langium's defaults (formatting, hover, code lens, …). */
export const DrPlanLspModule: Module<DrPlanServices, PartialLangiumServices> = {
    lsp: {
        Formatter: () => new DrPlanFormatter(),
        DocumentSymbolProvider: (services) => new DrPlanDocumentSymbolProvider(services),
        FoldingRangeProvider: (services) => new DrPlanFoldingRangeProvider(services),
        CompletionProvider: (services) => new DrPlanCompletionProvider(services),
        RenameProvider: (services) => new DrPlanRenameProvider(services),
        HoverProvider: (services) => new DrPlanHoverProvider(services),
        CodeLensProvider: (services) => new DrPlanCodeLensProvider(services),
        CodeActionProvider: (services) => new DrPlanCodeActionProvider(services),
    },
};

/** The editor services drplan shares across languages: symbol kinds in workspace symbols as in the outline. */
export const DrPlanSharedLspModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    lsp: {
        NodeKindProvider: () => new DrPlanNodeKindProvider(),
    },
};
