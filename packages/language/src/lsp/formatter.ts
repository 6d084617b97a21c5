import { type AstNode, CstUtils, GrammarAST, type LangiumDocument, type LeafCstNode } from 'langium';
import { AbstractFormatter } from 'langium/lsp';
import type { FormattingOptions, Range, TextEdit } from 'vscode-languageserver';

/** Containers whose elements each start on a line of their own (the contents of a `{ … }` block). */
const blockItemProperties = new Set(['properties', 'actions', 'phases', 'items', 'rows']);

/** The canonical indentation of one block level: two spaces, whatever the editor's tab settings. */
const indentUnit = '  ';

/** What a gap between two tokens must become. `lines` 0 means a space (or nothing) on the same line. */
type Separator =
    | { kind: 'inline'; text: '' | ' ' }
    | { kind: 'break'; lines: 'declaration' | 'item' | 'exactlyOne'; depth: number };

/**
 * The canonical layout of a .drplan document (see docs/editors.md): one declaration after another
 * with a blank line between them, `keyword Name "title" {` on one line, one property (group,
 * action, phase, step, RACI row) per line indented by two spaces per block level, closing braces
 * on their own line, an empty block as `{}`, single spaces between tokens and none before `,` or
 * `:`. Comments stay where they are relative to the tokens around them; at most one blank line is
 * kept between the items of a block.
 *
 * Langium's node-by-node formatting rules move comments unpredictably, so the layout is computed
 * for every gap between two tokens instead; the AST walk of AbstractFormatter only marks where the
 * items of a block start. The layout depends on nothing but the tokens, which makes it idempotent.
 */
export class DrPlanFormatter extends AbstractFormatter {
    /** Offsets of the first token of every declaration (true) and every other block item (false). */
    private itemStarts = new Map<number, boolean>();

    protected override format(node: AstNode): void {
        const cst = node.$cstNode;
        if (!cst || !node.$containerProperty) {
            return;
        }
        if (node.$containerProperty === 'declarations') {
            this.itemStarts.set(cst.offset, true);
        } else if (blockItemProperties.has(node.$containerProperty)) {
            this.itemStarts.set(cst.offset, false);
        }
    }

    protected override doDocumentFormat(document: LangiumDocument, _options: FormattingOptions, range?: Range): TextEdit[] {
        const root = document.parseResult.value;
        if (!root.$cstNode) {
            return [];
        }
        this.itemStarts = new Map();
        // Every item is needed, also outside a requested range, to know the depth and layout around it.
        this.iterateAstFormatting(document);
        const text = document.textDocument.getText();
        const eol = text.includes('\r\n') ? '\r\n' : '\n';
        const tokens = CstUtils.flattenCst(root.$cstNode)
            .filter(leaf => !leaf.hidden || leaf.text.trim().length > 0)
            .toArray()
            .sort((a, b) => a.offset - b.offset);
        const gaps = this.layoutGaps(tokens, text, eol);
        const edits: TextEdit[] = [];
        for (const gap of gaps) {
            if (text.slice(gap.start, gap.end) === gap.text) {
                continue;
            }
            const edit: TextEdit = {
                range: {
                    start: document.textDocument.positionAt(gap.start),
                    end: document.textDocument.positionAt(gap.end),
                },
                newText: gap.text,
            };
            if (this.insideRange(edit.range, range)) {
                edits.push(edit);
            }
        }
        return edits;
    }

    /** The canonical text of every gap: before the first token, between tokens, after the last. */
    private layoutGaps(tokens: LeafCstNode[], text: string, eol: string): Array<{ start: number; end: number; text: string }> {
        const gaps: Array<{ start: number; end: number; text: string }> = [];
        if (tokens.length === 0) {
            return text.trim().length === 0 && text.length > 0 ? [{ start: 0, end: text.length, text: '' }] : [];
        }
        const lineBreaks = (count: number, depth: number) => eol.repeat(count) + indentUnit.repeat(Math.max(depth, 0));
        const newlinesIn = (start: number, end: number) => text.slice(start, end).split('\n').length - 1;
        /** At least one and at most two line breaks: one blank line between items is the user's to keep. */
        const keptBreaks = (start: number, end: number) => Math.min(Math.max(newlinesIn(start, end), 1), 2);

        gaps.push({ start: 0, end: tokens[0].offset, text: '' });
        let depth = 0;
        let previous: LeafCstNode | undefined;
        let index = 0;
        // Runs once more after the last token, for the comments and line break that end the document.
        for (;;) {
            // A run of comments, then the next real token (or the end of the document).
            const comments: LeafCstNode[] = [];
            while (index < tokens.length && tokens[index].hidden) {
                comments.push(tokens[index++]);
            }
            const next = index < tokens.length ? tokens[index++] : undefined;
            if (previous && isKeyword(previous, '{')) {
                depth++;
            }
            const separator = next ? this.separator(previous, next, comments.length > 0, depth) : undefined;
            // Depth of a comment on its own line: that of the item that follows it, or one deeper
            // when it sits inside an item.
            let commentDepth = depth + 1;
            if (!next) {
                commentDepth = depth;
            } else if (separator?.kind === 'break') {
                commentDepth = isKeyword(next, '}') ? depth : separator.depth;
            }
            let left: LeafCstNode | undefined = previous;
            let brokeLine = false;
            let lastCommentStartsLine = false;
            for (const comment of comments) {
                const start = left ? left.end : 0;
                const ownLine = !left || newlinesIn(start, comment.offset) > 0;
                let gapText: string;
                if (!left) {
                    // A comment that opens the document counts as a line of its own.
                    gapText = '';
                    brokeLine = true;
                } else if (!ownLine) {
                    gapText = ' ';
                } else {
                    let count: number;
                    if (isKeyword(left, '{')) {
                        count = 1;
                    } else if (!brokeLine && (!next || separator?.kind === 'break' && separator.lines === 'declaration')) {
                        count = 2;
                    } else {
                        count = keptBreaks(start, comment.offset);
                    }
                    gapText = lineBreaks(count, commentDepth);
                    brokeLine = true;
                }
                if (left) {
                    gaps.push({ start, end: comment.offset, text: gapText });
                }
                lastCommentStartsLine = !left || ownLine;
                left = comment;
            }
            if (!next) {
                // The end of the document: exactly one line break after the last token.
                const start = left ? left.end : 0;
                gaps.push({ start, end: text.length, text: eol });
                break;
            }
            if (left && left.hidden && !isLineComment(left) && lastCommentStartsLine && !isKeyword(next, '}')
                && newlinesIn(left.end, next.offset) === 0) {
                // `/* note */ kind azure` on a line of its own: the comment annotates the item it precedes.
                gaps.push({ start: left.end, end: next.offset, text: ' ' });
            } else if (left) {
                gaps.push({ start: left.end, end: next.offset, text: this.gapBeforeToken(left, next, separator!, comments, brokeLine, lineBreaks, keptBreaks, depth) });
            }
            if (isKeyword(next, '}')) {
                depth--;
            }
            previous = next;
        }
        return gaps;
    }

    /** The gap between `left` (a token or the last comment of a run) and the real token `next`. */
    private gapBeforeToken(left: LeafCstNode, next: LeafCstNode, separator: Separator, comments: LeafCstNode[], brokeLine: boolean,
        lineBreaks: (count: number, depth: number) => string, keptBreaks: (start: number, end: number) => number, depth: number): string {
        const afterLineComment = left.hidden && isLineComment(left);
        if (separator.kind === 'inline' && !afterLineComment) {
            // `/* x */` inside a line keeps a space on both sides.
            return comments.length > 0 ? ' ' : separator.text;
        }
        if (separator.kind === 'inline') {
            // A line comment inside an item: the item goes on, one level deeper, on the next line.
            return lineBreaks(1, depth + 1);
        }
        const breakDepth = isKeyword(next, '}') ? depth - 1 : separator.depth;
        if (comments.length === 0) {
            const count = separator.lines === 'declaration' ? 2
                : separator.lines === 'exactlyOne' ? 1
                    : keptBreaks(left.end, next.offset);
            return lineBreaks(count, breakDepth);
        }
        if (separator.lines === 'exactlyOne') {
            return lineBreaks(1, breakDepth);
        }
        if (separator.lines === 'declaration' && !brokeLine) {
            return lineBreaks(2, breakDepth);
        }
        return lineBreaks(keptBreaks(left.end, next.offset), breakDepth);
    }

    /** The canonical separator between two real tokens, ignoring the comments between them. */
    private separator(previous: LeafCstNode | undefined, next: LeafCstNode, hasComments: boolean, depth: number): Separator {
        const item = this.itemStarts.get(next.offset);
        if (item === true) {
            return { kind: 'break', lines: 'declaration', depth };
        }
        if (item === false) {
            return { kind: 'break', lines: previous && isKeyword(previous, '{') ? 'exactlyOne' : 'item', depth };
        }
        if (isKeyword(next, '}')) {
            if (previous && isKeyword(previous, '{') && !hasComments) {
                return { kind: 'inline', text: '' };
            }
            return { kind: 'break', lines: 'exactlyOne', depth: depth - 1 };
        }
        if (isKeyword(next, ',') || isKeyword(next, ':')) {
            return { kind: 'inline', text: '' };
        }
        return { kind: 'inline', text: ' ' };
    }
}

function isKeyword(leaf: LeafCstNode, keyword: string): boolean {
    return !leaf.hidden && GrammarAST.isKeyword(leaf.grammarSource) && leaf.grammarSource.value === keyword;
}

function isLineComment(leaf: LeafCstNode): boolean {
    return leaf.text.startsWith('//');
}
