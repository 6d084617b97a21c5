import { beforeAll, describe, expect, test } from 'vitest';
import { buildDependencyMap, createElk, layoutMap } from '../../../packages/language/src/graph/index.js';
import type { LaidOutMap, MapBox, MapPoint } from '../../../packages/language/src/protocol.js';
import { syntheticMap } from './synthetic-map.js';
import { analyseExample } from './workspace.js';

const overlap = (a: MapBox, b: MapBox) =>
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (inner: MapBox, outer: MapBox) => inner.x >= outer.x && inner.y >= outer.y
    && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
const onBorder = (point: { x: number; y: number }, box: MapBox) => {
    const near = (a: number, b: number) => Math.abs(a - b) <= 1.5;
    const withinX = point.x >= box.x - 1.5 && point.x <= box.x + box.width + 1.5;
    const withinY = point.y >= box.y - 1.5 && point.y <= box.y + box.height + 1.5;
    return (withinY && (near(point.x, box.x) || near(point.x, box.x + box.width)))
        || (withinX && (near(point.y, box.y) || near(point.y, box.y + box.height)));
};

/** What a reader checks on any laid-out map: boxes apart, nodes in their sites, edges from box to box. */
function expectReadable(map: LaidOutMap): void {
    const nodes = new Map(map.nodes.map(node => [node.id, node]));
    const containers = new Map(map.containers.map(container => [container.id, container]));
    for (const box of [...map.nodes, ...map.containers]) {
        expect(box.width).toBeGreaterThan(0);
        expect(box.height).toBeGreaterThan(0);
        expect(inside(box, { x: 0, y: 0, width: map.width, height: map.height })).toBe(true);
    }
    for (let i = 0; i < map.nodes.length; i++) {
        for (let j = i + 1; j < map.nodes.length; j++) {
            if (overlap(map.nodes[i], map.nodes[j])) {
                expect.fail(`${map.nodes[i].id} overlaps ${map.nodes[j].id}`);
            }
        }
    }
    for (let i = 0; i < map.containers.length; i++) {
        for (let j = i + 1; j < map.containers.length; j++) {
            expect(overlap(map.containers[i], map.containers[j]), `${map.containers[i].id} / ${map.containers[j].id}`).toBe(false);
        }
    }
    for (const node of map.nodes) {
        for (const container of map.containers) {
            if (node.site === container.id) {
                expect(inside(node, container), `${node.id} inside ${container.id}`).toBe(true);
            } else {
                expect(overlap(node, container), `${node.id} outside ${container.id}`).toBe(false);
            }
        }
    }
    expect(map.edges.every(edge => containers.has(edge.source) || nodes.has(edge.source))).toBe(true);
    for (const edge of map.edges) {
        expect(edge.points.length, edge.id).toBeGreaterThanOrEqual(2);
        expect(onBorder(edge.points[0], nodes.get(edge.source)!), `${edge.id} starts at its source`).toBe(true);
        expect(onBorder(edge.points[edge.points.length - 1], nodes.get(edge.target)!), `${edge.id} ends at its target`).toBe(true);
        if (edge.label) {
            expect(edge.labelBox, edge.id).toBeDefined();
        }
    }
}

describe('the layout of examples/contoso-retail', () => {
    let map: LaidOutMap;
    beforeAll(async () => {
        map = await layoutMap(buildDependencyMap(await analyseExample('contoso-retail')));
    });

    test('keeps every node, edge and site, with boxes apart and nodes inside their sites', () => {
        expect(map.nodes).toHaveLength(18);
        expect(map.edges).toHaveLength(22);
        expect(map.containers.map(container => container.id)).toEqual(['Seattle', 'Tacoma', 'AzureWestUS2']);
        expectReadable(map);
    });

    test('reads left to right: suppliers before the processes they feed, processes before their workloads', () => {
        const x = (id: string) => map.nodes.find(node => node.id === id)!.x;
        expect(x('PaymentGateway')).toBeLessThan(x('OrderFulfilment'));
        expect(x('WebOrdering')).toBeLessThan(x('OrderFulfilment'));
        expect(x('OrderFulfilment')).toBeLessThan(x('OrderApp'));
        expect(x('OrderApp')).toBeLessThan(x('OrderDb'));
        expect(x('OrderDb')).toBeLessThan(x('ActiveDirectory'));
    });

    test('sizes boxes from their labels: a longer name gets a wider box', () => {
        const width = (id: string) => map.nodes.find(node => node.id === id)!.width;
        expect(width('OrderDb')).toBeGreaterThan(width('Finance'));
        expect(Math.max(...map.nodes.map(node => node.width))).toBeLessThanOrEqual(330);
    });

    test('is the same every time', async () => {
        const again = await layoutMap(buildDependencyMap(await analyseExample('contoso-retail')), await createElk());
        expect(again).toEqual(map);
    });
});

test('a focused map and an empty map lay out too', async () => {
    const analysis = await analyseExample('contoso-retail');
    expectReadable(await layoutMap(buildDependencyMap(analysis, { process: 'Payments' })));
    const empty = await layoutMap({ nodes: [], edges: [], containers: [] });
    expect(empty).toMatchObject({ nodes: [], edges: [], containers: [] });
});

test('synthetic maps of 100 and 500 nodes are readable', async () => {
    for (const size of [100, 500]) {
        const map = syntheticMap(size);
        expect(map.nodes).toHaveLength(size);
        expectReadable(await layoutMap(map));
    }
}, 120_000);

describe('maps over 150 nodes are laid out for speed', () => {
    type Segment = [MapPoint, MapPoint];
    const segments = (map: LaidOutMap): Segment[] =>
        map.edges.flatMap(edge => edge.points.slice(1).map((point, index): Segment => [edge.points[index], point]));
    const axisAligned = ([a, b]: Segment) => Math.abs(a.x - b.x) < 0.5 || Math.abs(a.y - b.y) < 0.5;

    test('a map of 100 nodes routes every edge in horizontal and vertical runs', async () => {
        expect(segments(await layoutMap(syntheticMap(100))).every(axisAligned)).toBe(true);
    });

    test('a map of 300 nodes draws edges as straight sloped lines, and spaces the boxes in its sites as in the rest of the map', async () => {
        const map = await layoutMap(syntheticMap(300));
        expectReadable(map);
        expect(segments(map).some(segment => !axisAligned(segment))).toBe(true);
        // Boxes of one layer (they share columns) are 22 px apart, inside a site as outside it.
        const gaps = (site: string | undefined) => {
            const column = map.nodes.filter(node => node.site === site).sort((a, b) => a.y - b.y);
            return column.flatMap((node, index) => column.slice(index + 1)
                .filter(below => below.x < node.x + node.width && node.x < below.x + below.width)
                .slice(0, 1).map(below => below.y - (node.y + node.height)));
        };
        const insideSites = map.containers.flatMap(container => gaps(container.id));
        expect(insideSites.length).toBeGreaterThan(100);
        expect(Math.min(...insideSites)).toBeGreaterThan(21.5);
        expect(Math.min(...gaps(undefined))).toBeGreaterThan(21.5);
    });
});

test('layout time of synthetic maps of 100, 500 and 2,000 nodes (printed, not asserted)', async () => {
    const elk = await createElk();
    await layoutMap(syntheticMap(50), elk); // loads and warms elkjs
    for (const size of [100, 500, 2000]) {
        const map = syntheticMap(size);
        const start = performance.now();
        const laidOut = await layoutMap(map, elk);
        const time = performance.now() - start;
        console.log(`layout of ${size} nodes, ${map.edges.length} edges, ${map.containers.length} sites: ${time.toFixed(0)} ms`);
        expect(laidOut.nodes).toHaveLength(size);
    }
}, 300_000);
