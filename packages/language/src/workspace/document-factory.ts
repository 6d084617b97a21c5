import { DefaultLangiumDocumentFactory, type AstNode, type Cancellation, type LangiumDocument, type ParseResult,
    type URI } from 'langium';
import type { ParserOptions } from 'langium';
import { stat } from 'node:fs/promises';

/** Files larger than this are not parsed: a plan that size is a mistake, and parsing it would stall the editor. */
export const MAX_FILE_SIZE = 20 * 1024 * 1024;

/**
 * Parses documents as Langium does, except that a file over MAX_FILE_SIZE is skipped: it becomes
 * an empty document with one `syntax` error saying why, so the rest of the workspace still works.
 */
export class DrPlanDocumentFactory extends DefaultLangiumDocumentFactory {
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

    protected override parse<T extends AstNode>(uri: URI, text: string, options?: ParserOptions): ParseResult<T> {
        return text.length > MAX_FILE_SIZE ? tooLarge(super.parse<T>(uri, '', options), text.length)
            : super.parse<T>(uri, text, options);
    }

    protected override async parseAsync<T extends AstNode>(uri: URI, text: string,
        cancellationToken: Cancellation.CancellationToken): Promise<ParseResult<T>> {
        return text.length > MAX_FILE_SIZE ? tooLarge(await super.parseAsync<T>(uri, '', cancellationToken), text.length)
            : super.parseAsync<T>(uri, text, cancellationToken);
    }
}

function tooLarge<T extends AstNode>(empty: ParseResult<T>, size: number): ParseResult<T> {
    const megabytes = (size / 1024 / 1024).toFixed(1);
    empty.lexerErrors.push({
        message: `This file is ${megabytes} MB, over drplan's limit of ${MAX_FILE_SIZE / 1024 / 1024} MB: it is skipped`,
        offset: 0, length: 0, line: 1, column: 1,
    });
    return empty;
}
