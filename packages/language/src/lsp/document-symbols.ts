import { type AstNode, type CstNode, GrammarUtils, type LangiumDocument } from 'langium';
import { DefaultDocumentSymbolProvider, type LangiumServices } from 'langium/lsp';
import type { DocumentSymbol } from 'vscode-languageserver';
import { isAutomationAction, isManualAction, isPhase, isScriptAction } from '../generated/ast.js';
import { DrPlanNodeKindProvider } from './node-kinds.js';

/**
 * The outline: every declaration, with its groups, actions, response phases and steps nested
 * under it. Each symbol's detail is its title (an action's instruction, script or runbook).
 */
export class DrPlanDocumentSymbolProvider extends DefaultDocumentSymbolProvider {
    // The shared NodeKindProvider is Langium's default until the shared module registers ours.
    protected override readonly nodeKindProvider = new DrPlanNodeKindProvider();

    constructor(services: LangiumServices) {
        super(services);
    }

    protected override getSymbol(document: LangiumDocument, astNode: AstNode): DocumentSymbol[] {
        // A phase has no name, but `mobilize`, `stabilize`, … is how a responder finds a step.
        if (isPhase(astNode) && astNode.$cstNode) {
            const keyword = GrammarUtils.findNodeForProperty(astNode.$cstNode, 'phase');
            if (keyword) {
                return [this.createSymbol(document, astNode, astNode.$cstNode, keyword, astNode.phase)];
            }
        }
        return super.getSymbol(document, astNode);
    }

    protected override createSymbol(document: LangiumDocument, astNode: AstNode, cstNode: CstNode, nameNode: CstNode, computedName?: string): DocumentSymbol {
        const symbol = super.createSymbol(document, astNode, cstNode, nameNode, computedName);
        const detail = describe(astNode);
        return detail ? { ...symbol, detail } : symbol;
    }
}

function describe(node: AstNode): string | undefined {
    if (isManualAction(node)) {
        return node.instruction;
    }
    if (isScriptAction(node)) {
        return node.path;
    }
    if (isAutomationAction(node)) {
        return node.runbook;
    }
    const title = (node as { title?: unknown }).title;
    return typeof title === 'string' ? title : undefined;
}
