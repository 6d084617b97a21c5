import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type DependencyMap, type LaidOutMap, layoutMap, MapLayout } from '@drplan/language';

/**
 * Lays out a map for `drplan graph` and the HTML runbook. elkjs recurses once per element along a
 * chain of dependencies, and the main thread's stack overflows at a chain of some 8,000 workloads:
 * such a map is laid out again in a worker thread (`dist/layout-worker.mjs`, beside the bundle),
 * whose stack is deep enough (`LAYOUT_STACK_MB`). Every other map is laid out here, which spares the
 * worker's start (about 0.1 s of `drplan graph`'s 1.3–1.9 s at 200 workloads). Run from the sources
 * (the tests), there is no worker script and the overflow is an error.
 */
export async function layOut(map: DependencyMap): Promise<LaidOutMap> {
    try {
        return await layoutMap(map);
    } catch (error) {
        const script = fileURLToPath(new URL('./layout-worker.mjs', import.meta.url));
        if (!(error instanceof RangeError && /call stack/i.test(error.message)) || !existsSync(script)) {
            throw error;
        }
        // The worker does not keep the process alive once the map is back.
        return new MapLayout(script).layout(map);
    }
}
