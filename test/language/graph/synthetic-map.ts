import type { DependencyMap, MapEdge, MapEdgeKind, MapNode, MapNodeKind, MapStatus } from '../../../packages/language/src/protocol.js';

/** mulberry32: the same seed always gives the same map. */
function random(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6D2B79F5) >>> 0;
        let value = state;
        value = Math.imul(value ^ (value >>> 15), value | 1);
        value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
        return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
    };
}

const STATUSES: readonly MapStatus[] = ['ok', 'ok', 'ok', 'ok', 'unproven', 'unproven', 'spof', 'gap'];

/**
 * A dependency map of about `size` nodes shaped like a real estate: clusters of twenty workloads in
 * tiers (apps → services → databases) on a few sites, one process per ten nodes using a cluster's apps,
 * with suppliers, customers, data, workforce and equipment, and some process-to-process inputs.
 */
export function syntheticMap(size: number, seed = 1): DependencyMap {
    const next = random(seed);
    const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
    const nodes: MapNode[] = [];
    const edges: MapEdge[] = [];
    const edgeIds = new Set<string>();
    const siteCount = Math.max(2, Math.round(size / 150));
    const containers = Array.from({ length: siteCount }, (_, index) => ({
        id: `Site${index}`, name: `Site${index}`, title: index % 2 === 0 ? `Datacenter ${index}` : `Cloud region ${index}`,
        subkind: index % 2 === 0 ? 'on-premises' : 'azure', status: 'ok' as MapStatus, findings: [],
        location: location(index),
    }));
    const node = (kind: MapNodeKind, id: string, site?: string): MapNode => {
        const created: MapNode = {
            id, kind, name: id, title: `${kind} ${id} of the synthetic estate`, status: pick(STATUSES), findings: [],
            location: location(nodes.length), detail: kind === 'workload' ? 'RT 1h (tested 2026-09-12)' : undefined,
        };
        if (site !== undefined) created.site = site;
        nodes.push(created);
        return created;
    };
    const edge = (kind: MapEdgeKind, source: string, target: string, label?: string) => {
        const id = `${kind}:${source}->${target}`;
        if (source !== target && !edgeIds.has(id)) {
            edgeIds.add(id);
            edges.push(label !== undefined ? { id, kind, source, target, label } : { id, kind, source, target });
        }
    };

    const processes: string[] = [];
    const suppliers: string[] = [];
    const customers: string[] = [];
    let cluster = 0;
    while (nodes.length < size) {
        const site = `Site${cluster % siteCount}`;
        const tiers: string[][] = [[], [], []];
        for (let index = 0; index < 20 && nodes.length < size; index++) {
            tiers[index < 6 ? 0 : index < 14 ? 1 : 2].push(node('workload', `C${cluster}W${index}`, site).id);
        }
        // Each app and service depends on one or two workloads of the tier below.
        for (const tier of [0, 1]) {
            for (const workload of tiers[tier]) {
                if (tiers[tier + 1].length === 0) break;
                edge('depends-on', workload, pick(tiers[tier + 1]));
                if (next() < 0.5) edge('depends-on', workload, pick(tiers[tier + 1]));
            }
        }
        for (let index = 0; index < 2 && nodes.length < size; index++) {
            const process = node('process', `C${cluster}P${index}`).id;
            processes.push(process);
            for (const workload of tiers[0].slice(index * 3, index * 3 + 3)) edge('workload', process, workload);
            if (processes.length > 3 && next() < 0.3) edge('input', pick(processes.slice(0, -1)), process, 'Orders');
            if (suppliers.length > 0 && next() < 0.5) edge('supplier', pick(suppliers), process);
            if (customers.length > 0 && next() < 0.5) edge('output', process, pick(customers), 'Shipments');
        }
        if (nodes.length < size && cluster % 3 === 0) suppliers.push(node('supplier', `C${cluster}Supplier`).id);
        if (nodes.length < size && cluster % 4 === 0) customers.push(node('customer', `C${cluster}Customer`).id);
        if (nodes.length < size && tiers[2].length > 0 && processes.length > 0) {
            const data = node('data', `C${cluster}Data`, site).id;
            edge('data', processes[processes.length - 1], data);
            edge('held-by', data, tiers[2][0]);
        }
        if (nodes.length < size && cluster % 5 === 0 && processes.length > 0) {
            edge('workforce', processes[processes.length - 1], node('workforce', `C${cluster}Staff`, site).id);
        }
        cluster++;
    }
    return { nodes, edges, containers };
}

function location(line: number) {
    return { uri: 'file:///synthetic.drplan', range: { start: { line, character: 0 }, end: { line, character: 5 } } };
}
