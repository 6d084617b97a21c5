import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import type { Hover, MarkupContent } from 'vscode-languageserver';
import { openWorkspace } from '../language/editor-analysis/fixture.js';
import { quote } from '../fuzz/plan-generator.js';

// The editor shows plan text in Markdown (hovers) and in plain text (code lenses, completion details,
// the outline). Markdown must show a title as the user wrote it: no link, image, code or emphasis from
// plan text (VS Code does not run command: links or HTML from an untrusted hover, but it does make
// https: links clickable: a plan from a cloned repository could place a phishing link in a hover).

const title = '[Fix it here](https://evil.example) ![x](https://evil.example/p.png) `code` **bold** <b>html</b>';
const plan = `
workload Db ${quote(title)} { recovery-time 1h estimated }
process Orders ${quote(title)} { rto 4h workloads Db }
`;

/** VS Code renders hovers as CommonMark without HTML (the client does not enable supportHtml). */
const markdown = new MarkdownIt({ html: false, linkify: true });

async function hoverAt(word: string): Promise<string> {
    const { services, byName } = await openWorkspace({ 'a.drplan': plan });
    const document = byName('a.drplan');
    const offset = document.textDocument.getText().indexOf(word);
    const hover = await services.DrPlan.lsp.HoverProvider!.getHoverContent(document,
        { textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset) }) as Hover | undefined;
    expect(hover).toBeDefined();
    return (hover!.contents as MarkupContent).value;
}

describe('hover', () => {
    for (const [what, word] of [['a process', 'Orders'], ['a workload', 'Db "']]) {
        it(`on ${what}: the title is shown as text, with no link, image or formatting from it`, async () => {
            const value = await hoverAt(word);
            const html = markdown.render(value);
            expect(html).not.toMatch(/<a |<img |<code>code<\/code>|<strong>bold<\/strong>/);
            expect(markdown.renderInline(value.split('\n')[0])).toContain('[Fix it here](https://evil.example)');
        });
    }
});

describe('plain-text places', () => {
    it('code lens, outline and completion carry the title as plain text, never as a command', async () => {
        const { services, byName } = await openWorkspace({ 'a.drplan': `${plan}process Other { workloads  }\n` });
        const document = byName('a.drplan');
        const textDocument = { uri: document.uri.toString() };
        const lenses = await services.DrPlan.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument });
        for (const lens of lenses ?? []) {
            // A lens shows the roll-up; it runs nothing.
            expect(lens.command?.command).toBe('');
            expect(lens.command?.arguments).toBeUndefined();
        }
        const symbols = await services.DrPlan.lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument });
        expect(symbols.map(symbol => symbol.name)).toEqual(['Db', 'Orders', 'Other']);
        const offset = document.textDocument.getText().indexOf('workloads  }') + 'workloads '.length;
        const completion = await services.DrPlan.lsp.CompletionProvider!.getCompletion(document,
            { textDocument, position: document.textDocument.positionAt(offset) });
        const db = completion?.items.find(item => item.label === 'Db');
        expect(db?.detail).toContain(title);
        expect(db?.command).toBeUndefined();
        expect(db?.documentation).toBeUndefined();
    });
});
