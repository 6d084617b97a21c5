/**
 * Escapes user-written text for GitHub-flavoured Markdown, inline or in a table cell: no link,
 * image, emphasis, code, HTML, table cell or heading can come out of it, and it stays on one line.
 * Bare URLs are broken up (`http\://`, `www\.`) so that GFM does not turn them into links either.
 */
export function escapeMarkdown(text: string): string {
    return text
        // eslint-disable-next-line no-control-regex
        .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
        .replace(/\s*(?:\r\n|[\r\n\u2028\u2029])\s*/g, ' ')
        .replace(/[\\`*_[\]<>|#~$&]/g, character => `\\${character}`)
        .replace(/([A-Za-z]):(?=\/\/)/g, '$1\\:')
        .replace(/\b(www)\./gi, '$1\\.')
        // Spaces at the ends would stop `**…**` around the text from reading as bold.
        .trim();
}
