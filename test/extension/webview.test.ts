import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { layoutMap } from '../../packages/language/src/graph/layout.js';
import type { DependencyMap, LaidOutMap, MapNode } from '../../packages/language/src/protocol.js';
import type { MapMessage } from '../../packages/extension/src/preview/messages.js';
import { launchChromium } from '../chromium.js';

// The preview's browser code in headless Chromium, with a stand-in for the VS Code webview API that
// records what the webview posts. The extension's side is not involved: only messages in and out.
const extension = fileURLToPath(new URL('../../packages/extension/', import.meta.url));
const screenshots = fileURLToPath(new URL('../../test-results/webview/', import.meta.url));

let browser: Browser;
let page: Page;
let script: string;
let style: string;

beforeAll(async () => {
    const built = await esbuild.build({
        absWorkingDir: extension,
        entryPoints: ['src/webview/main.ts', 'src/webview/preview.css'],
        bundle: true, write: false, format: 'iife', platform: 'browser', outdir: 'out-test',
    });
    script = built.outputFiles.find(file => file.path.endsWith('.js'))!.text;
    style = built.outputFiles.find(file => file.path.endsWith('.css'))!.text;
    browser = await launchChromium();
});

afterAll(async () => {
    await browser?.close();
});

beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
    await load(page);
});

/** Loads the webview as VS Code would, with `acquireVsCodeApi` recording messages and state. */
async function load(target: Page, savedState?: unknown, theme = { body: 'vscode-light', colours: '' }): Promise<void> {
    await target.setContent(`<!DOCTYPE html><html style="${theme.colours}"><head><style>${style}</style></head><body class="${theme.body}">
<script>
window.posted = [];
window.savedState = ${JSON.stringify(savedState ?? null)};
window.acquireVsCodeApi = () => ({
  postMessage: message => window.posted.push(message),
  getState: () => window.savedState,
  setState: state => { window.savedState = state; },
});
</script>
<script>${script.replace(/<\/script/g, '<\\/script')}</script></body></html>`);
}

function posted(target = page): Promise<Array<Record<string, unknown>>> {
    return target.evaluate(() => (window as unknown as { posted: Array<Record<string, unknown>> }).posted);
}

function send(message: object, target = page): Promise<void> {
    return target.evaluate(data => window.postMessage(data, '*'), message);
}

function node(id: string, status: MapNode['status'], extra: Partial<MapNode> = {}): MapNode {
    return {
        id, name: id, kind: 'workload', status, findings: [],
        location: { uri: `file:///plans/${id}.drplan`, range: { start: { line: 1, character: 9 }, end: { line: 1, character: 9 + id.length } } },
        ...extra,
    };
}

/** A small map as the server sends it: built by hand, laid out by the shared elkjs layout. */
function sampleMap(orderStatus: MapNode['status'] = 'gap'): Promise<LaidOutMap> {
    const map: DependencyMap = {
        nodes: [
            node('OrderFulfilment', orderStatus, {
                kind: 'process', subkind: 'critical', title: 'Order fulfilment',
                detail: orderStatus === 'gap' ? 'recovers in 5h20m ✗ RTO 4h' : 'recovers in 5h20m ✓ RTO 6h',
                findings: orderStatus === 'gap'
                    ? [{ code: 'rto-gap', severity: 'error', message: 'OrderFulfilment recovers in 5h20m but its RTO is 4h' }]
                    : [],
            }),
            node('OrderApp', 'ok', { site: 'Seattle', subkind: 'application' }),
            node('OrderDb', 'unproven', { site: 'Seattle', subkind: 'database', findings: [
                { code: 'missing-capability', severity: 'warning', message: 'OrderDb <img src=x onerror="window.injected=1"> has no recovery point' },
            ] }),
            node('PaymentGateway', 'spof', { kind: 'supplier' }),
        ],
        edges: [
            { id: 'workload:OrderFulfilment->OrderApp', kind: 'workload', source: 'OrderFulfilment', target: 'OrderApp' },
            { id: 'depends-on:OrderApp->OrderDb', kind: 'depends-on', source: 'OrderApp', target: 'OrderDb' },
            { id: 'input:PaymentGateway->OrderFulfilment', kind: 'input', source: 'PaymentGateway', target: 'OrderFulfilment', label: 'Card authorisations' },
        ],
        containers: [{
            id: 'Seattle', name: 'Seattle', subkind: 'on-premises', status: 'ok', findings: [],
            location: { uri: 'file:///plans/sites.drplan', range: { start: { line: 0, character: 5 }, end: { line: 0, character: 12 } } },
        }],
    };
    return layoutMap(map);
}

function mapMessage(map: LaidOutMap, extra: Partial<MapMessage> = {}): MapMessage {
    return {
        type: 'map', map, scope: 'workspace', failover: 'unplanned', asOf: '2026-10-01',
        processes: [{ name: 'OrderFulfilment', title: 'Order fulfilment', status: 'gap', location: { uri: 'file:///plans/processes.drplan', range: { start: { line: 7, character: 8 }, end: { line: 7, character: 23 } } } }],
        ...extra,
    };
}

describe('the dependency-map webview', () => {
    test('says it is ready, then draws every node and site with its name and status', async () => {
        expect(await posted()).toEqual([{ type: 'ready' }]);
        await send(mapMessage(await sampleMap()));
        const nodes = page.locator('svg.map g.node[data-element]');
        await expect.poll(() => nodes.count()).toBe(4);
        const drawn = await nodes.evaluateAll(elements => elements.map(element =>
            [element.getAttribute('data-element'), element.getAttribute('data-status'), element.querySelector('.name')?.textContent]));
        expect(drawn).toEqual([
            ['OrderFulfilment', 'gap', 'OrderFulfilment'],
            ['OrderApp', 'ok', 'OrderApp'],
            ['OrderDb', 'unproven', 'OrderDb'],
            ['PaymentGateway', 'spof', 'PaymentGateway'],
        ]);
        expect(await page.locator('g.site[data-element="Seattle"]').getAttribute('data-status')).toBe('ok');
        expect(await page.locator('g.edge').count()).toBe(3);
        expect(await page.locator('.edge-label').textContent()).toBe('Card authorisations');
        expect(await page.locator('.legend [data-legend="gap"] .count').textContent()).toBe('1');
        expect(await page.locator('.status-line').textContent()).toBe('Workspace · unplanned failover · as of 2026-10-01');
        mkdirSync(screenshots, { recursive: true });
        await page.screenshot({ path: `${screenshots}/map.png` });
    });

    test('redraws on a new map and keeps the zoom and pan the user chose', async () => {
        await send(mapMessage(await sampleMap('gap')));
        await page.locator('g.node[data-element="OrderFulfilment"]').waitFor();
        await page.mouse.move(500, 400);
        await page.mouse.wheel(0, -300);
        await page.mouse.move(500, 400);
        await page.mouse.down();
        await page.mouse.move(560, 430, { steps: 5 });
        await page.mouse.up();
        const transform = await page.locator('g.viewport').getAttribute('transform');

        await send(mapMessage(await sampleMap('ok')));
        await expect.poll(() => page.locator('g.node[data-element="OrderFulfilment"]').getAttribute('data-status')).toBe('ok');
        expect(await page.locator('g.node[data-element="OrderFulfilment"] .detail').textContent()).toBe('recovers in 5h20m ✓ RTO 6h');
        expect(await page.locator('g.viewport').getAttribute('transform')).toBe(transform);
        expect(await page.locator('.legend [data-legend="gap"] .count').textContent()).toBe('0');
        // The pan was not a click: nothing to reveal.
        expect((await posted()).filter(message => message.type === 'reveal')).toEqual([]);
    });

    test('zooming in with the buttons keeps the map in view, even when the panel\'s middle is empty', async () => {
        // A small map fitted from the top leaves the lower half of the panel empty.
        await send(mapMessage(await sampleMap()));
        await page.locator('g.node[data-element="OrderFulfilment"]').waitFor();
        const zoomIn = page.getByRole('button', { name: 'Zoom in' });
        for (let press = 0; press < 6; press++) {
            await zoomIn.click();
        }
        const panel = (await page.locator('svg.map').boundingBox())!;
        const inView = await page.locator('svg.map g.node').evaluateAll((nodes, box) => nodes.filter(node => {
            const drawn = node.getBoundingClientRect();
            return drawn.right > box.x && drawn.left < box.x + box.width && drawn.bottom > box.y && drawn.top < box.y + box.height;
        }).length, panel);
        expect(inView).toBeGreaterThan(0);
    });

    test('counts sites in the legend: a site whose loss strands a process is a single point of failure', async () => {
        const map = await sampleMap();
        await send(mapMessage({ ...map, containers: map.containers.map(site => ({ ...site, status: 'spof' as const, detail: 'on-premises' })) }));
        await page.locator('g.site[data-element="Seattle"][data-status="spof"]').waitFor();
        expect(await page.locator('.legend [data-legend="spof"] .count').textContent()).toBe('2');
        expect(await page.locator('.legend [data-legend="ok"] .count').textContent()).toBe('1');
        // Hovering the site (to read its findings) keeps its SPOF colour.
        const border = page.locator('g.site[data-element="Seattle"] .site-box');
        const before = await border.evaluate(box => getComputedStyle(box).stroke);
        await page.locator('g.site[data-element="Seattle"] .site-name').hover();
        await expect.poll(() => page.locator('.tooltip').isVisible()).toBe(true);
        expect(await border.evaluate(box => getComputedStyle(box).stroke)).toBe(before);
        // Its kind line says on-premises; the detail saying only that again is left out.
        expect(await page.locator('.tooltip').innerText()).toBe('Seattle\nsite · on-premises · single point of failure\nNo findings.');
    });

    test('draws a single point of failure in orange in High Contrast Light, whose chart orange is its border blue', async () => {
        // The colours VS Code 1.100 gives a webview in the High Contrast Light theme.
        await load(page, undefined, {
            body: 'vscode-high-contrast-light vscode-high-contrast',
            colours: '--vscode-charts-orange: #0f4a85; --vscode-contrastBorder: #0f4a85; --vscode-charts-red: #b5200d; '
                + '--vscode-charts-yellow: #895503; --vscode-charts-green: #374e06; --vscode-editor-background: #ffffff',
        });
        await send(mapMessage(await sampleMap()));
        const stroke = (selector: string) => page.locator(selector).evaluate(box => getComputedStyle(box).stroke);
        const spof = await stroke('g.node[data-element="PaymentGateway"] .box');
        expect(spof).toBe('rgb(179, 72, 0)');
        expect(spof).not.toBe(await stroke('g.site[data-element="Seattle"] .site-box'));
    });

    test('stops panning when the button was released outside the webview, where its pointerup never arrives', async () => {
        await send(mapMessage(await sampleMap()));
        await page.locator('g.node[data-element="OrderFulfilment"]').waitFor();
        await page.evaluate(() => document.querySelector('svg.map')!.addEventListener('pointerdown', event => {
            (window as unknown as { pointerId: number }).pointerId = event.pointerId;
        }));
        await page.mouse.move(500, 500);
        await page.mouse.down();
        await page.mouse.move(560, 530, { steps: 5 });
        const panned = await page.locator('g.viewport').getAttribute('transform');
        // In VS Code the webview is an iframe: released over the editor, it sees only moves with no button held.
        await page.evaluate(() => {
            const svg = document.querySelector('svg.map')!;
            const pointerId = (window as unknown as { pointerId: number }).pointerId;
            for (const [x, y] of [[600, 560], [700, 620]]) {
                svg.dispatchEvent(new PointerEvent('pointermove', { pointerId, clientX: x, clientY: y, buttons: 0, bubbles: true }));
            }
        });
        expect(await page.locator('g.viewport').getAttribute('transform')).toBe(panned);
        expect(await page.locator('svg.map').getAttribute('class')).not.toContain('panning');
        await page.mouse.up();
    });

    test('posts a reveal message naming the node that was clicked', async () => {
        await send(mapMessage(await sampleMap()));
        await page.locator('g.node[data-element="OrderDb"]').click();
        await page.locator('g.site[data-element="Seattle"] .site-name').click();
        expect((await posted()).filter(message => message.type === 'reveal'))
            .toEqual([{ type: 'reveal', element: 'OrderDb' }, { type: 'reveal', element: 'Seattle' }]);
    });

    test('a click survives a new map arriving between press and release (the map redraws after every edit)', async () => {
        await send(mapMessage(await sampleMap('gap')));
        const box = (await page.locator('g.node[data-element="OrderDb"] .box').boundingBox())!;
        await page.mouse.move(box.x + 10, box.y + 10);
        await page.mouse.down();
        await send(mapMessage(await sampleMap('ok')));
        await page.evaluate(() => new Promise(resolve => requestAnimationFrame(resolve)));
        await page.mouse.up();
        await expect.poll(async () => (await posted()).filter(message => message.type === 'reveal'))
            .toEqual([{ type: 'reveal', element: 'OrderDb' }]);
        // The new map is drawn once the click is over.
        await expect.poll(() => page.locator('g.node[data-element="OrderFulfilment"]').getAttribute('data-status')).toBe('ok');
    });

    test('the same map again leaves the boxes in place: the box under the pointer or keyboard focus stays', async () => {
        await send(mapMessage(await sampleMap()));
        await page.locator('g.node[data-element="OrderDb"]').focus();
        await send(mapMessage(await sampleMap()));
        await send(mapMessage(await sampleMap(), { asOf: '2026-10-02' }));
        await expect.poll(() => page.locator('.status-line').textContent()).toContain('as of 2026-10-02');
        expect(await page.evaluate(() => document.activeElement?.getAttribute('data-element'))).toBe('OrderDb');
    });

    test('lists a node\'s findings on hover, as text, never as markup', async () => {
        await send(mapMessage(await sampleMap()));
        await page.locator('g.node[data-element="OrderDb"]').hover();
        const tooltip = page.locator('.tooltip');
        await expect.poll(() => tooltip.isVisible()).toBe(true);
        expect(await tooltip.locator('.finding').getAttribute('data-code')).toBe('missing-capability');
        expect(await tooltip.locator('.finding .message').textContent())
            .toBe('OrderDb <img src=x onerror="window.injected=1"> has no recovery point');
        expect(await page.locator('img').count()).toBe(0);
        expect(await page.evaluate(() => (window as unknown as { injected?: number }).injected)).toBeUndefined();
    });

    test('asks for a fresh map when the model changed', async () => {
        await send({ type: 'modelChanged' });
        await expect.poll(async () => (await posted()).map(message => message.type)).toEqual(['ready', 'refresh']);
    });

    test('shows a summary with processes to focus on instead of a map that is too big', async () => {
        await send(mapMessage({ ...(await sampleMap()), nodes: [], edges: [], containers: [] }, { truncated: { nodes: 1200, max: 300 } }));
        await expect.poll(() => page.locator('.notice').textContent()).toContain('This map has 1200 nodes, more than drplan.preview.maxNodes (300)');
        expect(await page.locator('svg.map').isVisible()).toBe(false);
        await page.locator('.process-list button[data-process="OrderFulfilment"]').click();
        expect((await posted()).at(-1)).toEqual({ type: 'focus', process: 'OrderFulfilment' });
    });

    test('switches between the workspace and the process under the cursor', async () => {
        await send(mapMessage(await sampleMap()));
        await page.getByRole('button', { name: 'Process under cursor' }).click();
        expect((await posted()).at(-1)).toEqual({ type: 'scope', scope: 'process' });
        await send(mapMessage({ ...(await sampleMap()), focus: 'OrderFulfilment' }, { scope: 'process' }));
        await expect.poll(() => page.locator('.status-line').textContent()).toBe('OrderFulfilment and what it needs · unplanned failover · as of 2026-10-01');
        expect(await page.getByRole('button', { name: 'Process under cursor' }).getAttribute('aria-pressed')).toBe('true');
    });

    test('restores its scope, focus and viewport from the state VS Code kept across a reload', async () => {
        await send(mapMessage({ ...(await sampleMap()), focus: 'OrderFulfilment' }, { scope: 'process', uri: 'file:///plans/processes.drplan' }));
        await page.locator('g.node[data-element="OrderFulfilment"]').waitFor();
        await page.mouse.move(400, 300);
        await page.mouse.wheel(0, 200);
        const state = await page.evaluate(() => (window as unknown as { savedState: unknown }).savedState);
        expect(state).toMatchObject({ scope: 'process', process: 'OrderFulfilment', uri: 'file:///plans/processes.drplan' });
        const transform = await page.locator('g.viewport').getAttribute('transform');

        const reloaded = await browser.newPage({ viewport: { width: 1000, height: 700 } });
        await load(reloaded, state);
        await send(mapMessage({ ...(await sampleMap()), focus: 'OrderFulfilment' }, { scope: 'process' }), reloaded);
        await reloaded.locator('g.node[data-element="OrderFulfilment"]').waitFor();
        expect(await reloaded.locator('g.viewport').getAttribute('transform')).toBe(transform);
        await reloaded.close();
    });
});
