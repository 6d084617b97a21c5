// The map layout worker of `drplan-language-server`, found beside its launcher (lsp/map-request.ts):
// maps are laid out off the server's thread, with a stack deep enough for long dependency chains.
import { parentPort } from 'node:worker_threads';
import { answerLayoutRequests } from '../out/graph/layout-worker.js';

answerLayoutRequests(parentPort);
