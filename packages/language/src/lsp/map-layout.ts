import { Worker } from 'node:worker_threads';
import { layoutMap } from '../graph/layout.js';
import type { DependencyMap, LaidOutMap } from '../protocol.js';

/**
 * A layout no longer wanted: the workspace changed while the map was laid out (or waited to be).
 * The preview asks again when the model-changed notification comes.
 */
export class LayoutAbandoned extends Error {
    override readonly name = 'LayoutAbandoned';
}

/**
 * An abandoned layout of at most this many nodes is left to finish in the worker rather than the
 * worker restarted. A new worker has to compile elkjs and warm it up again: its first layout of a
 * 100–300-node map takes about four times as long as the same layout in a worker that has laid out
 * a few maps (0.8–1.3 s against 0.2–0.3 s, measured in docs/performance.md), while what is left of
 * a layout this size in a warm worker takes at most about as long as that penalty (0.6–0.7 s at 500
 * nodes). Larger maps (only with `drplan.preview.maxNodes` raised) are stopped at once.
 */
export const FINISH_ABANDONED_UP_TO = 500;

/**
 * An abandoned layout left to finish is stopped after this long, so that the next map never waits
 * longer, even behind a layout that would never end (before, any edit stopped it). A warm worker
 * lays out 500 nodes in about 0.7 s, a new one in about 1.5 s.
 */
export const ABANDONED_LAYOUT_LIMIT_MS = 2_000;

/**
 * The stack of a layout worker. elkjs recurses once per element along a chain of dependencies:
 * the main thread's stack (about 1 MB) overflows at a chain of 8,000 workloads; a worker's default
 * (4 MB) takes 20,000, which elkjs lays out in 8 s. This one takes chains far longer than any that
 * lays out in reasonable time.
 */
export const LAYOUT_STACK_MB = 64;

/** What MapLayout needs of a worker thread (a seam for tests; `Worker` by default). */
export interface LayoutThread {
    postMessage(message: { id: number; map: DependencyMap }): void;
    on(event: 'message', listener: (reply: { id: number; map?: LaidOutMap; error?: string }) => void): unknown;
    on(event: 'error', listener: (error: Error) => void): unknown;
    on(event: 'exit', listener: (code: number) => void): unknown;
    terminate(): unknown;
    ref(): void;
    unref(): void;
}

interface Job {
    readonly map: DependencyMap;
    readonly resolve: (map: LaidOutMap) => void;
    readonly reject: (error: Error) => void;
    id?: number;
    abandoned?: boolean;
    /** Set when abandoned and left to finish: stops the worker if it takes too long. */
    deadline?: ReturnType<typeof setTimeout>;
}

/**
 * Lays maps out in a worker thread, so that elkjs (synchronous, seconds for a few hundred nodes)
 * never holds up diagnostics or completion. The worker lays out one map at a time; the others wait
 * here, so that an edit can drop them before they start. The worker is kept for as long as it
 * works, because elkjs gets several times faster once a worker has laid out a few maps: an edit
 * abandons the layout under way (its caller is told at once) and lets the worker finish it, unless
 * the map is large (`FINISH_ABANDONED_UP_TO`) or it takes too long (`ABANDONED_LAYOUT_LIMIT_MS`).
 * Without a worker script, layouts run in this thread.
 */
export class MapLayout {
    private worker?: LayoutThread;
    private running?: Job;
    private readonly queue: Job[] = [];
    private nextId = 0;

    constructor(private readonly workerScript: string | false,
        private readonly startThread: (script: string) => LayoutThread =
            script => new Worker(script, { resourceLimits: { stackSizeMb: LAYOUT_STACK_MB } })) {}

    layout(map: DependencyMap): Promise<LaidOutMap> {
        if (!this.workerScript) {
            return layoutMap(map);
        }
        return new Promise((resolve, reject) => {
            this.queue.push({ map, resolve, reject });
            this.startNext();
        });
    }

    /** Rejects every layout asked for so far with `LayoutAbandoned`; later ones are laid out as usual. */
    abandon(): void {
        const abandoned = new LayoutAbandoned('The workspace changed while the map was laid out');
        const running = this.running;
        if (running && !running.abandoned) {
            running.abandoned = true;
            running.reject(abandoned);
        }
        this.queue.splice(0).forEach(job => job.reject(abandoned));
        if (!running || !this.worker) {
            return;
        }
        if (running.map.nodes.length > FINISH_ABANDONED_UP_TO) {
            this.stopWorker();
        } else {
            running.deadline ??= setTimeout(() => {
                if (this.running === running) {
                    this.stopWorker();
                    this.startNext();
                }
            }, ABANDONED_LAYOUT_LIMIT_MS);
            // Nothing to wait for once the server is done.
            running.deadline.unref?.();
        }
    }

    /** Stops the worker and what it is doing (the next layout starts a new one). */
    private stopWorker(): void {
        void this.worker?.terminate();
        this.forgetWorker();
    }

    /** Lets go of the worker and of the layout it was doing, which is returned. */
    private forgetWorker(): Job | undefined {
        const running = this.running;
        clearTimeout(running?.deadline);
        this.worker = undefined;
        this.running = undefined;
        return running;
    }

    private startNext(): void {
        if (this.running || this.queue.length === 0 || !this.workerScript) {
            return;
        }
        const job = this.queue.shift()!;
        job.id = ++this.nextId;
        this.running = job;
        const worker = this.worker ??= this.start(this.workerScript);
        worker.postMessage({ id: job.id, map: job.map });
        // While it lays out, the worker keeps the process alive (the CLI waits for nothing else).
        worker.ref();
    }

    private start(script: string): LayoutThread {
        const worker = this.startThread(script);
        worker.on('message', reply => {
            const job = this.running;
            if (this.worker !== worker || job?.id !== reply.id) {
                return;
            }
            this.running = undefined;
            clearTimeout(job.deadline);
            if (!job.abandoned) {
                if (reply.map) {
                    job.resolve(reply.map);
                } else {
                    job.reject(new Error(reply.error ?? 'the layout failed'));
                }
            }
            this.startNext();
            if (!this.running) {
                worker.unref();
            }
        });
        worker.on('error', error => this.stopped(worker, error));
        worker.on('exit', code => this.stopped(worker, new Error(`the layout worker stopped (exit code ${code})`)));
        // Idle, the worker must not keep the process alive (the server once its client has gone, the CLI
        // once its map is back). Only after the listeners: a 'message' listener holds the worker again.
        worker.unref();
        return worker;
    }

    /** The worker failed or exited on its own: what it and the queue held fails with it; the next layout starts a new one. */
    private stopped(worker: LayoutThread, error: Error): void {
        if (this.worker !== worker) {
            return;
        }
        const running = this.forgetWorker();
        if (running && !running.abandoned) {
            running.reject(error);
        }
        this.queue.splice(0).forEach(job => job.reject(error));
    }
}
