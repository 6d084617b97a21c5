/**
 * A small scanner for the HTML and SVG drplan writes, enough to check escaping: in correctly escaped
 * output every `<` starts real markup, so the tags found are the tags a browser would build. User text
 * that was not escaped shows up as an unexpected tag or attribute, or as a `<` that starts nothing.
 */
export interface Tag {
    name: string;
    closing: boolean;
    attributes: Array<{ name: string; value: string }>;
    offset: number;
}

export interface Markup {
    tags: Tag[];
    /** Offsets of `<` characters that start no tag, comment or declaration (unescaped text). */
    strayBrackets: number[];
    /** The text between the tags, entities decoded, one string per run. */
    texts: string[];
}

const TAG = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[^\s"'=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/y;
const ATTRIBUTE = /\s+([^\s"'=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/gy;
const OTHER = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<![A-Za-z][^>]*>|<\?[\s\S]*?\?>/y;
/** Elements whose content is raw text, not markup. */
const RAW_TEXT = new Set(['style', 'script', 'textarea', 'title']);

export function scanMarkup(markup: string): Markup {
    const tags: Tag[] = [];
    const strayBrackets: number[] = [];
    const texts: string[] = [];
    let index = 0;
    let textStart = 0;
    while (index < markup.length) {
        const next = markup.indexOf('<', index);
        if (next < 0) {
            break;
        }
        TAG.lastIndex = next;
        OTHER.lastIndex = next;
        const tag = TAG.exec(markup);
        if (tag) {
            texts.push(decodeEntities(markup.slice(textStart, next)));
            const name = tag[2].toLowerCase();
            tags.push({ name, closing: tag[1] === '/', attributes: parseAttributes(tag[3]), offset: next });
            index = TAG.lastIndex;
            if (tag[1] !== '/' && tag[4] !== '/' && RAW_TEXT.has(name)) {
                // Raw text runs to the closing tag; its content is not markup (and is checked as text).
                const close = markup.toLowerCase().indexOf(`</${name}`, index);
                const end = close < 0 ? markup.length : close;
                texts.push(name === 'title' || name === 'textarea' ? decodeEntities(markup.slice(index, end)) : markup.slice(index, end));
                index = end;
            }
            textStart = index;
        } else if (OTHER.exec(markup)) {
            texts.push(decodeEntities(markup.slice(textStart, next)));
            index = OTHER.lastIndex;
            textStart = index;
        } else {
            strayBrackets.push(next);
            index = next + 1;
        }
    }
    texts.push(decodeEntities(markup.slice(textStart)));
    return { tags, strayBrackets, texts: texts.filter(text => text !== '') };
}

function parseAttributes(source: string): Tag['attributes'] {
    const attributes: Tag['attributes'] = [];
    ATTRIBUTE.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = ATTRIBUTE.exec(source)) !== null) {
        attributes.push({ name: match[1].toLowerCase(), value: decodeEntities(match[2] ?? match[3] ?? match[4] ?? '') });
    }
    return attributes;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };

export function decodeEntities(text: string): string {
    return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);/g, (entity, body: string) => {
        if (body.startsWith('#x')) {
            return String.fromCodePoint(parseInt(body.slice(2), 16));
        }
        if (body.startsWith('#')) {
            return String.fromCodePoint(parseInt(body.slice(1), 10));
        }
        return NAMED[body] ?? entity;
    });
}

/** Markup that would run code or reach the network: script elements, event handlers, javascript: and remote URLs. */
export function activeContent(markup: Markup): string[] {
    const found: string[] = [];
    for (const tag of markup.tags) {
        if (['script', 'iframe', 'frame', 'object', 'embed', 'foreignobject', 'base'].includes(tag.name) && !tag.closing) {
            found.push(`<${tag.name}> at ${tag.offset}`);
        }
        for (const attribute of tag.attributes) {
            const value = attribute.value.replace(/[\s\u0000-\u001F]/g, '').toLowerCase();
            if (attribute.name.startsWith('on')) {
                found.push(`event handler ${attribute.name} on <${tag.name}> at ${tag.offset}`);
            }
            if (['href', 'xlink:href', 'src', 'action', 'formaction', 'srcset', 'poster', 'background'].includes(attribute.name)
                && /^(javascript|vbscript|data|https?|file|command):|^\/\//.test(value)) {
                found.push(`${attribute.name}="${attribute.value}" on <${tag.name}> at ${tag.offset}`);
            }
            if (attribute.name === 'style' && /url\(|expression\(/i.test(attribute.value)) {
                found.push(`style with url() on <${tag.name}> at ${tag.offset}`);
            }
        }
    }
    return found;
}
