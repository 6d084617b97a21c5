#!/usr/bin/env node
// Langium 4's profiler on a generated workspace: where parsing, linking and validation spend their
// time, by grammar rule, by reference (node type and property) and by node type, over all files.
//   node scripts/bench/langium-profile.mjs [--size 8000] [--top 15] [--tree DIR]
// Runs in one process on the build (packages/language/out), as measure-language.mjs does, and also
// times the plan model and the analysis, which Langium does not see. Self times: a rule's time
// without the rules it calls. The profiler's own bookkeeping slows everything down (parsing most),
// so compare shares within a category, not these totals with the benchmark's.

import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { DefaultLangiumProfiler, ProfilingTask, URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { BENCH_AS_OF, generateWorkspace } from './generate.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const size = Number(option('--size', '8000'));
const top = Number(option('--top', '15'));
const tree = path.resolve(option('--tree', path.resolve(import.meta.dirname, '../..')));
const { createDrPlanServices, parseIsoDate } = await import(pathToFileURL(path.join(tree, 'packages/language/out/index.js')).href);

/** Adds up every task's entries by category and name, instead of printing a table per file. */
class TotalsProfiler extends DefaultLangiumProfiler {
    totals = new Map();

    createTask(category, taskId) {
        if (!this.isActive(category)) {
            throw new Error(`Category "${category}" is not active.`);
        }
        return new ProfilingTask(record => this.add(category, record), taskId);
    }

    add(category, record) {
        const totals = this.totals.get(category) ?? { tasks: 0, duration: 0, entries: new Map() };
        this.totals.set(category, totals);
        totals.tasks++;
        totals.duration += record.duration;
        // The task clears its entries once this returns: read them now.
        for (const key of record.entries.keys()) {
            const times = record.entries.get(key);
            // The parser's rule names end in a zero-width space.
            const name = key.replace(/\u200b/g, '');
            const entry = totals.entries.get(name) ?? { count: 0, time: 0 };
            entry.count += times.length;
            entry.time += times.reduce((sum, time) => sum + time, 0);
            totals.entries.set(name, entry);
        }
    }
}

const workspace = generateWorkspace({ workloads: size });
const folder = path.resolve(import.meta.dirname, '../../.bench', `w${size}`);

const profiler = new TotalsProfiler();
const services = createDrPlanServices({ ...NodeFileSystem }, { profiler });
const analysis = services.DrPlan.analysis.WorkspaceAnalysis;
analysis.setAsOf(parseIsoDate(BENCH_AS_OF));
const { LangiumDocumentFactory, LangiumDocuments, DocumentBuilder } = services.shared.workspace;
const documents = workspace.files.map(file => {
    const document = LangiumDocumentFactory.fromString(file.text, URI.file(path.join(folder, file.name)));
    LangiumDocuments.addDocument(document);
    return document;
});
await DocumentBuilder.build(documents, { validation: false });
let start = performance.now();
void analysis.planModel;
const model = performance.now() - start;
start = performance.now();
void analysis.analysis;
const analyse = performance.now() - start;
await DocumentBuilder.build([], { validation: true });
for (const document of documents) {
    await services.DrPlan.validation.DocumentValidator.validateDocument(document);
}

const ms = (value) => `${value.toFixed(1)} ms`;
const lines = [`Langium's profiler, w${size} (${documents.length} files), ${new Date().toISOString().slice(0, 16)} UTC`, ''];
for (const [category, totals] of profiler.totals) {
    const named = [...totals.entries].sort((a, b) => b[1].time - a[1].time);
    const inEntries = named.reduce((sum, [, entry]) => sum + entry.time, 0);
    lines.push(`${category}: ${ms(totals.duration)} in ${totals.tasks} tasks (${ms(totals.duration - inEntries)} outside any entry)`);
    lines.push(`  ${'self time'.padStart(11)}  ${'share'.padStart(6)}  ${'count'.padStart(8)}  entry`);
    for (const [name, entry] of named.slice(0, top)) {
        const share = `${(100 * entry.time / totals.duration).toFixed(1)}%`;
        lines.push(`  ${ms(entry.time).padStart(11)}  ${share.padStart(6)}  ${String(entry.count).padStart(8)}  ${name}`);
    }
    lines.push('');
}
lines.push(`plan model ${ms(model)}, analysis ${ms(analyse)} (not Langium's: timed here, with the profiler's slowdown of the rest)`);
process.stdout.write(`${lines.join('\n')}\n`);
