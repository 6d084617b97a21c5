// Bundles the extension: the language client, the language server (its own process) and the
// preview's browser code. Works from the TypeScript sources; it never needs tsc's output.
import * as esbuild from 'esbuild';
import { fileURLToPath } from 'node:url';

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

const builds = [
    {
        ...common,
        entryPoints: { extension: 'src/extension.ts' },
        outdir: 'dist',
        outExtension: { '.js': '.cjs' },
        format: 'cjs',
        platform: 'node',
        target: 'node20',
        external: ['vscode'],
    },
    {
        ...common,
        // The layout worker goes beside the server: map-request.ts looks for it there.
        entryPoints: { server: '../language/src/main.ts', 'layout-worker': 'src/server/layout-worker.ts' },
        outdir: 'dist',
        outExtension: { '.js': '.cjs' },
        format: 'cjs',
        platform: 'node',
        target: 'node20',
    },
    {
        ...common,
        entryPoints: { webview: 'src/webview/main.ts', preview: 'src/webview/preview.css' },
        outdir: 'dist',
        format: 'iife',
        platform: 'browser',
        target: 'es2022',
    },
];

if (watch) {
    const contexts = await Promise.all(builds.map(options => esbuild.context(options)));
    await Promise.all(contexts.map(context => context.watch()));
    console.log('esbuild: watching packages/extension/src and packages/language/src');
} else {
    await Promise.all(builds.map(options => esbuild.build(options)));
}
