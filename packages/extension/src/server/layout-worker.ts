/**
 * The map layout in a worker thread of the language server (dist/layout-worker.cjs beside
 * dist/server.cjs): elkjs runs synchronously, and a large map would otherwise hold up diagnostics
 * and completion for seconds. The server terminates the worker when a newer build makes the
 * layout it is computing useless.
 */
import { parentPort } from 'node:worker_threads';
import { layoutMap } from '../../../language/src/graph/layout.js';
import type { DependencyMap } from '../../../language/src/protocol.js';

parentPort?.on('message', (request: { id: number; map: DependencyMap }) => {
    layoutMap(request.map).then(
        map => parentPort?.postMessage({ id: request.id, map }),
        (error: unknown) => parentPort?.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) }),
    );
});
