import { type AstNode, CstUtils, GrammarAST, type LangiumDocument, type MaybePromise } from 'langium';
import { AstNodeHoverProvider } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import { describeDuration, formatDuration, parseDuration } from '../analysis/duration.js';
import type { DrPlanServices } from '../drplan-module.js';
import { isProcess, isWorkload } from '../generated/ast.js';
import type { Process, Workload } from '../model/plan-model.js';
import { durationTooLong, isValidDuration } from '../model/values.js';
import type { WorkspaceAnalysis } from '../workspace/workspace-analysis.js';
import { escapeMarkdown as md } from '../escape-markdown.js';
import { processHover, workloadHover } from './describe.js';

/**
 * Hover on a process: its roll-ups against RTO/RPO and the critical path; on a workload: its
 * capabilities and who needs it; on a duration: its value in plain words.
 */
export class DrPlanHoverProvider extends AstNodeHoverProvider {
    private readonly workspaceAnalysis: WorkspaceAnalysis;

    constructor(services: DrPlanServices) {
        super(services);
        this.workspaceAnalysis = services.analysis.WorkspaceAnalysis;
    }

    override async getHoverContent(document: LangiumDocument, params: HoverParams): Promise<Hover | undefined> {
        const root = document.parseResult.value.$cstNode;
        const leaf = root && CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(params.position));
        if (leaf && isDuration(leaf.grammarSource)) {
            const seconds = parseDuration(leaf.text);
            if (Number.isFinite(seconds)) {
                // Past 100 years the words would be `7e+30 days`; the value is ignored anyway (invalid-value).
                const value = isValidDuration(seconds) ? `${leaf.text} = ${describeDuration(seconds)} (${formatDuration(seconds)})`
                    : durationTooLong(leaf.text);
                return { contents: { kind: 'markdown', value }, range: leaf.range };
            }
        }
        return super.getHoverContent(document, params);
    }

    protected override getAstNodeHoverContent(node: AstNode): MaybePromise<string | undefined> {
        if (isProcess(node) || isWorkload(node)) {
            const analysis = this.workspaceAnalysis.analysis;
            const element = analysis.model.byName.get(node.name);
            if (element?.kind === 'process') {
                return processHover(analysis, element as Process);
            }
            if (element?.kind === 'workload') {
                return workloadHover(analysis, element as Workload);
            }
        }
        const title = (node as { title?: string }).title;
        const name = (node as { name?: string }).name;
        return name ? `**${md(name)}**${title ? ` — ${md(title)}` : ''}` : undefined;
    }
}

function isDuration(source: unknown): boolean {
    return GrammarAST.isRuleCall(source) && (source.rule.ref?.name === 'Duration' || source.rule.ref?.name === 'DURATION')
        || GrammarAST.isTerminalRule(source) && source.name === 'DURATION';
}
