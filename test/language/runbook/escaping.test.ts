import MarkdownIt from 'markdown-it';
import { describe, expect, test } from 'vitest';
import {
    escapeMarkdown, renderRunbookHtml, renderRunbookJson, renderRunbookMarkdown, renderTimelineSvg,
} from '../../../packages/language/src/runbook/index.js';
import { HOSTILE, HOSTILE_TEXT, hostileRunbook } from './hostile.js';

// Every free-text value of the workspace is hostile; none of it may come out as markup, a link, a table
// cell or a heading, in Markdown, HTML or SVG.

/** A CommonMark renderer with GitHub's tables, strikethrough and autolinks, and raw HTML allowed through. */
const markdown = new MarkdownIt({ html: true, linkify: true });

describe('Markdown', () => {
    test('escapeMarkdown keeps hostile text one line of plain text', () => {
        for (const text of [...HOSTILE, 'a\nb\r\nc', '*bold* _it_ `code` ~~del~~ $x$ <b>', 'www.evil.com https://evil.com']) {
            const html = markdown.render(`before ${escapeMarkdown(text)} after`);
            expect(html).toMatch(/^<p>before .* after<\/p>\n$/);
            expect(html).not.toMatch(/<(?!\/?p>)/);
            expect(html).not.toContain('\n<');
        }
        expect(escapeMarkdown('a\nb')).toBe('a b');
        expect(markdown.renderInline(escapeMarkdown('| a | b |'))).toBe('| a | b |');
    });

    test('the runbook renders no injected link, script, heading or table cell', async () => {
        const { runbook } = await hostileRunbook();
        const text = renderRunbookMarkdown(runbook);
        const html = markdown.render(text);
        const document = new DOMLite(html);
        expect(document.count('script')).toBe(0);
        // The only link is GitHub's autolink of a real e-mail address in the contacts.
        expect(document.links()).toEqual(['mailto:bob@example.org']);
        expect(document.count('img')).toBe(0);
        // Only the runbook's own headings: its title, six parts and their sub-headings, none from the input.
        const headings = document.texts('h1, h2');
        expect(headings.slice(1)).toEqual(['Recovery objectives', 'Contacts', 'Response', 'RACI matrix', 'Open gaps']);
        expect(headings[0]).toBe(HOSTILE_TEXT.replace(/\s+/g, ' '));
        expect(document.texts('h3').every(heading => !heading.startsWith('heading'))).toBe(true);
        // Every table row has as many cells as its header.
        for (const table of html.split('<table>').slice(1)) {
            const header = (table.split('</thead>')[0].match(/<th[ >]/g) ?? []).length;
            for (const row of table.split('</thead>')[1].split('</table>')[0].split('<tr>').slice(1)) {
                expect((row.match(/<td[ >]/g) ?? []).length).toBe(header);
            }
        }
        // The hostile text is still there to read, as text.
        expect(document.text()).toContain(HOSTILE_TEXT);
    });
});

describe('HTML and SVG', () => {
    test('the hostile text never appears unescaped; it appears escaped', async () => {
        const { runbook } = await hostileRunbook();
        const html = renderRunbookHtml(runbook, { dependencyMap: '<svg class="drplan-map"></svg>' });
        const svg = renderTimelineSvg(runbook);
        for (const output of [html, svg]) {
            expect(output).not.toContain('<script');
            expect(output).not.toContain('"onmouseover="');
            expect(output).not.toContain(']]>');
            expect(output).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &quot;onmouseover=&quot;x ]]&gt; [link](http://evil)');
        }
        expect(html).not.toMatch(/<a\b|\bhref=|\bsrc=|@import|url\((?!#)/);
        expect(svg).toContain('<title>');
    });

    test('JSON keeps the text as it was written', async () => {
        const { runbook } = await hostileRunbook();
        const json = JSON.parse(renderRunbookJson(runbook));
        expect(json.title).toBe(HOSTILE_TEXT);
        expect(json.steps.find((step: { id: string }) => step.id === 'Check').title).toBe(HOSTILE_TEXT);
    });
});

/** Just enough of a DOM over markdown-it's well-formed output to count elements and read text. */
class DOMLite {
    constructor(private readonly html: string) {}

    count(tag: string): number {
        return (this.html.match(new RegExp(`<${tag}[\\s>]`, 'g')) ?? []).length;
    }

    links(): string[] {
        return [...this.html.matchAll(/<a\s[^>]*href="([^"]*)"/g)].map(match => match[1]);
    }

    texts(selector: string): string[] {
        const tags = selector.split(',').map(tag => tag.trim()).join('|');
        return [...this.html.matchAll(new RegExp(`<(${tags})>([\\s\\S]*?)</\\1>`, 'g'))].map(match => decode(match[2].replace(/<[^>]+>/g, '')));
    }

    text(): string {
        return decode(this.html.replace(/<[^>]+>/g, ''));
    }
}

function decode(text: string): string {
    return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, '\'').replace(/&amp;/g, '&');
}
