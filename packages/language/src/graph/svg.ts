import type { LaidOutContainer, LaidOutEdge, LaidOutMap, LaidOutNode, MapEdgeKind, MapNodeKind, MapStatus }
    from '../protocol.js';
import { MAP_EDGE_KINDS } from '../protocol.js';
import { escapeXml } from './escape.js';
import { BADGE_FONT, badgeWidth, CONTAINER, containerLabel, FONT, NODE, nodeLabel, STATUS_BADGES, textWidth }
    from './labels.js';

export interface SvgOptions {
    theme?: 'light' | 'dark';
    /** Prefixes the ids of arrowhead markers, so that several maps can share one HTML page. */
    idPrefix?: string;
}

const STATUS_LEGEND: ReadonlyArray<[MapStatus, string]> = [
    ['gap', 'gap: an error (RTO/RPO not met, …)'],
    ['spof', 'single point of failure'],
    ['unproven', 'unproven: rests on estimates'],
    ['ok', 'ok'],
];

const EDGE_LEGEND: Readonly<Record<MapEdgeKind, string>> = {
    'input': 'input (what flows)',
    'output': 'output (what flows)',
    'supplier': 'supplier',
    'customer': 'customer',
    'workload': 'runs on workload',
    'depends-on': 'depends on',
    'data': 'uses data',
    'held-by': 'data held by',
    'workforce': 'needs workforce',
    'equipment': 'needs equipment',
    'alternative': 'alternative supplier',
};

/** Edge kinds that are drawn alike, in legend order. */
const EDGE_STYLES: ReadonlyArray<readonly MapEdgeKind[]> = [['input', 'output'], ['supplier', 'customer'], ['workload'],
    ['depends-on'], ['data'], ['held-by'], ['workforce', 'equipment'], ['alternative']];

/**
 * The colours live in one style sheet of CSS variables scoped to `.drplan-map`, so that a page that
 * embeds the map (the HTML runbook, the preview) can restyle it, and the file alone still looks right.
 */
const STYLE = `
.drplan-map { --bg:#ffffff; --fg:#1f2328; --muted:#5b6472; --faint:#8b95a3;
  --site-fill:#f3f6f9; --site-stroke:#a3afbf; --node-fill:#ffffff;
  --gap:#c62828; --gap-fill:#fdecec; --spof:#d9480f; --spof-fill:#fff0e3;
  --unproven:#b7791f; --unproven-fill:#fff8e1; --ok:#2e7d32; --ok-fill:#eef7ee;
  --flow:#6d28d9; --uses:#2563eb; --depends:#475569; --data:#0f766e; --people:#a16207; --alt:#94a3b8; }
.drplan-map.theme-dark { --bg:#1e1e1e; --fg:#e6e6e6; --muted:#a7b0bb; --faint:#7c8591;
  --site-fill:#252a31; --site-stroke:#55606e; --node-fill:#2b2b2b;
  --gap:#ff6b6b; --gap-fill:#3d2224; --spof:#ff922b; --spof-fill:#3d2b1c;
  --unproven:#f2c94c; --unproven-fill:#36311d; --ok:#69db7c; --ok-fill:#1f3323;
  --flow:#b197fc; --uses:#74a7ff; --depends:#a5b1c2; --data:#38d9a9; --people:#e0b050; --alt:#7c8591; }
.drplan-map { font-family: system-ui, -apple-system, "Segoe UI", "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; }
.drplan-map .background { fill: var(--bg); }
.drplan-map text { fill: var(--fg); }
.drplan-map .heading { font-size: 16px; font-weight: 700; }
.drplan-map .summary, .drplan-map .legend-text { font-size: 11px; fill: var(--muted); }
.drplan-map .legend-heading { font-size: 11px; font-weight: 700; fill: var(--muted); }
.drplan-map .off-map { font-size: 11px; fill: var(--spof); }
.drplan-map .site > rect { fill: var(--site-fill); stroke: var(--site-stroke); stroke-width: 1.2; }
.drplan-map .site .site-name { font-size: ${FONT.containerName}px; font-weight: 700; }
.drplan-map .site .site-title { font-size: ${FONT.containerName}px; font-weight: 400; fill: var(--muted); }
.drplan-map .site .site-detail { font-size: ${FONT.containerDetail}px; fill: var(--muted); }
.drplan-map .site .site-icon { fill: none; stroke: var(--muted); stroke-width: 1.3; }
.drplan-map .site.status-gap > rect { stroke: var(--gap); stroke-width: 2.5; }
.drplan-map .site.status-spof > rect { stroke: var(--spof); stroke-width: 2.5; }
.drplan-map .node .box { stroke-width: 1.3; }
.drplan-map .node .caption { font-size: ${FONT.caption}px; letter-spacing: 0.5px; fill: var(--muted); }
.drplan-map .node .name { font-size: ${FONT.name}px; font-weight: 700; }
.drplan-map .node .title { font-size: ${FONT.title}px; fill: var(--muted); }
.drplan-map .node .detail { font-size: ${FONT.detail}px; fill: var(--muted); }
.drplan-map .node .icon { fill: none; stroke-width: 1.4; stroke-linejoin: round; stroke-linecap: round; }
.drplan-map .badge text { font-size: ${BADGE_FONT}px; font-weight: 700; fill: var(--bg); letter-spacing: 0.4px; }
.drplan-map .status-gap .box { fill: var(--gap-fill); stroke: var(--gap); stroke-width: 2.5; }
.drplan-map .status-spof .box { fill: var(--spof-fill); stroke: var(--spof); stroke-width: 2.5; }
.drplan-map .status-unproven .box { fill: var(--unproven-fill); stroke: var(--unproven); stroke-width: 1.8; stroke-dasharray: 6 3; }
.drplan-map .status-ok .box { fill: var(--node-fill); stroke: var(--ok); }
.drplan-map .status-gap .icon, .drplan-map .status-gap .badge rect { stroke: var(--gap); }
.drplan-map .status-spof .icon, .drplan-map .status-spof .badge rect { stroke: var(--spof); }
.drplan-map .status-unproven .icon, .drplan-map .status-unproven .badge rect { stroke: var(--unproven); }
.drplan-map .status-ok .icon { stroke: var(--ok); }
.drplan-map .status-gap .badge rect { fill: var(--gap); }
.drplan-map .status-spof .badge rect { fill: var(--spof); }
.drplan-map .status-unproven .badge rect { fill: var(--unproven); }
.drplan-map .status-gap.kind-process .detail { fill: var(--gap); }
.drplan-map .swatch.status-gap { fill: var(--gap-fill); stroke: var(--gap); stroke-width: 2.5; }
.drplan-map .swatch.status-spof { fill: var(--spof-fill); stroke: var(--spof); stroke-width: 2.5; }
.drplan-map .swatch.status-unproven { fill: var(--unproven-fill); stroke: var(--unproven); stroke-width: 1.8; stroke-dasharray: 4 2; }
.drplan-map .swatch.status-ok { fill: var(--node-fill); stroke: var(--ok); stroke-width: 1.3; }
.drplan-map .edge path { fill: none; stroke-width: 1.4; }
.drplan-map .edge-label { font-size: ${FONT.edgeLabel}px; font-style: italic; fill: var(--flow);
  paint-order: stroke; stroke: var(--bg); stroke-width: 3px; stroke-linejoin: round; }
.drplan-map .edge-input path, .drplan-map .edge-output path { stroke: var(--flow); stroke-width: 1.8; }
.drplan-map .edge-supplier path, .drplan-map .edge-customer path { stroke: var(--flow); stroke-dasharray: 7 4; }
.drplan-map .edge-workload path { stroke: var(--uses); stroke-width: 1.6; }
.drplan-map .edge-depends-on path { stroke: var(--depends); }
.drplan-map .edge-data path { stroke: var(--data); stroke-dasharray: 2 3; stroke-width: 1.6; }
.drplan-map .edge-held-by path { stroke: var(--data); stroke-dasharray: 5 3; }
.drplan-map .edge-workforce path, .drplan-map .edge-equipment path { stroke: var(--people); stroke-dasharray: 9 3 2 3; }
.drplan-map .edge-alternative path { stroke: var(--alt); stroke-dasharray: 3 3; }
.drplan-map .arrow-input, .drplan-map .arrow-output, .drplan-map .arrow-supplier, .drplan-map .arrow-customer { fill: var(--flow); }
.drplan-map .arrow-workload { fill: var(--uses); }
.drplan-map .arrow-depends-on { fill: var(--depends); }
.drplan-map .arrow-data, .drplan-map .arrow-held-by { fill: var(--data); }
.drplan-map .arrow-workforce, .drplan-map .arrow-equipment { fill: var(--people); }
.drplan-map .arrow-alternative { fill: var(--alt); }
`;

/** Small line drawings, 16×16, one per kind (a workload's drawing follows its own kind). */
function kindIcon(kind: MapNodeKind, subkind: string | undefined): string {
    switch (kind) {
        case 'process':
            return '<path d="M1 3h10l4 5-4 5H1l4-5z"/>';
        case 'workload':
            if (subkind === 'database') {
                return '<ellipse cx="8" cy="3.5" rx="6" ry="2.2"/><path d="M2 3.5v9c0 1.2 2.7 2.2 6 2.2s6-1 6-2.2v-9'
                    + 'M2 8c0 1.2 2.7 2.2 6 2.2s6-1 6-2.2"/>';
            }
            if (subkind === 'network') {
                return '<circle cx="8" cy="3" r="2"/><circle cx="3" cy="13" r="2"/><circle cx="13" cy="13" r="2"/>'
                    + '<path d="M7 4.8 4 11.2M9 4.8l3 6.4M5 13h6"/>';
            }
            if (subkind === 'identity') {
                return '<circle cx="5" cy="8" r="3.2"/><path d="M8.2 8H15M12.5 8v3M15 8v2.5"/>';
            }
            return '<rect x="1.5" y="1.5" width="13" height="5.5" rx="1"/><rect x="1.5" y="9" width="13" height="5.5" rx="1"/>'
                + '<path d="M4 4.2h.1M4 11.7h.1"/>';
        case 'supplier':
            return '<path d="M1 4h9v8H1zM10 7h3l2 2.5V12h-5z"/><circle cx="4" cy="13" r="1.6"/><circle cx="12" cy="13" r="1.6"/>';
        case 'customer':
            return '<circle cx="8" cy="5" r="3"/><path d="M2 15c0-3.5 2.7-5.5 6-5.5s6 2 6 5.5"/>';
        case 'workforce':
            return '<circle cx="5.5" cy="5" r="2.5"/><circle cx="11.5" cy="5.5" r="2"/>'
                + '<path d="M1 14.5c0-3 2-4.8 4.5-4.8S10 11.5 10 14.5M10.5 9.6c2.6-.4 4.5 1.4 4.5 4.4"/>';
        case 'equipment':
            return '<path d="M4 6V1.5h8V6M2 6h12v6H2zM4 10h8v4.5H4z"/>';
        case 'data':
            return '<path d="M3 1.5h7l3 3v10H3zM10 1.5v3h3M5.5 8h5M5.5 11h5"/>';
    }
}

function siteIcon(subkind: string | undefined): string {
    if (subkind === 'azure' || subkind === 'aws' || subkind === 'gcp') {
        return '<path d="M4.5 13h8a3 3 0 0 0 .3-6A4.5 4.5 0 0 0 4.2 6.3 3.4 3.4 0 0 0 4.5 13z"/>';
    }
    return '<path d="M2 14.5V5l6-3 6 3v9.5zM5.5 14.5v-4h5v4M5 7h1M10 7h1"/>';
}

const round = (value: number) => Math.round(value * 10) / 10;

/** Renders a laid-out map as one standalone SVG document (also embeddable in HTML as is). */
export function renderSvg(map: LaidOutMap, options: SvgOptions = {}): string {
    const theme = options.theme ?? 'light';
    const prefix = (options.idPrefix ?? 'drplan-map').replace(/[^A-Za-z0-9_-]/g, '-');
    const margin = 20;
    const kinds = MAP_EDGE_KINDS.filter(kind => map.edges.some(edge => edge.kind === kind));
    // The legend goes under the map, so that the map's coordinates are the SVG's (`graph --format json`, clicks).
    const legend = renderLegend(map, kinds, Math.max(map.width, 760) - 2 * margin, margin, map.height);
    const width = Math.ceil(Math.max(map.width, legend.width + 2 * margin));
    const height = Math.ceil(legend.bottom + margin / 2);

    const out: string[] = [];
    out.push(`<svg xmlns="http://www.w3.org/2000/svg" class="drplan-map theme-${theme}" width="${width}" `
        + `height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(headingText(map))}">`);
    out.push(`<title>${escapeXml(headingText(map))}</title>`);
    out.push(`<style>${STYLE}</style>`);
    out.push('<defs>');
    for (const kind of MAP_EDGE_KINDS) {
        out.push(`<marker id="${prefix}-arrow-${kind}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" `
            + `markerHeight="7" orient="auto-start-reverse"><path class="arrow-${kind}" d="M0 0L10 5L0 10z"/></marker>`);
    }
    out.push('</defs>');
    out.push(`<rect class="background" x="0" y="0" width="${width}" height="${height}"/>`);
    out.push('<g class="map">');
    out.push('<g class="sites">');
    for (const container of map.containers) {
        out.push(renderContainer(container));
    }
    out.push('</g><g class="edges">');
    for (const edge of map.edges) {
        out.push(renderEdge(edge, prefix));
    }
    out.push('</g><g class="nodes">');
    for (const node of map.nodes) {
        out.push(renderNode(node));
    }
    out.push('</g><g class="edge-labels">');
    for (const edge of map.edges) {
        if (edge.label && edge.labelBox) {
            const box = edge.labelBox;
            out.push(`<text class="edge-label" x="${round(box.x + box.width / 2)}" y="${round(box.y + box.height - 3)}" `
                + `text-anchor="middle">${escapeXml(edge.label)}</text>`);
        }
    }
    out.push('</g></g>');
    out.push(legend.svg);
    out.push('</svg>');
    return out.join('\n');
}

function headingText(map: LaidOutMap): string {
    return map.focus !== undefined ? `Dependency map: what ${map.focus} needs` : 'Dependency map';
}

/** The heading, a one-line summary, the legend and the SPOFs the map cannot draw, wrapped to `room`. */
function renderLegend(map: LaidOutMap, kinds: readonly MapEdgeKind[], room: number, margin: number, top: number):
    { svg: string; width: number; bottom: number } {
    const out: string[] = ['<g class="legend">'];
    let y = top + 8 + 14;
    let widest = 0;
    out.push(`<text class="heading" x="${margin}" y="${y}">${escapeXml(headingText(map))}</text>`);
    widest = Math.max(widest, textWidth(headingText(map), 16, true));
    y += 20;
    const summary = summaryText(map);
    out.push(`<text class="summary" x="${margin}" y="${y}">${escapeXml(summary)}</text>`);
    widest = Math.max(widest, textWidth(summary, 11));
    y += 22;

    // Items flow left to right and wrap, each row starting with its heading.
    const row = (heading: string, items: ReadonlyArray<{ width: number; draw: (x: number, y: number) => string }>) => {
        let x = margin;
        out.push(`<text class="legend-heading" x="${x}" y="${y + 4}">${heading}</text>`);
        const indent = margin + textWidth(heading, 11, true) + 10;
        x = indent;
        for (const item of items) {
            if (x + item.width > margin + room && x > indent) {
                y += 20;
                x = indent;
            }
            out.push(item.draw(x, y));
            x += item.width + 18;
            widest = Math.max(widest, x - margin);
        }
        y += 22;
    };
    row('Status', STATUS_LEGEND.map(([status, text]) => ({
        width: 26 + textWidth(text, 11),
        draw: (x: number, rowY: number) => `<g class="legend-status" data-status="${status}">`
            + `<rect class="swatch status-${status}" x="${x}" y="${rowY - 6}" width="18" height="12" rx="3"/>`
            + `<text class="legend-text" x="${x + 24}" y="${rowY + 4}">${escapeXml(text)}</text></g>`,
    })));
    // Kinds drawn alike share one entry: `input / output (what flows)`.
    const entries = EDGE_STYLES.map(group => group.filter(kind => kinds.includes(kind))).filter(group => group.length > 0);
    if (entries.length > 0) {
        row('Edges', entries.map(group => {
            const text = group.length === 1 ? EDGE_LEGEND[group[0]] : `${group.join(' / ')}${group[0] === 'input' ? ' (what flows)' : ''}`;
            return {
                width: 40 + textWidth(text, 11),
                draw: (x: number, rowY: number) => `<g class="legend-edge edge edge-${group[0]}" data-edge-kind="${group.join(' ')}">`
                    + `<path d="M${x} ${rowY}H${x + 30}"/>`
                    + `<text class="legend-text" x="${x + 36}" y="${rowY + 4}">${escapeXml(text)}</text></g>`,
            };
        }));
    }
    for (const spof of map.offMap ?? []) {
        const text = `Not drawn: ${spof.kind} ${spof.id} is a single point of failure for ${spof.processes.join(', ')}`;
        const tooltip = spof.findings.map(finding => finding.message).join('\n');
        out.push(`<text class="off-map" x="${margin}" y="${y + 4}" data-element="${escapeXml(spof.id)}" data-status="spof">`
            + `<title>${escapeXml(tooltip)}</title>⚠ ${escapeXml(text)}</text>`);
        widest = Math.max(widest, textWidth(text, 11) + 16);
        y += 18;
    }
    out.push('</g>');
    return { svg: out.join('\n'), width: Math.min(widest, room), bottom: y };
}

function summaryText(map: LaidOutMap): string {
    const count = (kind: MapNodeKind) => map.nodes.filter(node => node.kind === kind).length;
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    const statuses = (['gap', 'spof', 'unproven'] as const).map(status => {
        const n = map.nodes.filter(node => node.status === status).length
            + map.containers.filter(container => container.status === status).length
            + (status === 'spof' ? map.offMap?.length ?? 0 : 0);
        return `${n} ${status === 'spof' ? 'SPOF' : status}${n === 1 || status === 'unproven' ? '' : 's'}`;
    });
    return [plural(count('process'), 'process').replace(/processs$/, 'processes'), plural(count('workload'), 'workload'),
        plural(map.containers.length, 'site'), ...statuses].join(' · ');
}

function renderContainer(container: LaidOutContainer): string {
    const label = containerLabel(container);
    const { x, y, width, height } = container;
    const tooltip = [container.title ? `${container.name}: ${container.title}` : container.name,
        container.detail ?? '', ...container.findings.map(finding => `${finding.severity} ${finding.code}: ${finding.message}`)]
        .filter(line => line !== '').join('\n');
    const out: string[] = [];
    out.push(`<g class="site status-${container.status}" data-site="${escapeXml(container.id)}" `
        + `data-status="${container.status}">`);
    out.push(`<title>${escapeXml(tooltip)}</title>`);
    out.push(`<rect x="${round(x)}" y="${round(y)}" width="${round(width)}" height="${round(height)}" rx="12"/>`);
    const textX = round(x + CONTAINER.paddingX + 20);
    const nameY = round(y + CONTAINER.top + 12);
    out.push(`<g class="site-icon" transform="translate(${round(x + CONTAINER.paddingX)} ${round(y + CONTAINER.top - 1)})">`
        + `${siteIcon(container.subkind)}</g>`);
    out.push(`<text x="${textX}" y="${nameY}"><tspan class="site-name">${escapeXml(label.name)}</tspan>`
        + (label.title ? `<tspan class="site-title" dx="8">${escapeXml(label.title)}</tspan>` : '') + '</text>');
    if (label.detail) {
        out.push(`<text class="site-detail" x="${textX}" y="${round(nameY + CONTAINER.lineHeight)}">`
            + `${escapeXml(label.detail)}</text>`);
    }
    out.push('</g>');
    return out.join('');
}

function renderEdge(edge: LaidOutEdge, prefix: string): string {
    if (edge.points.length < 2) {
        return '';
    }
    const d = edge.points.map((point, index) => `${index === 0 ? 'M' : 'L'}${round(point.x)} ${round(point.y)}`).join('');
    const tooltip = `${edge.source} → ${edge.target} (${EDGE_LEGEND[edge.kind]}${edge.label ? `: ${edge.label}` : ''})`;
    return `<g class="edge edge-${edge.kind}" data-edge="${escapeXml(edge.id)}" data-source="${escapeXml(edge.source)}" `
        + `data-target="${escapeXml(edge.target)}"><title>${escapeXml(tooltip)}</title>`
        + `<path d="${d}" marker-end="url(#${prefix}-arrow-${edge.kind})"/></g>`;
}

function renderNode(node: LaidOutNode): string {
    const label = nodeLabel(node);
    const { x, y, width, height } = node;
    const radius = node.kind === 'supplier' || node.kind === 'customer' ? Math.min(18, height / 2) : node.kind === 'process' ? 3 : 7;
    const tooltip = [
        node.title ? `${node.name}: ${node.title}` : node.name,
        `${node.kind}${node.subkind ? ` (${node.subkind})` : ''} · ${node.status}`,
        node.detail ?? '',
        ...node.findings.map(finding => `${finding.severity} ${finding.code}: ${finding.message}`),
    ].filter(line => line !== '').join('\n');
    const out: string[] = [];
    out.push(`<g class="node kind-${node.kind} status-${node.status}" data-element="${escapeXml(node.id)}" `
        + `data-kind="${node.kind}" data-status="${node.status}" transform="translate(${round(x)} ${round(y)})">`);
    out.push(`<title>${escapeXml(tooltip)}</title>`);
    out.push(`<rect class="box" x="0" y="0" width="${round(width)}" height="${round(height)}" rx="${radius}"/>`);
    out.push(`<g class="icon" transform="translate(${NODE.paddingX} ${NODE.top + 6})">${kindIcon(node.kind, node.subkind)}</g>`);
    let lineY = NODE.top + 9;
    out.push(`<text class="caption" x="${NODE.textX}" y="${lineY}">${escapeXml(label.caption)}</text>`);
    const badge = STATUS_BADGES[node.status];
    if (badge) {
        const badgeBox = badgeWidth(node.status);
        const badgeX = round(width - NODE.paddingX + 4 - badgeBox);
        out.push(`<g class="badge"><rect x="${badgeX}" y="${lineY - 9}" width="${badgeBox}" height="12" rx="6"/>`
            + `<text x="${round(badgeX + badgeBox / 2)}" y="${lineY - 0.5}" text-anchor="middle">${badge}</text></g>`);
    }
    lineY += NODE.nameHeight;
    out.push(`<text class="name" x="${NODE.textX}" y="${lineY}">${escapeXml(label.name)}</text>`);
    if (label.title !== undefined) {
        lineY += NODE.lineHeight;
        out.push(`<text class="title" x="${NODE.textX}" y="${lineY}">${escapeXml(label.title)}</text>`);
    }
    if (label.detail !== undefined) {
        lineY += NODE.lineHeight;
        out.push(`<text class="detail" x="${NODE.textX}" y="${lineY}">${escapeXml(label.detail)}</text>`);
    }
    out.push('</g>');
    return out.join('');
}
