import { type AstNodeDescription, DefaultIndexManager, type LangiumDocument, type Stream } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';

/**
 * Langium's index, kept in the order of the documents' URIs. A name declared twice (a
 * `duplicate-name` error) then resolves to the same declaration after any sequence of edits as in
 * a fresh build, and to the one the plan model takes: the first in URI order. Langium's own index
 * moves a document to the end each time it changes, so the winner depended on the editing history.
 */
export class DrPlanIndexManager extends DefaultIndexManager {
    private sorted = true;

    override async updateContent(document: LangiumDocument, cancelToken?: CancellationToken): Promise<void> {
        const known = this.symbolIndex.has(document.uri.toString());
        await super.updateContent(document, cancelToken);
        // Sorted when next read, once per build however many documents were added.
        this.sorted &&= known;
    }

    override allElements(nodeType?: string, uris?: Set<string>): Stream<AstNodeDescription> {
        if (!this.sorted) {
            const entries = [...this.symbolIndex].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
            this.symbolIndex.clear();
            for (const [uri, descriptions] of entries) {
                this.symbolIndex.set(uri, descriptions);
            }
            this.sorted = true;
        }
        return super.allElements(nodeType, uris);
    }
}
