import { EventEmitter } from 'node:events';
import { describe, expect, test, vi } from 'vitest';
import { ABANDONED_LAYOUT_LIMIT_MS, FINISH_ABANDONED_UP_TO, LayoutAbandoned, MapLayout, type LayoutThread }
    from '../../../packages/language/src/lsp/map-layout.js';
import type { DependencyMap, LaidOutMap } from '../../../packages/language/src/protocol.js';

// The scheduling of layouts in the worker thread, with a stand-in for the thread that answers when
// the test says so (the real worker is driven by test/extension/layout-worker.test.ts).

class FakeThread extends EventEmitter implements LayoutThread {
    readonly posted: Array<{ id: number; map: DependencyMap }> = [];
    terminated = false;

    postMessage(message: { id: number; map: DependencyMap }): void {
        this.posted.push(message);
    }

    terminate(): void {
        this.terminated = true;
    }

    /** The events listened to, and `unref`, in the order they came. */
    readonly calls: string[] = [];

    override on(event: string, listener: Parameters<EventEmitter['on']>[1]): this {
        this.calls.push(`on ${event}`);
        return super.on(event, listener);
    }

    ref(): void {
        this.calls.push('ref');
    }

    unref(): void {
        this.calls.push('unref');
    }

    /** The worker finishes the layout it was last sent. */
    finish(): void {
        const { id, map } = this.posted[this.posted.length - 1];
        this.emit('message', { id, map: laidOut(map) });
    }
}

function mapOf(nodes: number, name = 'M'): DependencyMap {
    return {
        nodes: Array.from({ length: nodes }, (_, index) => ({ id: `${name}${index}`, name: `${name}${index}`, kind: 'workload', status: 'ok' })),
        edges: [], containers: [],
    } as unknown as DependencyMap;
}

function laidOut(map: DependencyMap): LaidOutMap {
    return { nodes: map.nodes.map(node => ({ ...node, x: 0, y: 0, width: 10, height: 10 })), edges: [], containers: [], width: 10, height: 10 };
}

function scheduler() {
    const threads: FakeThread[] = [];
    const layout = new MapLayout('layout-worker.cjs', () => {
        const thread = new FakeThread();
        threads.push(thread);
        return thread;
    });
    return { layout, threads };
}

/** Lets promise callbacks run. */
const settle = () => new Promise(resolve => setImmediate(resolve));

describe('map layout scheduling', () => {
    test('the worker keeps the process alive while it lays out, and only then', async () => {
        // In Node, listening to a worker's messages holds it (and the process) again after `unref`:
        // the worker is let go of once its listeners are on.
        const { layout, threads } = scheduler();
        const first = layout.layout(mapOf(1, 'A'));
        const second = layout.layout(mapOf(1, 'B'));
        expect(threads[0].calls).toEqual(['on message', 'on error', 'on exit', 'unref', 'ref']);
        threads[0].finish();
        await first;
        expect(threads[0].calls.slice(5)).toEqual(['ref']);
        threads[0].finish();
        await second;
        expect(threads[0].calls.slice(5)).toEqual(['ref', 'unref']);
    });

    test('the worker lays out one map at a time, in the order asked', async () => {
        const { layout, threads } = scheduler();
        const first = layout.layout(mapOf(3, 'A'));
        const second = layout.layout(mapOf(2, 'B'));
        expect(threads).toHaveLength(1);
        expect(threads[0].posted.map(message => message.map.nodes[0].id)).toEqual(['A0']);
        threads[0].finish();
        expect((await first).nodes.map(node => node.id)).toEqual(['A0', 'A1', 'A2']);
        expect(threads[0].posted.map(message => message.map.nodes[0].id)).toEqual(['A0', 'B0']);
        threads[0].finish();
        expect((await second).nodes).toHaveLength(2);
        expect(threads).toHaveLength(1);
    });

    test('an edit abandons the layouts asked for; a small one finishes in the same, warm worker', async () => {
        const { layout, threads } = scheduler();
        const running = layout.layout(mapOf(FINISH_ABANDONED_UP_TO, 'A'));
        const waiting = layout.layout(mapOf(5, 'B'));
        layout.abandon();
        await expect(running).rejects.toBeInstanceOf(LayoutAbandoned);
        await expect(waiting).rejects.toBeInstanceOf(LayoutAbandoned);
        expect(threads[0].terminated).toBe(false);

        // The next map waits for the worker to finish the abandoned one, whose answer nobody gets.
        const next = layout.layout(mapOf(4, 'C'));
        expect(threads[0].posted.map(message => message.map.nodes[0].id)).toEqual(['A0']);
        threads[0].finish();
        await settle();
        expect(threads[0].posted.map(message => message.map.nodes[0].id)).toEqual(['A0', 'C0']);
        threads[0].finish();
        expect((await next).nodes.map(node => node.id)).toEqual(['C0', 'C1', 'C2', 'C3']);
        expect(threads).toHaveLength(1);
    });

    test('an edit stops the worker laying out a large map, and the next map starts a new one at once', async () => {
        const { layout, threads } = scheduler();
        const running = layout.layout(mapOf(FINISH_ABANDONED_UP_TO + 1, 'A'));
        layout.abandon();
        await expect(running).rejects.toBeInstanceOf(LayoutAbandoned);
        expect(threads[0].terminated).toBe(true);
        // The stopped worker's exit is its own affair: it fails nothing that came after it.
        const next = layout.layout(mapOf(2, 'B'));
        threads[0].emit('exit', 1);
        expect(threads).toHaveLength(2);
        threads[1].finish();
        expect((await next).nodes).toHaveLength(2);
    });

    test('an abandoned layout that takes too long is stopped, and the maps waiting for it go to a new worker', async () => {
        vi.useFakeTimers();
        try {
            const { layout, threads } = scheduler();
            const running = layout.layout(mapOf(3, 'A'));
            layout.abandon();
            await expect(running).rejects.toBeInstanceOf(LayoutAbandoned);
            const next = layout.layout(mapOf(2, 'B'));
            vi.advanceTimersByTime(ABANDONED_LAYOUT_LIMIT_MS - 1);
            expect(threads[0].terminated).toBe(false);
            // A second edit meanwhile does not put the deadline off.
            layout.abandon();
            await expect(next).rejects.toBeInstanceOf(LayoutAbandoned);
            const last = layout.layout(mapOf(4, 'C'));
            vi.advanceTimersByTime(1);
            expect(threads[0].terminated).toBe(true);
            expect(threads).toHaveLength(2);
            expect(threads[1].posted.map(message => message.map.nodes[0].id)).toEqual(['C0']);
            threads[1].finish();
            expect((await last).nodes).toHaveLength(4);
        } finally {
            vi.useRealTimers();
        }
    });

    test('an abandoned layout that finishes in time keeps its worker, and its deadline goes with it', async () => {
        vi.useFakeTimers();
        try {
            const { layout, threads } = scheduler();
            void layout.layout(mapOf(3, 'A')).catch(() => {});
            layout.abandon();
            threads[0].finish();
            vi.advanceTimersByTime(ABANDONED_LAYOUT_LIMIT_MS * 2);
            expect(threads[0].terminated).toBe(false);
            const next = layout.layout(mapOf(2, 'B'));
            threads[0].finish();
            expect((await next).nodes).toHaveLength(2);
            expect(threads).toHaveLength(1);
        } finally {
            vi.useRealTimers();
        }
    });

    test('abandoning with nothing under way changes nothing', async () => {
        const { layout, threads } = scheduler();
        const first = layout.layout(mapOf(1));
        threads[0].finish();
        await first;
        layout.abandon();
        const second = layout.layout(mapOf(2));
        threads[0].finish();
        expect((await second).nodes).toHaveLength(2);
        expect(threads).toHaveLength(1);
    });

    test('a worker that fails or exits fails its layout and the waiting ones; the next map starts a new worker', async () => {
        const { layout, threads } = scheduler();
        const running = layout.layout(mapOf(3, 'A'));
        const waiting = layout.layout(mapOf(3, 'B'));
        threads[0].emit('error', new Error('out of memory'));
        await expect(running).rejects.toThrow('out of memory');
        await expect(waiting).rejects.toThrow('out of memory');

        const again = layout.layout(mapOf(2, 'C'));
        expect(threads).toHaveLength(2);
        threads[1].emit('exit', 3);
        await expect(again).rejects.toThrow('the layout worker stopped (exit code 3)');
    });

    test('a layout that fails in the worker fails alone; the worker goes on with the next', async () => {
        const { layout, threads } = scheduler();
        const failing = layout.layout(mapOf(3, 'A'));
        const next = layout.layout(mapOf(2, 'B'));
        threads[0].emit('message', { id: threads[0].posted[0].id, error: 'elk says no' });
        await expect(failing).rejects.toThrow('elk says no');
        threads[0].finish();
        expect((await next).nodes).toHaveLength(2);
        expect(threads).toHaveLength(1);
    });
});
