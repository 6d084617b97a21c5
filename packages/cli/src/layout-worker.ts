/**
 * The CLI's layout worker thread (dist/layout-worker.mjs), started by layout.ts. It imports the layout
 * alone, not the language package's index, so that it loads elkjs and not Langium too.
 */
import { parentPort } from 'node:worker_threads';
import { answerLayoutRequests } from '@drplan/language/layout-worker';

answerLayoutRequests(parentPort);
