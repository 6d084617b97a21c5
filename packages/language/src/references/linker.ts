import { Cancellation, DefaultLinker, interruptAndCheck, type LangiumDocument } from 'langium';
import { forEachReference, NODES_PER_CANCELLATION_CHECK, treeNodes } from '../parser/syntax-tree-walk.js';

/**
 * Langium's linker over a plain walk of the tree (see `syntaxNodes`): the same references, resolved
 * in the same order. With Langium's profiler on, Langium's own walk runs, so that its figures stay
 * comparable with other languages'.
 */
export class DrPlanLinker extends DefaultLinker {
    override async link(document: LangiumDocument,
        cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None): Promise<void> {
        if (this.profiler?.isActive('linking')) {
            return super.link(document, cancelToken);
        }
        const nodes = treeNodes(document.parseResult.value);
        for (let index = 0; index < nodes.length; index++) {
            if (index % NODES_PER_CANCELLATION_CHECK === 0) {
                await interruptAndCheck(cancelToken);
            }
            forEachReference(nodes[index], reference => this.doLink(reference, document));
        }
    }
}
