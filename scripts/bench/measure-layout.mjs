// Map layout time on the build (packages/language/out/graph): maps of a given number of nodes cut from
// the dependency map of a generated workspace, whole clusters first, so that they keep their edges.
//   node scripts/bench/measure-layout.mjs <nodes,nodes,…> <repeats>     → one line of JSON on stdout
// The first layout of a process also loads elkjs; it is reported apart from the median of the rest.

import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { EmptyFileSystem, URI } from 'langium';
import { BENCH_AS_OF, generateWorkspace } from './generate.mjs';

// The checkout whose build is measured: this one, or another (`npm run bench -- --tree DIR`).
const TREE = process.env.DRPLAN_BENCH_TREE ?? path.resolve(import.meta.dirname, '../..');
const built = (file) => import(pathToFileURL(path.join(TREE, 'packages/language/out', file)).href);
const { buildDependencyMap } = await built('graph/dependency-map.js');
const { layoutMap } = await built('graph/layout.js');
const { createDrPlanServices, parseIsoDate } = await built('index.js');

/** The analysis of a generated workspace, built in memory. */
export async function analysisOf(workloads) {
    const workspace = generateWorkspace({ workloads });
    const services = createDrPlanServices(EmptyFileSystem);
    services.DrPlan.analysis.WorkspaceAnalysis.setAsOf(parseIsoDate(BENCH_AS_OF));
    const { LangiumDocumentFactory, LangiumDocuments, DocumentBuilder } = services.shared.workspace;
    const documents = workspace.files.map(file => {
        const document = LangiumDocumentFactory.fromString(file.text, URI.file(`/bench/${file.name}`));
        LangiumDocuments.addDocument(document);
        return document;
    });
    await DocumentBuilder.build(documents, { validation: false });
    return services.DrPlan.analysis.WorkspaceAnalysis.analysis;
}

/** The first `count` nodes, cluster by cluster (C12…), each followed by the shared nodes it links to. */
export function cutMap(map, count) {
    const clusterOf = (id) => /^C(\d+)[A-Z]/.exec(id)?.[1];
    const byId = new Map(map.nodes.map(node => [node.id, node]));
    const neighbours = new Map();
    for (const edge of map.edges) {
        for (const [from, to] of [[edge.source, edge.target], [edge.target, edge.source]]) {
            if (!neighbours.has(from)) neighbours.set(from, []);
            neighbours.get(from).push(to);
        }
    }
    const clusters = [...new Set(map.nodes.map(node => clusterOf(node.id)).filter(Boolean))]
        .sort((a, b) => Number(a) - Number(b));
    const kept = new Set();
    for (const cluster of clusters) {
        for (const node of map.nodes.filter(candidate => clusterOf(candidate.id) === cluster)) {
            for (const id of [node.id, ...(neighbours.get(node.id) ?? []).filter(id => !clusterOf(id))]) {
                if (kept.size < count && byId.has(id)) kept.add(id);
            }
        }
        if (kept.size >= count) break;
    }
    const nodes = map.nodes.filter(node => kept.has(node.id));
    const sites = new Set(nodes.map(node => node.site).filter(Boolean));
    return {
        ...map,
        nodes,
        edges: map.edges.filter(edge => kept.has(edge.source) && kept.has(edge.target)),
        containers: map.containers.filter(container => sites.has(container.id)),
    };
}

export async function measure(sizes, repeats) {
    // Enough clusters for the largest map: about 37 nodes per cluster of 25 workloads.
    const analysis = await analysisOf(Math.max(200, Math.ceil(Math.max(...sizes) / 37) * 25 + 100));
    const full = buildDependencyMap(analysis);
    const results = [];
    let first;
    for (const size of sizes) {
        const map = cutMap(full, size);
        const times = [];
        const runs = repeats + (first === undefined ? 1 : 0);
        for (let run = 0; run < runs; run++) {
            const start = performance.now();
            const cpuStart = process.cpuUsage();
            const laidOut = await layoutMap(map);
            const cpu = process.cpuUsage(cpuStart);
            const timing = { wall: performance.now() - start, cpu: (cpu.user + cpu.system) / 1000 };
            if (laidOut.nodes.length !== map.nodes.length) {
                throw new Error(`layout returned ${laidOut.nodes.length} of ${map.nodes.length} nodes`);
            }
            if (first === undefined) {
                first = { nodes: map.nodes.length, ...timing };
            } else {
                times.push(timing);
            }
        }
        results.push({ nodes: map.nodes.length, edges: map.edges.length, containers: map.containers.length, runs: times });
    }
    return { first, sizes: results };
}

const [sizes, repeats] = process.argv.slice(2);
if (process.argv[1] !== fileURLToPath(import.meta.url)) {
    // Imported (for cutMap): measure nothing.
} else if (!sizes) {
    process.stderr.write('usage: node scripts/bench/measure-layout.mjs <nodes,nodes,…> [repeats]\n');
    process.exitCode = 2;
} else {
    process.stdout.write(`${JSON.stringify(await measure(sizes.split(',').map(Number), Number(repeats ?? 3)))}\n`);
}
