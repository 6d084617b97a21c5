import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { drplan, fixtures, expectUsageError } from './run-cli.js';

const root = path.resolve(fixtures, '../../..');
const contoso = 'examples/contoso-retail';
const hospital = 'examples/hospital-ehr';
const asOf = ['--as-of', '2026-11-21'];

const graph = (args: readonly string[], cwd = root) => drplan(['graph', ...args, ...asOf], { cwd });

async function graphJson(args: readonly string[]) {
    const result = await graph([...args, '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    return JSON.parse(result.stdout);
}


interface JsonNode { id: string; kind: string; status: string; site: string | null; x: number; y: number; width: number; height: number; file: string; line: number }
interface JsonEdge { id: string; kind: string; source: string; target: string; points: Array<{ x: number; y: number }> }
interface JsonContainer { id: string; x: number; y: number; width: number; height: number }

const inside = (node: JsonNode, box: JsonContainer) => node.x >= box.x && node.y >= box.y
    && node.x + node.width <= box.x + box.width && node.y + node.height <= box.y + box.height;

describe('SVG (default)', () => {
    test('one standalone SVG document with every element of the example, coloured by status, and a legend', async () => {
        const result = await graph([contoso]);
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        const svg = result.stdout;
        expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]* viewBox="0 0 \d+ \d+"/);
        expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
        for (const name of ['OrderFulfilment', 'WebOrdering', 'Payments', 'OrderApp', 'OrderDb', 'ActiveDirectory',
            'CoreNetwork', 'WebShop', 'PaymentSwitch', 'PaymentGateway', 'BackupGateway', 'RetailCustomers',
            'WarehouseStaff', 'LabelPrinters', 'CustomerRecords']) {
            expect(svg, name).toContain(`data-element="${name}"`);
        }
        // README: the rto-gap is on OrderFulfilment; sites are boxes.
        expect(svg).toMatch(/<g class="node kind-process status-gap" data-element="OrderFulfilment"/);
        for (const site of ['Seattle', 'Tacoma', 'AzureWestUS2']) {
            expect(svg).toMatch(new RegExp(`<g class="site status-\\w+" data-site="${site}"`));
        }
        expect(svg).toContain('<g class="legend">');
        // Standalone: nothing to run, nothing to fetch (markers are referenced inside the file).
        expect(svg).not.toMatch(/<script|<image|href="(?!#)|url\((?!#)/);
        for (const status of ['gap', 'spof', 'unproven', 'ok']) {
            expect(svg).toContain(`data-status="${status}"`);
        }
    });

    test('user-written text is escaped', async () => {
        const folder = await mkdtemp(path.join(tmpdir(), 'drplan-graph-'));
        await writeFile(path.join(folder, 'tags.drplan'),
            'site Here "<b>Here</b> & there" { kind on-premises }\n'
            + 'workload App "<script>alert(1)</script>" { runs-at Here stateless recovery-time 1h estimated }\n'
            + 'process Sell "Sell & ship" { workloads App }\n');
        const result = await graph([folder], folder);
        expect(result.code).toBe(0);
        expect(result.stdout).not.toContain('<script>');
        expect(result.stdout).not.toContain('<b>');
        expect(result.stdout).toContain('&lt;script&gt;');
    });
});

describe('JSON', () => {
    test('nodes with kind, status, site, position, size and source; edges with routes; site containers', async () => {
        const map = await graphJson([contoso]);
        expect(map.version).toBe(1);
        expect(map.asOf).toBe('2026-11-21');
        expect(map.focus).toBeNull();
        expect(map.width).toBeGreaterThan(0);
        expect(map.height).toBeGreaterThan(0);

        const nodes = new Map<string, JsonNode>(map.nodes.map((node: JsonNode) => [node.id, node]));
        expect(nodes.get('OrderFulfilment')).toMatchObject({ kind: 'process', status: 'gap', site: null,
            file: 'examples/contoso-retail/processes.drplan' });
        expect(nodes.get('OrderDb')).toMatchObject({ kind: 'workload', site: 'Seattle',
            file: 'examples/contoso-retail/workloads.drplan' });
        expect(nodes.get('LabelPrinters')).toMatchObject({ kind: 'equipment', site: 'Seattle' });
        for (const node of nodes.values()) {
            expect(node.width, node.id).toBeGreaterThan(0);
            expect(node.height, node.id).toBeGreaterThan(0);
            expect(node.line, node.id).toBeGreaterThan(0);
        }

        const containers = new Map<string, JsonContainer>(map.containers.map((container: JsonContainer) => [container.id, container]));
        expect([...containers.keys()].sort()).toEqual(['AzureWestUS2', 'Seattle', 'Tacoma']);
        // A site is drawn around what runs or lives there.
        for (const node of nodes.values()) {
            if (node.site) {
                expect(inside(node, containers.get(node.site)!), `${node.id} in ${node.site}`).toBe(true);
            }
        }

        const edges: JsonEdge[] = map.edges;
        expect(edges).toContainEqual(expect.objectContaining({ kind: 'workload', source: 'OrderFulfilment', target: 'OrderApp' }));
        expect(edges).toContainEqual(expect.objectContaining({ kind: 'depends-on', source: 'OrderDb', target: 'ActiveDirectory' }));
        expect(edges).toContainEqual(expect.objectContaining({ kind: 'input', source: 'WebOrdering', target: 'OrderFulfilment' }));
        for (const edge of edges) {
            expect(nodes.has(edge.source) && nodes.has(edge.target), edge.id).toBe(true);
            expect(edge.points.length, edge.id).toBeGreaterThanOrEqual(2);
        }
    });

    test('the SPOF of the example is on the map: SamOkafor is not a node, so it is listed off the map', async () => {
        const map = await graphJson([contoso]);
        expect(map.offMap).toContainEqual(expect.objectContaining({ id: 'SamOkafor', kind: 'person' }));
        const hospitalMap = await graphJson([hospital]);
        expect(hospitalMap.nodes).toContainEqual(expect.objectContaining({ id: 'DrugWholesaler', kind: 'supplier', status: 'spof' }));
    });
});

describe('--process', () => {
    test('keeps only what that process needs', async () => {
        const map = await graphJson([contoso, '--process', 'Payments']);
        expect(map.focus).toBe('Payments');
        const ids = map.nodes.map((node: JsonNode) => node.id);
        expect(ids).toEqual(expect.arrayContaining(['Payments', 'PaymentSwitch', 'OrderDb', 'ActiveDirectory', 'CoreNetwork']));
        expect(ids).not.toContain('OrderFulfilment');
        expect(ids).not.toContain('WarehouseStaff');
        expect(ids).not.toContain('LabelPrinters');
        const svg = await graph([contoso, '--process', 'Payments']);
        expect(svg.stdout).toContain('data-element="PaymentSwitch"');
        expect(svg.stdout).not.toContain('data-element="LabelPrinters"');
    });

    test('an unknown process, or a name that is not a process: exit 2', async () => {
        expectUsageError(await graph([contoso, '--process', 'OrderFulfillment']),
            '--process OrderFulfillment: no process is named OrderFulfillment (did you mean OrderFulfilment?)');
        expectUsageError(await graph([contoso, '--process', 'OrderApp']),
            '--process OrderApp: OrderApp is a workload, not a process');
    });
});

describe('exit 2 with one line', () => {
    test('a bad format, date or path', async () => {
        expectUsageError(await graph([contoso, '--format', 'png']),
            /^drplan: option '--format <format>' argument 'png' is invalid\. Allowed choices are svg, json\.\n$/);
        expectUsageError(await drplan(['graph', contoso, '--as-of', '2026-02-30'], { cwd: root }), '--as-of 2026-02-30 is not a real date');
        expectUsageError(await graph(['examples/nowhere']), 'cannot read examples/nowhere: no such file or folder');
    });
});

describe('--out', () => {
    let cwd: string;
    beforeEach(async () => {
        cwd = await mkdtemp(path.join(tmpdir(), 'drplan-graph-out-'));
    });

    test('writes the map whole, creating folders, and prints nothing', async () => {
        const result = await graph([path.join(root, contoso), '--out', 'maps/contoso.svg'], cwd);
        expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
        const svg = await readFile(path.join(cwd, 'maps/contoso.svg'), 'utf8');
        expect(svg).toMatch(/^<svg /);
        expect(await readdir(path.join(cwd, 'maps'))).toEqual(['contoso.svg']);
    });

    test('leaves an existing file untouched when the map cannot be made', async () => {
        await writeFile(path.join(cwd, 'map.json'), 'the previous map\n');
        const result = await graph([path.join(root, contoso), '--process', 'Nope', '--format', 'json', '--out', 'map.json'], cwd);
        expect(result.code).toBe(2);
        expect(await readFile(path.join(cwd, 'map.json'), 'utf8')).toBe('the previous map\n');
        expect(await readdir(cwd)).toEqual(['map.json']);
    });
});
