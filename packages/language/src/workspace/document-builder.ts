import { Cancellation, DefaultDocumentBuilder, DocumentState, isOperationCancelled, isReference, type LangiumDocument,
    type Linker, type URI } from 'langium';
import { forEachReference, treeNodes } from '../parser/syntax-tree-walk.js';
import type { DrPlanScopeProvider } from '../references/scope-provider.js';

/**
 * Langium's document builder, with two changes.
 *
 * Every listener hears about every document that reached a state. Langium checks for cancellation
 * before each listener, after the document's state has changed: a build cancelled at that moment
 * (the next keystroke, a file opened) left a document validated whose diagnostics were never sent,
 * and relinked without the plan model knowing, and no later build passes that state again. Seen as
 * files without diagnostics after opening 80 at once.
 *
 * A file that was not edited is linked again when an edit makes one of its references resolve to
 * another declaration of a name declared twice. Langium relinks the files that refer to an edited
 * file; but a reference to a name declared twice resolves to the declaration in its own file, else to
 * the first in the order of the files' paths (LANGUAGE.md), so an edit that declares the name in an
 * earlier file takes the references of files that do not refer to it yet.
 */
export class DrPlanDocumentBuilder extends DefaultDocumentBuilder {
    protected override async notifyDocumentPhase(document: LangiumDocument, state: DocumentState,
        cancelToken: Cancellation.CancellationToken): Promise<void> {
        for (const listener of this.documentPhaseListeners.get(state).slice()) {
            try {
                await listener(document, cancelToken);
            } catch (error) {
                // A listener may stop early when the build is cancelled; the others still run.
                if (!isOperationCancelled(error)) {
                    throw error;
                }
            }
        }
    }

    override async update(changed: URI[], deleted: URI[], cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        await super.update(changed, deleted, cancelToken);
        const moved = this.withMovedReferences();
        if (moved.length > 0) {
            moved.forEach(document => this.resetToState(document, DocumentState.ComputedScopes));
            await super.update([], [], cancelToken);
        }
    }

    /**
     * The linked documents with a reference that would now resolve to another declaration than the
     * one it holds. Only references to names declared twice can (nothing to look at in a workspace
     * without a `duplicate-name` error, the usual case).
     */
    private withMovedReferences(): LangiumDocument[] {
        return this.langiumDocuments.all.filter(document => {
            if (document.state < DocumentState.Linked) {
                return false;
            }
            const { ScopeProvider, Linker } = this.serviceRegistry.getServices(document.uri).references;
            const declaredTwice = (ScopeProvider as DrPlanScopeProvider).namesDeclaredTwice();
            if (declaredTwice.size === 0 || !document.references.some(reference => declaredTwice.has(reference.$refText))) {
                return false;
            }
            return hasMovedReference(document, declaredTwice, Linker);
        }).toArray();
    }
}

/** Whether a reference of the document to one of these names would now resolve to another declaration. */
function hasMovedReference(document: LangiumDocument, names: ReadonlySet<string>, linker: Linker): boolean {
    let moved = false;
    for (const node of treeNodes(document.parseResult.value)) {
        forEachReference(node, info => {
            if (moved || !isReference(info.reference) || !names.has(info.reference.$refText)) {
                return;
            }
            const now = linker.getCandidate(info);
            const held = info.reference.$nodeDescription;
            moved = 'path' in now && (now.path !== held?.path || now.documentUri.toString() !== held.documentUri.toString());
        });
        if (moved) {
            return true;
        }
    }
    return false;
}
