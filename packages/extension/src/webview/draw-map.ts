import type { LaidOutContainer, LaidOutEdge, LaidOutMap, LaidOutNode, MapStatus } from '../../../language/src/protocol.js';

const SVG = 'http://www.w3.org/2000/svg';

/** One glyph per status, so that the map reads without colour too. */
export const STATUS_GLYPHS: Record<MapStatus, string> = { gap: '✗', spof: '!', unproven: '?', ok: '✓' };
export const STATUS_LABELS: Record<MapStatus, string> = {
    gap: 'gap', spof: 'single point of failure', unproven: 'unproven', ok: 'ok',
};

/**
 * Draws the laid-out map into `layer` (emptied first) with DOM APIs only: every name and message
 * from the plans goes in through textContent or setAttribute, never as markup.
 */
export function drawMap(layer: SVGGElement, map: LaidOutMap): void {
    layer.replaceChildren();
    const containers = element('g', { class: 'containers' });
    const edges = element('g', { class: 'edges' });
    const nodes = element('g', { class: 'nodes' });
    layer.append(containers, edges, nodes);
    for (const container of map.containers) {
        containers.append(drawContainer(container));
    }
    for (const edge of map.edges) {
        const drawn = drawEdge(edge);
        if (drawn) {
            edges.append(drawn);
        }
    }
    for (const node of map.nodes) {
        nodes.append(drawNode(node));
    }
    // Trimming needs the text laid out, so it runs once everything is in the document.
    for (const text of layer.querySelectorAll<SVGTextElement>('text[data-max-width]')) {
        fitText(text, Number(text.dataset.maxWidth));
    }
}

/** The marker every edge ends with; defined once per <svg>. */
export function arrowDefinitions(): SVGDefsElement {
    const defs = element('defs', {});
    const marker = element('marker', {
        id: 'arrow', viewBox: '0 0 10 10', refX: '10', refY: '5', markerWidth: '7', markerHeight: '7',
        orient: 'auto-start-reverse', markerUnits: 'strokeWidth',
    });
    marker.append(element('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: 'arrow-head' }));
    defs.append(marker);
    return defs;
}

function drawNode(node: LaidOutNode): SVGGElement {
    const group = element('g', {
        class: `node kind-${node.kind} status-${node.status}`,
        transform: `translate(${node.x} ${node.y})`,
        'data-element': node.id,
        'data-status': node.status,
        'data-kind': node.kind,
        tabindex: '0',
        role: 'button',
        'aria-label': `${node.name}, ${node.kind}, ${STATUS_LABELS[node.status]}`,
    });
    group.append(element('rect', { class: 'node-box', width: String(node.width), height: String(node.height), rx: '6' }));
    const badge = element('g', { class: 'badge', transform: `translate(${node.width - 13} 13)` });
    badge.append(element('circle', { r: '8' }), text(STATUS_GLYPHS[node.status], { class: 'badge-glyph', y: '4' }));
    group.append(badge);
    const width = node.width - 30;
    group.append(text(node.name, { class: 'node-name', x: '9', y: '18', 'data-max-width': String(width) }));
    const kind = node.subkind ? `${node.kind} · ${node.subkind}` : node.kind;
    if (node.height >= 34) {
        group.append(text(kind, { class: 'node-kind', x: '9', y: '33', 'data-max-width': String(node.width - 16) }));
    }
    if (node.detail && node.height >= 50) {
        group.append(text(node.detail, { class: 'node-detail', x: '9', y: '47', 'data-max-width': String(node.width - 16) }));
    }
    return group;
}

function drawContainer(container: LaidOutContainer): SVGGElement {
    const group = element('g', {
        class: `site status-${container.status}`,
        transform: `translate(${container.x} ${container.y})`,
        'data-element': container.id,
        'data-status': container.status,
        'data-kind': 'site',
        tabindex: '0',
        role: 'button',
        'aria-label': `site ${container.name}, ${STATUS_LABELS[container.status]}`,
    });
    group.append(element('rect', { class: 'site-box', width: String(container.width), height: String(container.height), rx: '8' }));
    const label = container.subkind ? `${container.name} · ${container.subkind}` : container.name;
    group.append(text(label, { class: 'site-name', x: '10', y: '17', 'data-max-width': String(container.width - 20) }));
    return group;
}

function drawEdge(edge: LaidOutEdge): SVGGElement | undefined {
    if (edge.points.length < 2) {
        return undefined;
    }
    const group = element('g', { class: `edge edge-${edge.kind}`, 'data-source': edge.source, 'data-target': edge.target });
    const d = edge.points.map((point, index) => `${index === 0 ? 'M' : 'L'} ${point.x} ${point.y}`).join(' ');
    group.append(element('path', { class: 'edge-line', d, 'marker-end': 'url(#arrow)' }));
    if (edge.label && edge.labelBox) {
        const box = edge.labelBox;
        group.append(
            element('rect', { class: 'edge-label-box', x: String(box.x - 2), y: String(box.y), width: String(box.width + 4), height: String(box.height), rx: '3' }),
            text(edge.label, { class: 'edge-label', x: String(box.x + box.width / 2), y: String(box.y + box.height / 2 + 4) }),
        );
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

/** Shortens a text with an ellipsis until it fits its box (the full text is in the hover). */
function fitText(node: SVGTextElement, maxWidth: number): void {
    const full = node.textContent ?? '';
    if (!(maxWidth > 0) || node.getComputedTextLength() <= maxWidth) {
        return;
    }
    let low = 0;
    let high = full.length;
    while (low < high) {
        const middle = Math.ceil((low + high) / 2);
        node.textContent = `${full.slice(0, middle)}…`;
        if (node.getComputedTextLength() <= maxWidth) {
            low = middle;
        } else {
            high = middle - 1;
        }
    }
    node.textContent = `${full.slice(0, low)}…`;
}
