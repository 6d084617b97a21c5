// Bundles the CLI into dist/ (ES modules, split per command, so `drplan --help` still loads only
// commander). One bundle instead of hundreds of module files halves the start-up of `drplan check`.
import * as esbuild from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
// Chunk names carry content hashes: start from an empty folder so no stale chunk lingers.
rmSync(new URL('dist', import.meta.url), { recursive: true, force: true });

await esbuild.build({
    absWorkingDir: here,
    entryPoints: { drplan: 'src/cli.ts', 'layout-worker': 'src/layout-worker.ts' },
    outdir: 'dist',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    sourcesContent: false,
    legalComments: 'none',
    logLevel: 'warning',
    // CommonJS dependencies (elkjs, vscode-languageserver) call require(): give the bundle one.
    banner: { js: "import { createRequire as __drplanRequire } from 'node:module'; const require = __drplanRequire(import.meta.url);" },
});
