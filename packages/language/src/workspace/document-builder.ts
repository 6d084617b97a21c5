import { type Cancellation, DefaultDocumentBuilder, type DocumentState, isOperationCancelled, type LangiumDocument }
    from 'langium';

/**
 * Langium's document builder, except that every listener hears about every document that reached a
 * state. Langium checks for cancellation before each listener, after the document's state has
 * changed: a build cancelled at that moment (the next keystroke, a file opened) left a document
 * validated whose diagnostics were never sent, and relinked without the plan model knowing, and no
 * later build passes that state again. Seen as files without diagnostics after opening 80 at once.
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
}
