import type { MessagePort } from 'node:worker_threads';
import type { DependencyMap } from '../protocol.js';
import { layoutMap } from './layout.js';

/**
 * The body of a layout worker thread (the language server's `dist/layout-worker.cjs`, the CLI's
 * `dist/layout-worker.mjs`): lays out each map its parent posts and posts back the laid-out map or
 * the error's message, with the request's id. `MapLayout` is the other end.
 */
export function answerLayoutRequests(port: MessagePort | null): void {
    port?.on('message', (request: { id: number; map: DependencyMap }) => {
        layoutMap(request.map).then(
            map => port.postMessage({ id: request.id, map }),
            (error: unknown) => port.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) }),
        );
    });
}
