import type { MapContainer, MapNode } from '../protocol.js';

/**
 * What each box of the map says and how much room it takes. The layout sizes boxes from these
 * lines and the SVG draws exactly these lines, so text never spills out of its box. Widths are
 * estimated from character classes (no font is available to the server or the CLI), erring wide.
 */

export const FONT = {
    caption: 9.5,
    name: 13,
    title: 11,
    detail: 10.5,
    edgeLabel: 10,
    containerName: 13,
    containerDetail: 10.5,
} as const;

/** Box geometry shared by the layout and the renderer. */
export const NODE = {
    paddingX: 10,
    /** Left edge of the text: after the kind icon. */
    textX: 34,
    iconSize: 16,
    minWidth: 150,
    maxWidth: 330,
    top: 8,
    captionHeight: 13,
    nameHeight: 17,
    lineHeight: 15,
    bottom: 8,
} as const;

export const CONTAINER = {
    paddingX: 14,
    top: 10,
    nameHeight: 17,
    lineHeight: 15,
    headerGap: 10,
    bottom: 14,
} as const;

const MAX_TITLE_LENGTH = 40;

const narrow = new Set('ijlI.,:;\'|!()[]{} ft');
const wide = new Set('mwMW@%');

/** Estimated width in pixels of `text` in a sans-serif font of `size` pixels. */
export function textWidth(text: string, size: number, bold = false): number {
    let ems = 0;
    for (const character of text) {
        if (narrow.has(character)) {
            ems += 0.34;
        } else if (wide.has(character)) {
            ems += 0.95;
        } else if (character >= 'A' && character <= 'Z') {
            ems += 0.73;
        } else {
            ems += 0.62;
        }
    }
    return Math.ceil(ems * size * (bold ? 1.1 : 1));
}

/** Shortens `text` with an ellipsis so that it fits `width` pixels. */
export function fitText(text: string, size: number, width: number, bold = false): string {
    if (textWidth(text, size, bold) <= width) {
        return text;
    }
    const characters = [...text];
    let low = 0;
    let high = characters.length;
    // Binary search for the longest prefix that fits with its ellipsis.
    while (low < high) {
        const middle = Math.ceil((low + high) / 2);
        if (textWidth(characters.slice(0, middle).join('') + '…', size, bold) <= width) {
            low = middle;
        } else {
            high = middle - 1;
        }
    }
    return characters.slice(0, low).join('').trimEnd() + '…';
}

/** A long title is cut at a word boundary: the full title is in the node's tooltip. */
export function shortTitle(title: string): string {
    const characters = [...title.replace(/\s+/g, ' ').trim()];
    if (characters.length <= MAX_TITLE_LENGTH) {
        return characters.join('');
    }
    const cut = characters.slice(0, MAX_TITLE_LENGTH - 1).join('');
    const atWordEnd = characters[MAX_TITLE_LENGTH - 1] === ' ';
    const space = cut.lastIndexOf(' ');
    const kept = atWordEnd || space <= MAX_TITLE_LENGTH / 2 ? cut : cut.slice(0, space);
    return `${kept.replace(/[\s,:;.(-]+$/, '')}…`;
}

/** The word on a node's status badge; `ok` has none. */
export const STATUS_BADGES: Readonly<Record<MapNode['status'], string | undefined>> = {
    gap: 'GAP', spof: 'SPOF', unproven: 'UNPROVEN', ok: undefined,
};
export const BADGE_FONT = 8.5;

/** The width of a status badge (0 for none). */
export function badgeWidth(status: MapNode['status']): number {
    const badge = STATUS_BADGES[status];
    return badge ? textWidth(badge, BADGE_FONT, true) + 10 : 0;
}

export interface NodeLabel {
    /** `WORKLOAD · DATABASE` */
    caption: string;
    name: string;
    title?: string;
    detail?: string;
    width: number;
    height: number;
}

const kindWords: Record<MapNode['kind'], string> = {
    process: 'process', workload: 'workload', supplier: 'supplier', customer: 'customer', workforce: 'workforce',
    equipment: 'equipment', data: 'data',
};

/** The lines of a node's box and the box's size. */
export function nodeLabel(node: MapNode): NodeLabel {
    const caption = (node.subkind ? `${kindWords[node.kind]} · ${node.subkind}` : kindWords[node.kind]).toUpperCase();
    const textRoom = NODE.maxWidth - NODE.textX - NODE.paddingX;
    const name = fitText(node.name, FONT.name, textRoom, true);
    const title = node.title !== undefined && node.title.trim() !== ''
        ? fitText(shortTitle(node.title), FONT.title, textRoom) : undefined;
    const detail = node.detail ? fitText(node.detail, FONT.detail, textRoom) : undefined;
    const widest = Math.max(
        textWidth(caption, FONT.caption) * 1.1 + (node.status === 'ok' ? 0 : 8 + badgeWidth(node.status)),
        textWidth(name, FONT.name, true),
        title !== undefined ? textWidth(title, FONT.title) : 0,
        detail !== undefined ? textWidth(detail, FONT.detail) : 0);
    const width = Math.min(NODE.maxWidth, Math.max(NODE.minWidth, Math.ceil(NODE.textX + widest + NODE.paddingX)));
    const lines = (title !== undefined ? 1 : 0) + (detail !== undefined ? 1 : 0);
    const height = NODE.top + NODE.captionHeight + NODE.nameHeight + lines * NODE.lineHeight + NODE.bottom;
    return { caption, name, title, detail, width, height };
}

export interface ContainerLabel {
    name: string;
    title?: string;
    detail?: string;
    /** The smallest box that shows the header. */
    minWidth: number;
    /** The height of the header, above the children. */
    header: number;
}

export function containerLabel(container: MapContainer): ContainerLabel {
    const name = container.name;
    const title = container.title !== undefined && container.title.trim() !== '' ? shortTitle(container.title) : undefined;
    const detail = container.detail;
    const first = title !== undefined ? `${name}  ${title}` : name;
    const widest = Math.max(textWidth(first, FONT.containerName, true), detail ? textWidth(detail, FONT.containerDetail) : 0);
    const header = CONTAINER.top + CONTAINER.nameHeight + (detail ? CONTAINER.lineHeight : 0) + CONTAINER.headerGap;
    return { name, title, detail, minWidth: Math.ceil(widest + 2 * CONTAINER.paddingX), header };
}
