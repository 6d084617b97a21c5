import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { renderRunbookHtml, runbookDependencyMap } from '../../packages/language/src/runbook/index.js';
import { HOSTILE_TEXT, hostileRunbook } from '../language/runbook/hostile.js';
import { launchChromium } from '../chromium.js';
import { drplan } from './run-cli.js';

// The HTML runbook of examples/contoso-retail as a DR lead gets it: opened in headless Chromium, looked at
// (screenshots and the PDF go to test-results/runbook/ for people to see), and printed.
const root = fileURLToPath(new URL('../../', import.meta.url));
const results = fileURLToPath(new URL('../../test-results/runbook/', import.meta.url));

let browser: Browser;
let html: string;

beforeAll(async () => {
    mkdirSync(results, { recursive: true });
    const result = await drplan(['runbook', 'examples/contoso-retail', '--format', 'html', '--as-of', '2026-11-21'], { cwd: root });
    expect(result.stderr).toBe('');
    html = result.stdout;
    writeFileSync(`${results}contoso-retail.html`, html);
    browser = await launchChromium();
});

afterAll(async () => {
    await browser?.close();
});

/** Opens the file from disk as a user would, recording every request the page makes. */
async function open(file: string): Promise<{ page: Page; requests: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const requests: string[] = [];
    page.on('request', request => requests.push(request.url()));
    await page.goto(`file://${file}`);
    return { page, requests };
}

describe('contoso-retail HTML runbook', () => {
    test('one self-contained file: no script, nothing fetched, no external URL', async () => {
        const { page, requests } = await open(`${results}contoso-retail.html`);
        expect(requests).toEqual([`file://${results}contoso-retail.html`]);
        expect(await page.locator('script').count()).toBe(0);
        expect(await page.locator('[src], [href], link, iframe, object, embed').count()).toBe(0);
        expect(html).not.toMatch(/https?:\/\/|@import|url\((?!#)/);
        await page.close();
    });

    test('renders all six parts, the timeline with a bar per step and the dependency map with its nodes', async () => {
        const { page } = await open(`${results}contoso-retail.html`);
        await page.screenshot({ path: `${results}contoso-retail.png`, fullPage: true });
        for (const id of ['title', 'objectives', 'contacts', 'response', 'raci', 'gaps']) {
            await expect(page.locator(`#${id}`).isVisible()).resolves.toBe(true);
        }
        expect(await page.locator('h1').textContent()).toBe('Contoso Retail order-to-cash DR plan');
        expect(await page.locator('h2').allTextContents()).toEqual(['Recovery objectives', 'Contacts', 'Response', 'RACI matrix',
            'Open gaps', 'Dependency map']);
        expect(await page.locator('.banner').textContent()).toContain('This plan has 1 error.');

        // Ten timed bars: 3 steps before and after the failover, 3 groups, 3 actions (the watch step has none), SmokeTest.
        const bars = page.locator('svg.drplan-timeline g.bar');
        expect(await bars.evaluateAll(nodes => nodes.map(node => node.getAttribute('data-id')))).toEqual(['Declare', 'Damage',
            'Identity', 'Data', 'VerifyListener', 'Apps', 'UpdateDns', 'WarmCaches', 'SmokeTest', 'Review']);
        const rtoLabels = await page.locator('svg.drplan-timeline g.rto text').allTextContents();
        expect(rtoLabels).toEqual(['OrderFulfilment: RTO 4h', 'WebOrdering: RTO 6h', 'Payments: RTO 8h']);
        // The RTO line of OrderFulfilment is left of the end of its last bar, OrderApp's group: the gap is visible.
        const rtoX = Number(await page.locator('svg.drplan-timeline g.rto.missed line').getAttribute('x1'));
        const apps = page.locator('svg.drplan-timeline g.bar[data-id="Apps"] rect');
        expect(rtoX).toBeLessThan(Number(await apps.getAttribute('x')));

        // 3 processes, 6 workloads, 4 suppliers, 2 customers, workforce, equipment and data: 18 nodes.
        const nodes = page.locator('svg.drplan-map g.node');
        expect(await nodes.count()).toBe(18);
        expect(await page.locator('svg.drplan-map g.node[data-element="OrderFulfilment"]').getAttribute('data-status')).toBe('gap');
        const mapBox = await page.locator('svg.drplan-map').boundingBox();
        expect(mapBox!.width).toBeGreaterThan(600);

        // The steps a responder ticks: a box per step, group, failover and action, and per milestone.
        expect(await page.locator('#response table.steps .box').count()).toBe(5 + 3 + 5 + 3 + 3);
        expect(await page.locator('#phase-stabilize td.when').allTextContents()).toContain('T+4:00 → T+4:30');
        await page.close();
    });

    test('prints on A4: several pages, each phase on its own, the charts on landscape pages', async () => {
        const { page } = await open(`${results}contoso-retail.html`);
        const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, path: `${results}contoso-retail.pdf` });
        const text = pdf.toString('latin1');
        const pages = (text.match(/\/Type\s*\/Page\b/g) ?? []).length;
        // Title and objectives, contacts, the timeline, five phases, RACI, gaps, the map.
        expect(pages).toBeGreaterThanOrEqual(11);
        const sizes = [...text.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map(match => Number(match[1]) > Number(match[2])
            ? 'landscape' : 'portrait');
        expect(sizes.filter(size => size === 'landscape')).toHaveLength(2);
        await page.close();
    });
});

test('hostile titles stay text in the browser: no script element, no event handler attribute', async () => {
    const { workspace, runbook } = await hostileRunbook();
    const file = `${results}hostile.html`;
    writeFileSync(file, renderRunbookHtml(runbook, { dependencyMap: await runbookDependencyMap(workspace.analysis, runbook.plan) }));
    const { page, requests } = await open(file);
    const dialogs: string[] = [];
    page.on('dialog', dialog => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
    });
    await page.hover('h1');
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.evaluate(() => [...document.querySelectorAll('*')]
        .flatMap(element => [...element.attributes].map(attribute => attribute.name))
        .filter(name => name.startsWith('on')))).toEqual([]);
    expect(await page.locator('h1').textContent()).toBe(HOSTILE_TEXT);
    expect(await page.title()).toBe(`Runbook: ${HOSTILE_TEXT}`);
    // The titles reach the SVGs as text too (the map's workload, the timeline's step tooltips).
    expect(await page.locator('svg.drplan-timeline title').first().textContent()).toContain(HOSTILE_TEXT);
    expect(dialogs).toEqual([]);
    expect(requests).toHaveLength(1);
    await page.close();
});
