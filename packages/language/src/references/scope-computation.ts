import { type AstNode, type AstNodeDescription, Cancellation, DefaultScopeComputation,
    interruptAndCheck, type LangiumDocument, type LocalSymbols, MultiMap } from 'langium';
import { treeNodes } from '../parser/syntax-tree-walk.js';

/**
 * Every name in a .drplan workspace is global: declarations, and also recovery-plan groups, steps
 * and actions (RACI rows and messages refer to them). So every named node is exported to the
 * index, and there are no local scopes to shadow anything.
 */
export class DrPlanScopeComputation extends DefaultScopeComputation {
    override async collectExportedSymbols(document: LangiumDocument,
        cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None): Promise<AstNodeDescription[]> {
        const exports: AstNodeDescription[] = [];
        for (const node of treeNodes(document.parseResult.value)) {
            this.addExportedSymbol(node, exports, document);
        }
        await interruptAndCheck(cancelToken);
        return exports;
    }

    override async collectLocalSymbols(_document: LangiumDocument): Promise<LocalSymbols> {
        return new MultiMap<AstNode, AstNodeDescription>();
    }
}
