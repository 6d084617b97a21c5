import { basename } from 'node:path';
import * as esbuild from 'esbuild';
import { expect, test } from 'vitest';
// @ts-expect-error the extension's build script is plain JavaScript
import { builds } from '../../packages/extension/esbuild.mjs';

// What the extension ships for the language server, built in memory with the extension's own build
// options: the server lays maps out in its worker, so elkjs (3.4 MB) is in the worker's bundle only.
test('the language server\'s bundle leaves elkjs to the layout worker\'s', async () => {
    const texts = new Map<string, string>();
    for (const options of builds as esbuild.BuildOptions[]) {
        if (options.platform !== 'node') {
            continue;
        }
        const result = await esbuild.build({ ...options, write: false, sourcemap: false });
        for (const file of result.outputFiles) {
            texts.set(basename(file.path), file.text);
        }
    }
    const server = texts.get('server.cjs')!;
    const worker = texts.get('layout-worker.cjs')!;
    expect(worker).toContain('org.eclipse.elk.layered');
    expect(server).not.toContain('org.eclipse.elk');
    expect(server).toContain('The map layout runs in layout-worker.cjs, which is missing beside the language server');
    expect(server.length).toBeLessThan(worker.length / 2);
}, 60_000);
