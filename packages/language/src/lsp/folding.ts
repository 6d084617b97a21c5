import { type AstNode, CstUtils, GrammarUtils, type LangiumDocument } from 'langium';
import { DefaultFoldingRangeProvider, type FoldingRangeAcceptor } from 'langium/lsp';
import { FoldingRange, FoldingRangeKind } from 'vscode-languageserver';

/**
 * Folds what a reader wants to collapse: every `{ … }` block (declarations, groups, before/after,
 * policy, response, phases, raci) from its first line to the line before its closing brace, block
 * comments of two lines or more, and runs of three or more `//` lines. Multi-line lists and other statements stay open.
 */
export class DrPlanFoldingRangeProvider extends DefaultFoldingRangeProvider {
    protected override shouldProcess(node: AstNode): boolean {
        const cst = node.$cstNode;
        return cst !== undefined && GrammarUtils.findNodeForKeyword(cst, '{') !== undefined;
    }

    protected override collectObjectFolding(_document: LangiumDocument, node: AstNode, acceptor: FoldingRangeAcceptor): void {
        const cst = node.$cstNode;
        if (!cst) {
            return;
        }
        const start = cst.range.start.line;
        const closing = cst.range.end.line;
        // Keep the closing brace visible: fold up to the line before it.
        if (closing - 1 > start) {
            acceptor(FoldingRange.create(start, closing - 1));
        }
    }

    protected override collectCommentFolding(document: LangiumDocument, node: AstNode, acceptor: FoldingRangeAcceptor): void {
        const cst = node.$cstNode;
        if (!cst) {
            return;
        }
        // Consecutive `//` lines (a header, a commented-out block) fold as one comment.
        let run: { first: number; last: number } | undefined;
        const flush = () => {
            if (run && run.last - run.first >= 2) {
                acceptor(FoldingRange.create(run.first, run.last, undefined, undefined, FoldingRangeKind.Comment));
            }
            run = undefined;
        };
        for (const leaf of CstUtils.flattenCst(cst)) {
            if (leaf.hidden && leaf.text.startsWith('/*')) {
                // A block comment folds whole, its closing `*/` included.
                if (leaf.range.end.line > leaf.range.start.line) {
                    acceptor(FoldingRange.create(leaf.range.start.line, leaf.range.end.line, undefined, undefined, FoldingRangeKind.Comment));
                }
                flush();
                continue;
            }
            if (!leaf.hidden || !leaf.text.startsWith('//')) {
                if (!leaf.hidden || leaf.text.trim().length > 0) {
                    flush();
                }
                continue;
            }
            const line = leaf.range.start.line;
            const startsLine = document.textDocument.getText({ start: { line, character: 0 }, end: leaf.range.start }).trim() === '';
            if (run && startsLine && line === run.last + 1) {
                run.last = line;
            } else {
                flush();
                run = startsLine ? { first: line, last: line } : undefined;
            }
        }
        flush();
    }
}
