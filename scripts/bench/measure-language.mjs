// One in-process measurement of the language services on the build (packages/language/out), run in
// its own process by bench.mjs so that every run starts cold, as `drplan check` does:
//   node scripts/bench/measure-language.mjs <folder> <as-of>      → one line of JSON on stdout
// Parse+link is document creation (Langium parses there) plus a build without validation; analysis
// is the plan model and the analysis of the workspace; validation is the document validator of every
// document, with the analysis already cached (mapping findings to documents and the built-in checks).

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { cpuMsOfStat } from './proc-stat.mjs';

// The checkout whose build is measured: this one, or another (`npm run bench -- --tree DIR`).
const TREE = process.env.DRPLAN_BENCH_TREE ?? path.resolve(import.meta.dirname, '../..');
const { createDrPlanServices, parseIsoDate } = await import(pathToFileURL(path.join(TREE, 'packages/language/out/index.js')).href);

const TASKS = '/proc/self/task';

/**
 * CPU milliseconds so far of this process's main thread and of all its other threads (V8's
 * compiler and garbage-collector helpers, libuv's), from Linux's per-thread clock ticks (10 ms
 * each); undefined elsewhere.
 */
function threadTimes() {
    if (!existsSync(TASKS)) {
        return undefined;
    }
    const times = { main: 0, background: 0 };
    for (const task of readdirSync(TASKS)) {
        // A thread that ended since it was listed counts no more.
        times[Number(task) === process.pid ? 'main' : 'background'] += cpuMsOfStat(`${TASKS}/${task}/stat`) ?? 0;
    }
    return times;
}

/** Wall and CPU milliseconds of `work`. */
export async function timed(work) {
    const wallStart = performance.now();
    const cpuStart = process.cpuUsage();
    const result = await work();
    const cpu = process.cpuUsage(cpuStart);
    return { result, wall: performance.now() - wallStart, cpu: (cpu.user + cpu.system) / 1000 };
}

async function measure(folder, asOf) {
    const files = readdirSync(folder).filter(name => name.endsWith('.drplan')).sort().map(name => path.resolve(folder, name));
    const texts = files.map(file => readFileSync(file, 'utf8'));
    const services = createDrPlanServices({ ...NodeFileSystem });
    const workspaceAnalysis = services.DrPlan.analysis.WorkspaceAnalysis;
    workspaceAnalysis.setAsOf(parseIsoDate(asOf));
    const { LangiumDocumentFactory, LangiumDocuments, DocumentBuilder } = services.shared.workspace;
    const validator = services.DrPlan.validation.DocumentValidator;

    const threadsAtStart = threadTimes();
    const parse = await timed(() => files.map((file, index) => {
        const document = LangiumDocumentFactory.fromString(texts[index], URI.file(file));
        LangiumDocuments.addDocument(document);
        return document;
    }));
    const documents = parse.result;
    const link = await timed(() => DocumentBuilder.build(documents, { validation: false }));
    const threadsLinked = threadTimes();
    const model = await timed(() => workspaceAnalysis.planModel);
    const analysis = await timed(() => workspaceAnalysis.analysis);
    const threadsAnalysed = threadTimes();
    const validation = await timed(async () => {
        const codes = {};
        for (const document of documents) {
            for (const diagnostic of await validator.validateDocument(document)) {
                const code = String(diagnostic.code ?? 'none');
                codes[code] = (codes[code] ?? 0) + 1;
            }
        }
        return codes;
    });
    const round = (value) => Math.round(value * 10) / 10;
    return {
        parse: { wall: round(parse.wall), cpu: round(parse.cpu) },
        link: { wall: round(link.wall), cpu: round(link.cpu) },
        parseLink: { wall: round(parse.wall + link.wall), cpu: round(parse.cpu + link.cpu) },
        model: { wall: round(model.wall), cpu: round(model.cpu) },
        analyze: { wall: round(analysis.wall), cpu: round(analysis.cpu) },
        analysis: { wall: round(model.wall + analysis.wall), cpu: round(model.cpu + analysis.cpu) },
        validation: { wall: round(validation.wall), cpu: round(validation.cpu) },
        // CPU of parse+link and of the analysis by thread: the main thread, and the rest (mostly V8
        // compiling hot functions and collecting garbage in the background).
        threads: threadsAtStart && {
            parseLink: { main: threadsLinked.main - threadsAtStart.main, background: threadsLinked.background - threadsAtStart.background },
            analysis: { main: threadsAnalysed.main - threadsLinked.main, background: threadsAnalysed.background - threadsLinked.background },
        },
        findings: analysis.result.findings.length,
        diagnostics: validation.result,
        heapUsedMB: Math.round(process.memoryUsage().heapUsed / 1048576),
    };
}

const [folder, asOf] = process.argv.slice(2);
if (!folder || !asOf) {
    process.stderr.write('usage: node scripts/bench/measure-language.mjs <folder> <as-of>\n');
    process.exitCode = 2;
} else {
    process.stdout.write(`${JSON.stringify(await measure(folder, asOf))}\n`);
}
