// Bundles the extension: the language client, the language server (its own process) and the
// preview's browser code. Works from the TypeScript sources; it never needs tsc's output.
import * as esbuild from 'esbuild';
import { fileURLToPath, pathToFileURL } from 'node:url';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const here = fileURLToPath(new URL('.', import.meta.url));

const common = {
    absWorkingDir: here,
    bundle: true,
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    logLevel: 'warning',
    legalComments: 'none',
};

/** What runs in Node (the extension host, the server's process and its worker): CommonJS `.cjs` files in dist/. */
const node = { ...common, outdir: 'dist', outExtension: { '.js': '.cjs' }, format: 'cjs', platform: 'node', target: 'node20' };

/** The builds (exported for the test of what the server's bundle holds). */
export const builds = [
    { ...node, entryPoints: { extension: 'src/extension.ts' }, external: ['vscode'] },
    {
        ...node,
        entryPoints: { server: '../language/src/main.ts' },
        // The server lays maps out in the worker below, never in its own thread: without elkjs its
        // bundle is 3.4 MB smaller and starts about 70 ms sooner.
        alias: { 'elkjs/lib/elk.bundled.js': './src/server/no-elk.ts' },
    },
    // The layout worker goes beside the server: map-request.ts looks for it there.
    { ...node, entryPoints: { 'layout-worker': 'src/server/layout-worker.ts' } },
    {
        ...common,
        entryPoints: { webview: 'src/webview/main.ts', preview: 'src/webview/preview.css' },
        outdir: 'dist',
        format: 'iife',
        platform: 'browser',
        target: 'es2022',
    },
];

if (!process.argv[1] || import.meta.url !== pathToFileURL(process.argv[1]).href) {
    // Imported, not run: the caller only wants the builds.
} else if (watch) {
    const contexts = await Promise.all(builds.map(options => esbuild.context(options)));
    await Promise.all(contexts.map(context => context.watch()));
    console.log('esbuild: watching packages/extension/src and packages/language/src');
} else {
    await Promise.all(builds.map(options => esbuild.build(options)));
}
