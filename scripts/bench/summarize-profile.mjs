#!/usr/bin/env node
// Summarises a V8 CPU profile (`node --cpu-prof`): the functions with the most self time, and the
// drplan and Langium functions with the most total time (time with everything they call).
//   node scripts/bench/summarize-profile.mjs <file.cpuprofile> [top=25] [--match TEXT] [--from MS]
// --match keeps in the total-time list only functions whose file contains TEXT (default: drplan's
// packages and langium); --from counts only samples taken MS or more after the profile started
// (a language server's edits without its start-up and first build); --callers TEXT lists, for the
// samples spent in functions whose name contains TEXT, the nearest drplan function that called them.

import { readFileSync } from 'node:fs';
import * as path from 'node:path';

function summarize(profile, { top, match, from = 0, callers }) {
    const nodes = new Map(profile.nodes.map(node => [node.id, node]));
    const parent = new Map();
    for (const node of profile.nodes) {
        for (const child of node.children ?? []) parent.set(child, node.id);
    }
    const keyOf = (node) => {
        const { functionName, url, lineNumber } = node.callFrame;
        const file = url ? shorten(url) : '';
        return `${functionName || '(anonymous)'} ${file}${file ? `:${lineNumber + 1}` : ''}`;
    };
    const self = new Map();
    const total = new Map();
    const callerTimes = new Map();
    let all = 0;
    let elapsed = 0;
    profile.samples.forEach((id, index) => {
        const delta = (profile.timeDeltas[index] ?? 0) / 1000;
        elapsed += delta;
        if (elapsed < from) return;
        all += delta;
        const node = nodes.get(id);
        self.set(keyOf(node), (self.get(keyOf(node)) ?? 0) + delta);
        if (callers !== undefined && keyOf(node).includes(callers)) {
            let current = parent.get(id);
            while (current !== undefined && !nodes.get(current).callFrame.url.includes('/packages/')) current = parent.get(current);
            const key = current === undefined ? '(no drplan caller)' : keyOf(nodes.get(current));
            callerTimes.set(key, (callerTimes.get(key) ?? 0) + delta);
        }
        // Each function counts once per sample, however deep it recurses.
        const seen = new Set();
        for (let current = id; current !== undefined; current = parent.get(current)) {
            const frame = nodes.get(current);
            const key = keyOf(frame);
            if (!seen.has(key) && match(frame.callFrame.url)) {
                seen.add(key);
                total.set(key, (total.get(key) ?? 0) + delta);
            }
        }
    });
    const list = (map) => [...map].sort((a, b) => b[1] - a[1]).slice(0, top)
        .map(([key, ms]) => `${ms.toFixed(0).padStart(7)} ms ${(100 * ms / all).toFixed(1).padStart(5)}%  ${key}`);
    return [`profile: ${all.toFixed(0)} ms sampled`, '', `top ${top} by self time:`, ...list(self), '',
        `top ${top} by total time (${match.description}):`, ...list(total),
        ...(callers !== undefined ? ['', `nearest drplan callers of ${callers}:`, ...list(callerTimes)] : [])].join('\n');
}

function shorten(url) {
    const file = url.replace(/^file:\/\//, '');
    const modules = file.lastIndexOf('node_modules/');
    if (modules >= 0) return file.slice(modules + 'node_modules/'.length);
    const packages = file.indexOf('packages/');
    return packages >= 0 ? file.slice(packages) : path.basename(file);
}

const args = process.argv.slice(2);
const file = args.find(arg => arg.endsWith('.cpuprofile'));
if (!file) {
    process.stderr.write('usage: node scripts/bench/summarize-profile.mjs <file.cpuprofile> [top] [--match TEXT]\n');
    process.exitCode = 2;
} else {
    const top = Number(args.find((arg, index) => /^\d+$/.test(arg) && !['--from', '--match', '--callers'].includes(args[index - 1])) ?? 25);
    const matchIndex = args.indexOf('--match');
    const text = matchIndex >= 0 ? args[matchIndex + 1] : undefined;
    const match = text !== undefined
        ? Object.assign((url) => url.includes(text), { description: `files containing ${text}` })
        : Object.assign((url) => url.includes('/packages/') || url.includes('node_modules/langium/'), { description: 'drplan and langium' });
    const fromIndex = args.indexOf('--from');
    const from = fromIndex >= 0 ? Number(args[fromIndex + 1]) : 0;
    const callersIndex = args.indexOf('--callers');
    const callers = callersIndex >= 0 ? args[callersIndex + 1] : undefined;
    process.stdout.write(`${summarize(JSON.parse(readFileSync(file, 'utf8')), { top, match, from, callers })}\n`);
}
