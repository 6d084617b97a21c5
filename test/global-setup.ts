import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Tests that run the built binaries (the CLI, the language server) need an up-to-date build.
 * (`npm install` has built everything once; this keeps it current while sources change.)
 * One incremental `tsc -b` before the whole run (a no-op after `npm install`), instead of one per
 * test file that could collide when files run in parallel. Type errors are printed, not fatal:
 * tsc still emits, and `npm install` (the build) is where they fail.
 */
export default function setup(): void {
    const root = fileURLToPath(new URL('../', import.meta.url));
    const build = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-b', 'tsconfig.build.json'],
        { cwd: root, encoding: 'utf8' });
    if (build.status !== 0) {
        process.stderr.write(`tsc -b reported problems (tests use what it emitted):\n${build.stdout}${build.stderr}`);
    }
    // The drplan binary runs the CLI bundle (packages/cli/dist), made from what tsc just emitted.
    const bundle = spawnSync(process.execPath, ['packages/cli/esbuild.mjs'], { cwd: root, encoding: 'utf8' });
    if (bundle.status !== 0) {
        throw new Error(`bundling the CLI failed:\n${bundle.stdout}${bundle.stderr}`);
    }
}
