import type { Module } from 'langium';
import type { PartialLangiumServices } from 'langium/lsp';
import type { DrPlanServices } from '../drplan-module.js';
import { DrPlanFormatter } from './formatter.js';

/** The editor features drplan adds to Langium's defaults (formatting, hover, code lens, …). */
export const DrPlanLspModule: Module<DrPlanServices, PartialLangiumServices> = {
    lsp: {
        Formatter: () => new DrPlanFormatter(),
    },
};
