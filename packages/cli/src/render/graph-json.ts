import { formatIsoDate, type LaidOutMap, type MapBox, type MapLocation } from '@drplan/language';
import { fileURLToPath } from 'node:url';
import { displayPath } from '../report.js';

/**
 * The `graph --format json` document: every node, site container and edge of the laid-out map with its
 * position and size (absolute, origin top left, y downwards, in the SVG's units), so that other tools can
 * draw or check the map. Sources are given as in `check --format json`: relative path, 1-based line and column.
 */
export function renderGraphJson(map: LaidOutMap, asOf: Date, cwd: string): string {
    const source = (location: MapLocation) => ({
        file: fileOf(location.uri, cwd),
        line: location.range.start.line + 1,
        column: location.range.start.character + 1,
    });
    const document = {
        version: 1,
        asOf: formatIsoDate(asOf),
        focus: map.focus ?? null,
        width: map.width,
        height: map.height,
        nodes: map.nodes.map(node => ({
            id: node.id,
            kind: node.kind,
            subkind: node.subkind ?? null,
            name: node.name,
            title: node.title ?? null,
            status: node.status,
            site: node.site ?? null,
            detail: node.detail ?? null,
            ...box(node),
            ...source(node.location),
            findings: node.findings,
        })),
        containers: map.containers.map(container => ({
            id: container.id,
            kind: 'site',
            subkind: container.subkind ?? null,
            name: container.name,
            title: container.title ?? null,
            status: container.status,
            detail: container.detail ?? null,
            ...box(container),
            ...source(container.location),
            findings: container.findings,
        })),
        edges: map.edges.map(edge => ({
            id: edge.id,
            kind: edge.kind,
            source: edge.source,
            target: edge.target,
            label: edge.label ?? null,
            points: edge.points.map(point => ({ x: round(point.x), y: round(point.y) })),
            labelBox: edge.labelBox ? box(edge.labelBox) : null,
        })),
        offMap: map.offMap ?? [],
    };
    return `${JSON.stringify(document, null, 2)}\n`;
}

function box(shape: MapBox): MapBox {
    return { x: round(shape.x), y: round(shape.y), width: round(shape.width), height: round(shape.height) };
}

/** Layout coordinates are floats; a tenth of a unit is finer than any screen shows. */
function round(value: number): number {
    return Math.round(value * 10) / 10;
}

function fileOf(uri: string, cwd: string): string {
    return uri.startsWith('file:') ? displayPath(fileURLToPath(uri), cwd) : uri;
}
