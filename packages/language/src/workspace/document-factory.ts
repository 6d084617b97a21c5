import { DefaultLangiumDocumentFactory, type AstNode, type Cancellation, type LangiumDocument, type ParseResult,
    TextDocument, type URI } from 'langium';
import type { ParserOptions } from 'langium';
import { Buffer, isUtf8 } from 'node:buffer';
import { stat } from 'node:fs/promises';

/** Files larger than this are not parsed: a plan that size is a mistake, and parsing it would stall the editor. */
export const MAX_FILE_SIZE = 20 * 1024 * 1024;

/**
 * Parses documents as Langium does, except that a file over MAX_FILE_SIZE is skipped: it becomes
 * an empty document with one `syntax` error saying why, so the rest of the workspace still works;
 * and a file read from disk that is not UTF-8 gets a `syntax` error where it stops being UTF-8.
 */
export class DrPlanDocumentFactory extends DefaultLangiumDocumentFactory {
    /** The last text read from each file that is not UTF-8, and the offset of its first unreadable character. */
    private readonly notUtf8 = new Map<string, { readonly text: string; readonly offset: number }>();

    /** The document of a file's bytes, read as UTF-8 (as the editor and the language server read it). */
    fromBytes<T extends AstNode = AstNode>(bytes: Uint8Array, uri: URI): LangiumDocument<T> {
        return this.fromString<T>(this.decode(uri, bytes), uri);
    }

    /**
     * The document of a file known (from its size on disk) to be over the limit, without reading
     * it: empty, with the `syntax` error that says it was skipped.
     */
    fromOversizedFile<T extends AstNode = AstNode>(uri: URI, size: number): LangiumDocument<T> {
        const document = this.fromString<T>('', uri);
        tooLarge(document.parseResult, size);
        return document;
    }

    /** Reads a file from disk, unless its size already says it is over the limit: then it stays unread. */
    override async fromUri<T extends AstNode = AstNode>(uri: URI,
        cancellationToken?: Cancellation.CancellationToken): Promise<LangiumDocument<T>> {
        const size = uri.scheme === 'file' ? await stat(uri.fsPath).then(stats => stats.size, () => undefined) : undefined;
        return size !== undefined && size > MAX_FILE_SIZE ? this.fromOversizedFile<T>(uri, size)
            : super.fromUri<T>(uri, cancellationToken);
    }

    protected override async getInitialText(uri: URI): Promise<string> {
        return this.decode(uri, await this.fileSystemProvider.readBinary(uri));
    }

    protected override async getUpdatedText(document: LangiumDocument, textDocument: TextDocument | undefined): Promise<string> {
        // An open document's text is the editor's, decoded as its user chose.
        return textDocument?.getText() ?? this.decode(document.uri, await this.fileSystemProvider.readBinary(document.uri));
    }

    protected override parse<T extends AstNode>(uri: URI, text: string, options?: ParserOptions): ParseResult<T> {
        return text.length > MAX_FILE_SIZE ? tooLarge(super.parse<T>(uri, '', options), text.length)
            : this.withEncodingError(uri, text, super.parse<T>(uri, text, options));
    }

    protected override async parseAsync<T extends AstNode>(uri: URI, text: string,
        cancellationToken: Cancellation.CancellationToken): Promise<ParseResult<T>> {
        return text.length > MAX_FILE_SIZE ? tooLarge(await super.parseAsync<T>(uri, '', cancellationToken), text.length)
            : this.withEncodingError(uri, text, await super.parseAsync<T>(uri, text, cancellationToken));
    }

    /** The bytes as UTF-8, as Node reads them (U+FFFD for what is not UTF-8, a byte order mark kept), noting a file that is not. */
    private decode(uri: URI, bytes: Uint8Array): string {
        const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        const text = buffer.toString('utf8');
        if (isUtf8(buffer)) {
            this.notUtf8.delete(uri.toString());
        } else {
            this.notUtf8.set(uri.toString(), { text, offset: firstUnreadable(text, buffer) });
        }
        return text;
    }

    /**
     * Adds the error of a file that is not UTF-8 when `text` is what was read from it: Latin-1 or
     * Windows-1252 `Zürich` reads as `Z\uFFFDrich`, which would reach titles and the runbook a
     * response team reads.
     */
    private withEncodingError<T extends AstNode>(uri: URI, text: string, result: ParseResult<T>): ParseResult<T> {
        const notUtf8 = this.notUtf8.get(uri.toString());
        if (notUtf8?.text === text) {
            const { line, character } = TextDocument.create(uri.toString(), 'drplan', 0, text).positionAt(notUtf8.offset);
            result.lexerErrors.push({
                message: 'This file is not UTF-8 text: the character here could not be read, and is shown as \uFFFD. '
                    + 'Save the file as UTF-8; as it is, reports and runbooks would show \uFFFD too',
                offset: notUtf8.offset, length: 1, line: line + 1, column: character + 1,
            });
        }
        return result;
    }
}

/**
 * The offset in `text` of the first U+FFFD that stands for bytes that are not UTF-8, rather than for
 * a U+FFFD written in UTF-8 (EF BF BD). Up to it, `text` encodes back to exactly `bytes`.
 */
function firstUnreadable(text: string, bytes: Buffer): number {
    let byteOffset = 0;
    let from = 0;
    for (let index = text.indexOf('\uFFFD'); index >= 0; index = text.indexOf('\uFFFD', index + 1)) {
        byteOffset += Buffer.byteLength(text.slice(from, index));
        if (bytes[byteOffset] !== 0xef || bytes[byteOffset + 1] !== 0xbf || bytes[byteOffset + 2] !== 0xbd) {
            return index;
        }
        byteOffset += 3;
        from = index + 1;
    }
    return 0;
}

function tooLarge<T extends AstNode>(empty: ParseResult<T>, size: number): ParseResult<T> {
    const megabytes = (size / 1024 / 1024).toFixed(1);
    empty.lexerErrors.push({
        message: `This file is ${megabytes} MB, over drplan's limit of ${MAX_FILE_SIZE / 1024 / 1024} MB: it is skipped`,
        offset: 0, length: 0, line: 1, column: 1,
    });
    return empty;
}
