/**
 * The map layout in a worker thread of the language server (dist/layout-worker.cjs beside
 * dist/server.cjs): elkjs runs synchronously, and a large map would otherwise hold up diagnostics
 * and completion for seconds. The server terminates the worker when a newer build makes the
 * layout it is computing useless.
 */
import { parentPort } from 'node:worker_threads';
import { answerLayoutRequests } from '../../../language/src/graph/layout-worker.js';

answerLayoutRequests(parentPort);
