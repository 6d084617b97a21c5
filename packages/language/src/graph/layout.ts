import type { ELK, ElkExtendedEdge, ElkNode, LayoutOptions } from 'elkjs/lib/elk-api.js';
import type { DependencyMap, LaidOutContainer, LaidOutEdge, LaidOutMap, LaidOutNode, MapBox, MapPoint }
    from '../protocol.js';
import { containerLabel, FONT, nodeLabel, textWidth } from './labels.js';

export type { ELK };

/**
 * The one way drplan creates elkjs: the bundled build runs in the calling thread, shared by the CLI,
 * tests and the language server's layout worker (the server itself lays out nothing: its bundle has
 * no elkjs). It is imported on first use: elkjs is 3.4 MB of JavaScript that `drplan check` would
 * otherwise compile at start-up.
 */
export async function createElk(): Promise<ELK> {
    // The CommonJS build exports the constructor, which is also its own `default`: TypeScript (Node16) sees only that.
    const { default: elkBundled } = await import('elkjs/lib/elk.bundled.js');
    return new elkBundled.default();
}

let sharedElk: Promise<ELK> | undefined;

/** Above this many nodes, layout speed matters more than polish (`LARGE_MAP_ALGORITHM`). */
const LARGE_MAP = 150;

const ROOT_PADDING = 16;

/** Room between boxes and edges, for the whole map and, on large maps, inside each site too. */
const SPACING: LayoutOptions = {
    'elk.spacing.nodeNode': '22',
    'elk.layered.spacing.nodeNodeBetweenLayers': '60',
    'elk.spacing.edgeNode': '14',
    'elk.spacing.edgeEdge': '8',
    'elk.layered.spacing.edgeNodeBetweenLayers': '18',
    'elk.layered.spacing.edgeEdgeBetweenLayers': '8',
    'elk.spacing.componentComponent': '40',
    'elk.spacing.edgeLabel': '4',
};

/** Layered, left to right, sites as compound nodes; coordinates come back absolute (`ROOT`). */
const ROOT_OPTIONS: LayoutOptions = {
    'elk.algorithm': 'layered',
    'elk.direction': 'RIGHT',
    'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
    'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    'elk.layered.nodePlacement.bk.fixedAlignment': 'BALANCED',
    'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    'elk.edgeRouting': 'ORTHOGONAL',
    ...SPACING,
    'elk.padding': `[top=${ROOT_PADDING},left=${ROOT_PADDING},bottom=${ROOT_PADDING},right=${ROOT_PADDING}]`,
    'elk.json.shapeCoords': 'ROOT',
    'elk.json.edgeCoords': 'ROOT',
};

/**
 * Large maps trade a little polish for speed: no model-order tie-breaking or greedy switch, one
 * crossing-minimisation try instead of seven, and straight sloped edges instead of orthogonal
 * routing, whose channel assignment grows fastest with the edges between two layers. ELK reads
 * these from each site for the nodes inside it, so sites get them too, with the map's spacing.
 */
const LARGE_MAP_ALGORITHM: LayoutOptions = {
    'elk.layered.considerModelOrder.strategy': 'NONE',
    'elk.layered.crossingMinimization.greedySwitch.type': 'OFF',
    'elk.layered.thoroughness': '1',
    'elk.edgeRouting': 'POLYLINE',
};
const LARGE_MAP_OPTIONS: LayoutOptions = { ...ROOT_OPTIONS, ...LARGE_MAP_ALGORITHM };
const LARGE_MAP_SITE_OPTIONS: LayoutOptions = { ...SPACING, ...LARGE_MAP_ALGORITHM };

// ELK ids are prefixed by role, so that a node, a container and an edge can never collide.
const nodeId = (id: string) => `n:${id}`;
const containerId = (id: string) => `c:${id}`;
const edgeId = (id: string) => `e:${id}`;

/**
 * Lays out a dependency map with elkjs and returns it with absolute boxes for nodes and
 * containers and routed points for edges. `elk` defaults to one instance shared by all callers.
 */
export async function layoutMap(map: DependencyMap, elk?: ELK): Promise<LaidOutMap> {
    const engine = elk ?? await (sharedElk ??= createElk());
    const containerIds = new Set(map.containers.map(container => container.id));
    const large = map.nodes.length > LARGE_MAP;
    const root: ElkNode = { id: 'root', layoutOptions: large ? LARGE_MAP_OPTIONS : ROOT_OPTIONS, children: [], edges: [] };
    const containerNodes = new Map<string, ElkNode>();
    for (const container of map.containers) {
        const label = containerLabel(container);
        const node: ElkNode = {
            id: containerId(container.id), children: [], edges: [],
            layoutOptions: {
                ...(large ? LARGE_MAP_SITE_OPTIONS : {}),
                'elk.padding': `[top=${label.header},left=14,bottom=14,right=14]`,
                'elk.nodeSize.constraints': 'MINIMUM_SIZE',
                'elk.nodeSize.minimum': `(${label.minWidth}, ${label.header + 24})`,
            },
        };
        containerNodes.set(container.id, node);
    }
    const parentOf = new Map<string, string | undefined>();
    for (const node of map.nodes) {
        const { width, height } = nodeLabel(node);
        const site = node.site !== undefined && containerIds.has(node.site) ? node.site : undefined;
        parentOf.set(node.id, site);
        const parent = site !== undefined ? containerNodes.get(site)! : root;
        parent.children!.push({ id: nodeId(node.id), width, height });
    }
    // Sites with nothing drawn in them have no edges: ELK would stack them among the suppliers,
    // so they are set in a row under the map instead.
    const emptySites = map.containers.filter(container => containerNodes.get(container.id)!.children!.length === 0);
    root.children!.push(...[...containerNodes.values()].filter(node => node.children!.length > 0));
    for (const edge of map.edges) {
        if (!parentOf.has(edge.source) || !parentOf.has(edge.target)) {
            continue;
        }
        const elkEdge: ElkExtendedEdge = { id: edgeId(edge.id), sources: [nodeId(edge.source)], targets: [nodeId(edge.target)] };
        if (edge.label) {
            elkEdge.labels = [{ id: `l:${edge.id}`, text: edge.label, height: FONT.edgeLabel + 4,
                // At the tail: centre labels become dummy nodes that push customers past the sites.
                layoutOptions: { 'elk.edgeLabels.placement': 'TAIL' },
                width: textWidth(edge.label, FONT.edgeLabel) + 6 }];
        }
        // An edge lives in the lowest container holding both ends, as ELK expects.
        const sourceSite = parentOf.get(edge.source);
        const sameSite = sourceSite !== undefined && sourceSite === parentOf.get(edge.target);
        (sameSite ? containerNodes.get(sourceSite)! : root).edges!.push(elkEdge);
    }

    const result = await engine.layout(root);

    const boxes = new Map<string, MapBox>();
    const edgeRoutes = new Map<string, ElkExtendedEdge>();
    const stack: ElkNode[] = [result];
    while (stack.length > 0) {
        const node = stack.pop()!;
        for (const child of node.children ?? []) {
            boxes.set(child.id, { x: child.x ?? 0, y: child.y ?? 0, width: child.width ?? 0, height: child.height ?? 0 });
            stack.push(child);
        }
        for (const edge of node.edges ?? []) {
            edgeRoutes.set(edge.id, edge);
        }
    }

    const nodes: LaidOutNode[] = map.nodes.map(node => ({ ...node, ...boxes.get(nodeId(node.id))! }));
    let width = Math.ceil(result.width ?? 0);
    let height = Math.ceil(result.height ?? 0);
    const rowTop = map.nodes.length > 0 ? height : ROOT_PADDING;
    let rowX = ROOT_PADDING;
    for (const site of emptySites) {
        const label = containerLabel(site);
        const box = { x: rowX, y: rowTop, width: label.minWidth, height: label.header + 12 };
        boxes.set(containerId(site.id), box);
        rowX += box.width + 24;
        width = Math.max(width, box.x + box.width + ROOT_PADDING);
        height = Math.max(height, box.y + box.height + ROOT_PADDING);
    }
    const containers: LaidOutContainer[] = map.containers.map(container =>
        ({ ...container, ...boxes.get(containerId(container.id))! }));
    const edges: LaidOutEdge[] = [];
    for (const edge of map.edges) {
        const route = edgeRoutes.get(edgeId(edge.id));
        if (!route) {
            continue;
        }
        const points: MapPoint[] = [];
        for (const section of route.sections ?? []) {
            for (const point of [section.startPoint, ...(section.bendPoints ?? []), section.endPoint]) {
                const last = points[points.length - 1];
                if (!last || last.x !== point.x || last.y !== point.y) {
                    points.push({ x: point.x, y: point.y });
                }
            }
        }
        const laidOut: LaidOutEdge = { ...edge, points };
        const label = route.labels?.[0];
        if (label && label.x !== undefined && label.y !== undefined) {
            laidOut.labelBox = { x: label.x, y: label.y, width: label.width ?? 0, height: label.height ?? 0 };
        }
        edges.push(laidOut);
    }
    const laidOut: LaidOutMap = { nodes, edges, containers, width, height };
    if (map.focus !== undefined) laidOut.focus = map.focus;
    if (map.offMap !== undefined) laidOut.offMap = map.offMap;
    return laidOut;
}
