import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { drplan } from './run-cli.js';

// The runbooks of the three examples, compiled as a user would from the repository root, compared with
// golden files a DR lead has read. After an intended change, regenerate them and read the diff:
//   UPDATE_GOLDEN=1 npx vitest run test/cli/runbook.test.ts
const root = fileURLToPath(new URL('../../', import.meta.url));
const golden = fileURLToPath(new URL('./golden/runbook/', import.meta.url));
const asOf = ['--as-of', '2026-11-21'];

const runbooks = [
    { name: 'contoso-retail', args: ['examples/contoso-retail'], code: 1 },
    { name: 'hospital-ehr', args: ['examples/hospital-ehr'], code: 1 },
    { name: 'manufacturing-plant-PlantRecovery', args: ['examples/manufacturing-plant', '--plan', 'PlantRecovery'], code: 0 },
    { name: 'manufacturing-plant-ErpRegionLoss', args: ['examples/manufacturing-plant', '--plan', 'ErpRegionLoss'], code: 0 },
];

function compareWithGolden(file: string, actual: string): void {
    const goldenFile = path.join(golden, file);
    if (process.env.UPDATE_GOLDEN === '1') {
        writeFileSync(goldenFile, actual);
    }
    expect(existsSync(goldenFile), `${file} is missing: run with UPDATE_GOLDEN=1 to create it`).toBe(true);
    expect(actual).toBe(readFileSync(goldenFile, 'utf8'));
}

async function runbook(args: readonly string[]) {
    return drplan(['runbook', ...args, ...asOf], { cwd: root });
}

async function runbookJson(args: readonly string[]) {
    const result = await runbook([...args, '--format', 'json']);
    expect(result.stderr).toBe('');
    return JSON.parse(result.stdout);
}

describe('golden runbooks of the examples', () => {
    for (const { name, args, code } of runbooks) {
        for (const format of ['md', 'json'] as const) {
            test(`${name}.${format}`, async () => {
                const result = await runbook([...args, '--format', format]);
                expect(result.stderr).toBe('');
                // Exit 1 when the workspace has errors (default --fail-on error); the runbook is still written.
                expect(result.code).toBe(code);
                compareWithGolden(`${name}.${format}`, result.stdout);
            });
        }
    }
});

describe('contoso-retail: the numbers of the specification', () => {
    test('OrderFulfilment misses its RTO of 4h: 5h20m along Declare, Damage, Identity, Data, Apps, OrderApp', async () => {
        const book = await runbookJson(['examples/contoso-retail']);
        expect(book).toMatchObject({ version: 1, plan: 'ContosoRetail', asOf: '2026-11-21', failover: 'unplanned' });
        expect(book.objectives[0]).toEqual({
            process: 'OrderFulfilment', title: 'Order fulfilment', criticality: 'critical', rto: 14400, rpo: 900,
            recoveryTime: 19200, recoveryPoint: 30, drModel: 'hybrid-medium', proven: false, complete: true,
            rtoMet: false, rpoMet: true, criticalPath: ['Declare', 'Damage', 'Identity', 'Data', 'Apps', 'OrderApp'],
        });
        // WebOrdering declares no RPO: null, not 0 or a missing field.
        expect(book.objectives[1]).toMatchObject({ process: 'WebOrdering', rto: 21600, rpo: null, rpoMet: null,
            recoveryTime: 18300, rtoMet: true });
        expect(book.objectives[2]).toMatchObject({ process: 'Payments', rto: 28800, recoveryTime: 17700, rtoMet: true });
    });

    test('steps in time order with phase, kind, roles and T+ seconds (watch steps have no start or end)', async () => {
        const book = await runbookJson(['examples/contoso-retail']);
        const times = book.steps.map((step: Record<string, unknown>) => [step.id, step.phase, step.kind, step.start, step.end]);
        expect(times).toEqual([
            ['Monitor', 'watch', 'step', null, null],
            ['Declare', 'mobilize', 'step', 0, 3600],
            ['Damage', 'assess', 'step', 3600, 9000],
            ['Identity', 'stabilize', 'group', 9000, 10800],
            ['Data', 'stabilize', 'group', 10800, 16200],
            ['VerifyListener', 'stabilize', 'manual', 14400, 16200],
            ['Apps', 'stabilize', 'group', 16200, 19800],
            ['UpdateDns', 'stabilize', 'script', 16200, 16500],
            ['WarmCaches', 'stabilize', 'automation', 19200, 19800],
            ['SmokeTest', 'stabilize', 'step', 19800, 22200],
            ['Review', 'close', 'step', 22200, 36600],
        ]);
        expect(book.steps[1]).toEqual({ id: 'Declare', number: '1', phase: 'mobilize', kind: 'step',
            title: 'Declare a disaster, open the war room', responsible: 'IncidentCommander', accountable: 'CIO',
            start: 0, end: 3600, duration: 3600 });
        // Review has no RACI row: nobody is accountable (raci-missing is among the gaps).
        expect(book.steps[10]).toMatchObject({ id: 'Review', responsible: 'IncidentCommander', accountable: null });
        expect(book.steps[5]).toMatchObject({ id: 'VerifyListener', responsible: 'DBA', accountable: 'OpsLead',
            duration: 1800, group: 'Data', position: 'after' });
        const apps = book.steps[6];
        expect(apps.workloads).toEqual([
            { workload: 'OrderApp', from: 'Seattle', to: 'AzureWestUS2', recoveryTime: 2700, started: 16500, ready: 19200, waitsFor: null },
            { workload: 'WebShop', from: 'Seattle', to: 'AzureWestUS2', recoveryTime: 1800, started: 16500, ready: 18300, waitsFor: null },
            { workload: 'PaymentSwitch', from: 'Seattle', to: 'AzureWestUS2', recoveryTime: 1200, started: 16500, ready: 17700, waitsFor: null },
        ]);
    });

    test('contacts: every role the plan uses, with its people', async () => {
        const book = await runbookJson(['examples/contoso-retail']);
        const roles = book.contacts.map((contact: { role: string }) => contact.role);
        // Owner, step and action roles, RACI roles, process owners and workload owners.
        expect(roles).toEqual(['CIO', 'NOC', 'IncidentCommander', 'OpsLead', 'DBA', 'AppTeam', 'SalesLead', 'FinanceLead']);
        expect(book.contacts[2]).toEqual({
            role: 'IncidentCommander', title: 'Incident Commander',
            people: [
                { name: 'Jane Doe', email: 'jane.doe@contoso.example', phone: '+1 206 555 0100' },
                { name: 'Ravi Patel', email: 'ravi.patel@contoso.example', phone: '+1 206 555 0101' },
            ],
            duties: ['runs Declare, Review', 'accountable for Damage', 'informed of Monitor, SmokeTest'],
        });
        expect(book.contacts.find((contact: { role: string }) => contact.role === 'FinanceLead').duties)
            .toEqual(['owns process Payments']);
    });

    test('RACI: the step\'s by role is responsible as well', async () => {
        const book = await runbookJson(['examples/contoso-retail']);
        expect(book.raci.map((row: { activity: string }) => row.activity))
            .toEqual(['Monitor', 'Declare', 'Damage', 'VerifyListener', 'SmokeTest', 'Review']);
        expect(book.raci[1]).toEqual({ activity: 'Declare', accountable: 'CIO', responsible: ['IncidentCommander'],
            consulted: ['OpsLead'], informed: ['SalesLead'] });
        expect(book.raci[2]).toEqual({ activity: 'Damage', accountable: 'IncidentCommander', responsible: ['OpsLead'],
            consulted: ['DBA', 'AppTeam'], informed: [] });
        expect(book.raci[5]).toEqual({ activity: 'Review', accountable: null, responsible: ['IncidentCommander'],
            consulted: [], informed: [] });
    });

    test('gaps are the diagnostics, exactly as check --format json lists them', async () => {
        const book = await runbookJson(['examples/contoso-retail']);
        const check = JSON.parse((await drplan(['check', 'examples/contoso-retail', '--format', 'json', ...asOf], { cwd: root })).stdout);
        expect(book.gaps).toEqual(check.diagnostics);
        expect(book.gaps.map((gap: { code: string }) => gap.code).sort()).toEqual(['criticality-inversion', 'missing-from-plan',
            'raci-missing', 'rto-gap', 'spof', 'unproven', 'unproven']);
    });

    test('the Markdown holds the six parts in order, with checkbox steps and T+ times', async () => {
        const { stdout } = await runbook(['examples/contoso-retail']);
        const headings = stdout.split('\n').filter(line => /^#{1,2} /.test(line));
        expect(headings).toEqual(['# Contoso Retail order-to-cash DR plan', '## Recovery objectives', '## Contacts',
            '## Response', '## RACI matrix', '## Open gaps']);
        expect(stdout).toContain('> **⚠ This plan has 1 error.**');
        expect(stdout).toMatch(/^- \[ \] \*\*1\. Declare a disaster, open the war room\*\* \(Declare\)\\\n {2}T\+0:00 → T\+1:00 · 1h \(30m as written\) · Responsible: IncidentCommander · Accountable: CIO$/m);
        expect(stdout).toMatch(/^ {2}- \[ \] 2\.2 \*\*Verify the AG listener answers\*\* \(VerifyListener: manual · after the workloads\)\\\n {4}T\+4:00 → T\+4:30 · 30m/m);
        expect(stdout).toContain('| **OrderFulfilment** Order fulfilment | critical | 4h | 5h20m (proven) ✗ missed by 1h20m | 15m | 30s (estimate: OrderDb) ✓ met | hybrid-medium |');
    });
});

describe('--failover keeps only the actions that run for that type', () => {
    test('test: WarmCaches (only planned, unplanned) is left out and takes no time', async () => {
        const book = await runbookJson(['examples/contoso-retail', '--failover', 'test']);
        expect(book.failover).toBe('test');
        const ids = book.steps.map((step: { id: string }) => step.id);
        expect(ids).not.toContain('WarmCaches');
        expect(book.steps.find((step: { id: string }) => step.id === 'Apps')).toMatchObject({ start: 16200, end: 19200 });
        expect(book.steps.find((step: { id: string }) => step.id === 'SmokeTest')).toMatchObject({ start: 19200, end: 21600 });
        expect(book.steps.find((step: { id: string }) => step.id === 'Review')).toMatchObject({ start: 21600, end: 36000 });
        // OrderApp is still ready at 5h20m.
        expect(book.objectives[0].recoveryTime).toBe(19200);

        const markdown = (await runbook(['examples/contoso-retail', '--failover', 'test'])).stdout;
        expect(markdown).toContain('for **a test failover**');
        expect(markdown).not.toContain('WarmCaches');
        expect(markdown).not.toContain('rb-warm-caches');
    });

    test('planned and unplanned: WarmCaches runs', async () => {
        for (const failover of ['planned', 'unplanned']) {
            const book = await runbookJson(['examples/contoso-retail', '--failover', failover]);
            expect(book.failover).toBe(failover);
            expect(book.steps.find((step: { id: string }) => step.id === 'WarmCaches'))
                .toMatchObject({ kind: 'automation', start: 19200, end: 19800, only: ['planned', 'unplanned'], runsOn: 'recovery' });
        }
        expect((await runbook(['examples/contoso-retail', '--failover', 'planned'])).stdout).toContain('for **a planned failover**');
    });
});

describe('exit codes', () => {
    test('1 when the workspace has errors, 0 with --fail-on never; warnings fail only with --fail-on warning', async () => {
        expect((await runbook(['examples/contoso-retail'])).code).toBe(1);
        expect((await runbook(['examples/contoso-retail', '--fail-on', 'never'])).code).toBe(0);
        const plant = ['examples/manufacturing-plant', '--plan', 'PlantRecovery'];
        expect((await runbook(plant)).code).toBe(0);
        expect((await runbook([...plant, '--fail-on', 'warning'])).code).toBe(1);
    });

    const expectUsageError = (result: { code: number; stdout: string; stderr: string }, message: string | RegExp) => {
        expect(result.code).toBe(2);
        expect(result.stdout).toBe('');
        expect(result.stderr.split('\n')).toHaveLength(2);
        expect(result.stderr).not.toMatch(/\bat .*:\d+:\d+/);
        if (typeof message === 'string') {
            expect(result.stderr).toBe(`drplan: ${message}\n`);
        } else {
            expect(result.stderr).toMatch(message);
        }
    };

    test('2 when several plans and no --plan, naming them', async () => {
        expectUsageError(await runbook(['examples/manufacturing-plant']),
            'the workspace declares 2 plans (PlantRecovery, ErpRegionLoss): choose one with --plan');
    });

    test('2 for an unknown plan', async () => {
        expectUsageError(await runbook(['examples/contoso-retail', '--plan', 'Contoso']),
            'there is no plan Contoso; the workspace declares ContosoRetail');
    });

    test('2 for a workspace without a plan', async () => {
        const folder = await mkdtemp(path.join(tmpdir(), 'drplan-runbook-'));
        await writeFile(path.join(folder, 'site.drplan'), 'site Seattle { kind on-premises }\n');
        expectUsageError(await drplan(['runbook', folder, ...asOf]), 'the workspace declares no plan');
    });

    test('2 for a bad format, failover type or date', async () => {
        expectUsageError(await runbook(['examples/contoso-retail', '--format', 'pdf']), /^drplan: .*'pdf' is invalid.*md, html, json/);
        expectUsageError(await runbook(['examples/contoso-retail', '--failover', 'drill']),
            /^drplan: .*'drill' is invalid.*planned, unplanned, test/);
        expectUsageError(await drplan(['runbook', 'examples/contoso-retail', '--as-of', '2026-02-30'], { cwd: root }),
            '--as-of 2026-02-30 is not a real date');
        expectUsageError(await drplan(['runbook', 'examples/contoso-retail', '--as-of', '21/11/2026'], { cwd: root }),
            '--as-of expects a date as YYYY-MM-DD, not \'21/11/2026\'');
    });
});

describe('the HTML runbook\'s dependency map', () => {
    const mapNodes = (html: string) => [...html.matchAll(/<g class="node[^"]*"[^>]*data-element="([^"]+)"/g)].map(match => match[1]).sort();

    test('is the plan\'s: the processes it covers, those they take input from, and what they need', async () => {
        const plant = await runbook(['examples/manufacturing-plant', '--plan', 'PlantRecovery', '--format', 'html']);
        const erp = await runbook(['examples/manufacturing-plant', '--plan', 'ErpRegionLoss', '--format', 'html']);
        expect([plant.code, erp.code]).toEqual([0, 0]);
        const plantNodes = mapNodes(plant.stdout);
        const erpNodes = mapNodes(erp.stdout);
        expect(plantNodes).toContain('Production');
        expect(plantNodes).not.toContain('CustomerOrders');
        expect(erpNodes).toEqual(expect.arrayContaining(['CustomerOrders', 'Production', 'EdiGateway']));
        // Maintenance is in no plan: no runbook draws it, though `drplan graph` does.
        expect([...plantNodes, ...erpNodes]).not.toContain('Maintenance');
        const graph = await drplan(['graph', 'examples/manufacturing-plant', '--format', 'json'], { cwd: root });
        expect(JSON.parse(graph.stdout).nodes.map((node: { id: string }) => node.id)).toContain('Maintenance');
    });
});

describe('--out', () => {
    test('writes the whole runbook to the file and nothing on stdout', async () => {
        const folder = await mkdtemp(path.join(tmpdir(), 'drplan-runbook-out-'));
        const out = path.join(folder, 'nested', 'runbook.html');
        const result = await drplan(['runbook', path.join(root, 'examples/contoso-retail'), '--format', 'html', '--out', out,
            ...asOf, '--fail-on', 'never'], { cwd: folder });
        expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
        const html = await readFile(out, 'utf8');
        expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
        expect(html.trimEnd().endsWith('</html>')).toBe(true);
        expect(await readdir(path.dirname(out))).toEqual(['runbook.html']);
    });

    test('an unknown plan leaves an existing file as it was', async () => {
        const folder = await mkdtemp(path.join(tmpdir(), 'drplan-runbook-keep-'));
        await mkdir(folder, { recursive: true });
        const out = path.join(folder, 'runbook.md');
        await writeFile(out, 'the previous runbook\n');
        const result = await drplan(['runbook', path.join(root, 'examples/contoso-retail'), '--plan', 'Nope', '--out', out, ...asOf],
            { cwd: folder });
        expect(result.code).toBe(2);
        expect(await readFile(out, 'utf8')).toBe('the previous runbook\n');
        expect(await readdir(folder)).toEqual(['runbook.md']);
    });
});
