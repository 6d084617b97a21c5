import { Cancellation, DefaultLinker, type LangiumDocument } from 'langium';
import { forEachReference, visitTree } from '../parser/syntax-tree-walk.js';

/**
 * Langium's linker over the shared walk of the tree (`visitTree`): the same references, resolved
 * in the same order. With Langium's profiler on, Langium's own walk runs, so that its figures stay
 * comparable with other languages'.
 */
export class DrPlanLinker extends DefaultLinker {
    override async link(document: LangiumDocument,
        cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None): Promise<void> {
        if (this.profiler?.isActive('linking')) {
            return super.link(document, cancelToken);
        }
        await visitTree(document.parseResult.value, cancelToken,
            node => forEachReference(node, reference => this.doLink(reference, document)));
    }
}
