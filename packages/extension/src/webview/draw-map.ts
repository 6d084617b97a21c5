import { badgeWidth, CONTAINER, containerLabel, NODE, nodeLabel, STATUS_BADGES } from '../../../language/src/graph/labels.js';
import type { LaidOutContainer, LaidOutEdge, LaidOutMap, LaidOutNode, MapStatus } from '../../../language/src/protocol.js';
import { MAP_EDGE_KINDS } from '../../../language/src/protocol.js';
import { kindIcon, type Shape, siteIcon } from './icons.js';

const SVG = 'http://www.w3.org/2000/svg';

/** One glyph per status, so that lists read without colour too. */
export const STATUS_GLYPHS: Record<MapStatus, string> = { gap: '✗', spof: '!', unproven: '?', ok: '✓' };
export const STATUS_LABELS: Record<MapStatus, string> = {
    gap: 'gap', spof: 'single point of failure', unproven: 'unproven', ok: 'ok',
};

/**
 * Draws the laid-out map into `layer` (emptied first) with DOM APIs only: every name and message
 * from the plans goes in through textContent or setAttribute, never as markup. The boxes hold the
 * lines `nodeLabel` sized them for, as in `drplan graph`'s SVG (packages/language/src/graph/svg.ts).
 */
export function drawMap(layer: SVGGElement, map: LaidOutMap): void {
    layer.replaceChildren();
    const sites = element('g', { class: 'sites' });
    const edges = element('g', { class: 'edges' });
    const nodes = element('g', { class: 'nodes' });
    const labels = element('g', { class: 'edge-labels' });
    layer.append(sites, edges, nodes, labels);
    for (const container of map.containers) {
        sites.append(drawContainer(container));
    }
    for (const edge of map.edges) {
        if (edge.points.length >= 2) {
            edges.append(drawEdge(edge));
        }
        if (edge.label && edge.labelBox) {
            const box = edge.labelBox;
            labels.append(text(edge.label, { class: 'edge-label', x: num(box.x + box.width / 2), y: num(box.y + box.height - 3) }));
        }
    }
    for (const node of map.nodes) {
        nodes.append(drawNode(node));
    }
    // The layout sized boxes from estimated text widths; trim whatever the real font makes wider.
    for (const line of layer.querySelectorAll<SVGTextElement>('text[data-room]')) {
        fitText(line, Number(line.dataset.room));
    }
}

/** One arrowhead per edge kind, in the edge's colour; defined once per <svg>. */
export function arrowDefinitions(): SVGDefsElement {
    const defs = element('defs', {});
    for (const kind of MAP_EDGE_KINDS) {
        const marker = element('marker', {
            id: `arrow-${kind}`, viewBox: '0 0 10 10', refX: '9', refY: '5', markerWidth: '7', markerHeight: '7',
            orient: 'auto-start-reverse',
        });
        marker.append(element('path', { d: 'M0 0L10 5L0 10z', class: `arrow arrow-${kind}` }));
        defs.append(marker);
    }
    return defs;
}

function drawNode(node: LaidOutNode): SVGGElement {
    const label = nodeLabel(node);
    const group = element('g', {
        class: `node kind-${node.kind} status-${node.status}`,
        transform: `translate(${num(node.x)} ${num(node.y)})`,
        'data-element': node.id,
        'data-status': node.status,
        'data-kind': node.kind,
        tabindex: '0',
        role: 'button',
        'aria-label': `${node.name}, ${node.kind}, ${STATUS_LABELS[node.status]}`,
    });
    const radius = node.kind === 'supplier' || node.kind === 'customer' ? Math.min(18, node.height / 2) : node.kind === 'process' ? 3 : 7;
    group.append(element('rect', { class: 'box', width: num(node.width), height: num(node.height), rx: num(radius) }));
    group.append(icon(kindIcon(node.kind, node.subkind), NODE.paddingX, NODE.top + 6));
    const room = node.width - NODE.textX - NODE.paddingX;
    let lineY = NODE.top + 9;
    const badge = STATUS_BADGES[node.status];
    const badgeBox = badge ? badgeWidth(node.status) : 0;
    group.append(text(label.caption, { class: 'caption', x: num(NODE.textX), y: num(lineY), 'data-room': num(room - badgeBox - 4) }));
    if (badge) {
        const badgeX = node.width - NODE.paddingX + 4 - badgeBox;
        const pill = element('g', { class: 'badge' });
        pill.append(
            element('rect', { x: num(badgeX), y: num(lineY - 9), width: num(badgeBox), height: '12', rx: '6' }),
            text(badge, { x: num(badgeX + badgeBox / 2), y: num(lineY - 0.5) }),
        );
        group.append(pill);
    }
    lineY += NODE.nameHeight;
    group.append(text(label.name, { class: 'name', x: num(NODE.textX), y: num(lineY), 'data-room': num(room) }));
    if (label.title !== undefined) {
        lineY += NODE.lineHeight;
        group.append(text(label.title, { class: 'title', x: num(NODE.textX), y: num(lineY), 'data-room': num(room) }));
    }
    if (label.detail !== undefined) {
        lineY += NODE.lineHeight;
        group.append(text(label.detail, { class: 'detail', x: num(NODE.textX), y: num(lineY), 'data-room': num(room) }));
    }
    return group;
}

function drawContainer(container: LaidOutContainer): SVGGElement {
    const label = containerLabel(container);
    const group = element('g', {
        class: `site status-${container.status}`,
        'data-element': container.id,
        'data-status': container.status,
        'data-kind': 'site',
        tabindex: '0',
        role: 'button',
        'aria-label': `site ${container.name}, ${STATUS_LABELS[container.status]}`,
    });
    const { x, y, width, height } = container;
    group.append(element('rect', { class: 'site-box', x: num(x), y: num(y), width: num(width), height: num(height), rx: '12' }));
    group.append(icon(siteIcon(container.subkind), x + CONTAINER.paddingX, y + CONTAINER.top - 1, 'site-icon'));
    const textX = x + CONTAINER.paddingX + 20;
    const nameY = y + CONTAINER.top + 12;
    const heading = text('', { x: num(textX), y: num(nameY) });
    const name = element('tspan', { class: 'site-name' });
    name.textContent = label.name;
    heading.append(name);
    if (label.title) {
        const title = element('tspan', { class: 'site-title', dx: '8' });
        title.textContent = label.title;
        heading.append(title);
    }
    group.append(heading);
    if (label.detail) {
        group.append(text(label.detail, { class: 'site-detail', x: num(textX), y: num(nameY + CONTAINER.lineHeight),
            'data-room': num(width - (textX - x) - CONTAINER.paddingX) }));
    }
    return group;
}

function drawEdge(edge: LaidOutEdge): SVGGElement {
    const group = element('g', { class: `edge edge-${edge.kind}`, 'data-source': edge.source, 'data-target': edge.target });
    const d = edge.points.map((point, index) => `${index === 0 ? 'M' : 'L'}${num(point.x)} ${num(point.y)}`).join('');
    group.append(element('path', { d, 'marker-end': `url(#arrow-${edge.kind})` }));
    return group;
}

function icon(shapes: readonly Shape[], x: number, y: number, className = 'icon'): SVGGElement {
    const group = element('g', { class: className, transform: `translate(${num(x)} ${num(y)})` });
    for (const [tag, attributes] of shapes) {
        group.append(element(tag, attributes));
    }
    return group;
}

function element<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string>): SVGElementTagNameMap[K] {
    const created = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attributes)) {
        created.setAttribute(name, value);
    }
    return created;
}

function text(content: string, attributes: Record<string, string>): SVGTextElement {
    const created = element('text', attributes);
    created.textContent = content;
    return created;
}

function num(value: number): string {
    return String(Math.round(value * 10) / 10);
}

/** Shortens a line with an ellipsis until it fits its room (the full text is in the hover). */
function fitText(line: SVGTextElement, room: number): void {
    const full = line.textContent ?? '';
    if (!(room > 0) || line.getComputedTextLength() <= room) {
        return;
    }
    const characters = [...full.replace(/…$/, '')];
    let low = 0;
    let high = characters.length;
    while (low < high) {
        const middle = Math.ceil((low + high) / 2);
        line.textContent = `${characters.slice(0, middle).join('')}…`;
        if (line.getComputedTextLength() <= room) {
            low = middle;
        } else {
            high = middle - 1;
        }
    }
    line.textContent = `${characters.slice(0, low).join('').trimEnd()}…`;
}
