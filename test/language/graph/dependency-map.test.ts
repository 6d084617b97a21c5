import { beforeAll, describe, expect, test } from 'vitest';
import type { Analysis, Finding } from '../../../packages/language/src/analysis/types.js';
import { buildDependencyMap, statusOf, UnknownProcessError } from '../../../packages/language/src/graph/index.js';
import type { DependencyMap, MapNode } from '../../../packages/language/src/protocol.js';
import { analyse, analyseExample } from './workspace.js';

const byId = (map: DependencyMap) => new Map(map.nodes.map(node => [node.id, node]));
const statuses = (map: DependencyMap) => Object.fromEntries(map.nodes.map(node => [node.id, node.status]));
const sorted = (values: Iterable<string>) => [...values].sort();

describe('the map of examples/contoso-retail', () => {
    let analysis: Analysis;
    let map: DependencyMap;
    beforeAll(async () => {
        analysis = await analyseExample('contoso-retail');
        map = buildDependencyMap(analysis);
    });

    test('has a node for every process, workload, supplier, customer, workforce, equipment and data set', () => {
        const kinds = Object.fromEntries(map.nodes.map(node => [node.id, node.kind]));
        expect(kinds).toEqual({
            OrderFulfilment: 'process', WebOrdering: 'process', Payments: 'process',
            ActiveDirectory: 'workload', CoreNetwork: 'workload', OrderDb: 'workload', OrderApp: 'workload',
            WebShop: 'workload', PaymentSwitch: 'workload',
            PaymentGateway: 'supplier', BackupGateway: 'supplier', ParcelCarrier: 'supplier', RegionalCourier: 'supplier',
            RetailCustomers: 'customer', Finance: 'customer',
            WarehouseStaff: 'workforce', LabelPrinters: 'equipment', CustomerRecords: 'data',
        });
    });

    test('colours each node by its status: OrderFulfilment misses its RTO, OrderDb and Payments rest on an estimate', () => {
        expect(statuses(map)).toEqual({
            OrderFulfilment: 'gap', WebOrdering: 'ok', Payments: 'unproven',
            ActiveDirectory: 'ok', CoreNetwork: 'ok', OrderDb: 'unproven', OrderApp: 'ok', WebShop: 'ok', PaymentSwitch: 'ok',
            PaymentGateway: 'ok', BackupGateway: 'ok', ParcelCarrier: 'ok', RegionalCourier: 'ok',
            RetailCustomers: 'ok', Finance: 'ok', WarehouseStaff: 'ok', LabelPrinters: 'ok', CustomerRecords: 'ok',
        });
    });

    test('puts the findings, the facts and the source of each element on its node', () => {
        const nodes = byId(map);
        const fulfilment = nodes.get('OrderFulfilment')!;
        expect(fulfilment.title).toBe('Order fulfilment');
        expect(fulfilment.subkind).toBe('critical');
        expect(fulfilment.detail).toBe('recovers in 5h20m ✗ RTO 4h · RP 30s ✓ RPO 15m');
        expect(sorted(fulfilment.findings.map(finding => finding.code))).toEqual(['criticality-inversion', 'rto-gap', 'unproven']);
        expect(fulfilment.findings.find(finding => finding.code === 'rto-gap')).toMatchObject({ severity: 'error' });
        expect(fulfilment.location.uri).toMatch(/processes\.drplan$/);
        expect(fulfilment.location.range.start.line).toBeGreaterThan(0);

        expect(nodes.get('OrderDb')).toMatchObject({ subkind: 'database', site: 'Seattle',
            detail: 'RT 1h (tested 2026-09-12) · RP 30s (estimate)' });
        expect(nodes.get('OrderDb')!.findings.map(finding => finding.code)).toEqual(['missing-from-plan']);
        expect(nodes.get('ActiveDirectory')!.detail).toBe('RT 30m · RP 30s (tested 2026-09-12)');
        expect(nodes.get('OrderApp')!.detail).toBe('RT 45m (tested 2026-09-12)');
        expect(nodes.get('PaymentGateway')!.detail).toBe('alternative BackupGateway');
        expect(nodes.get('LabelPrinters')!.detail).toBe('2 spares · alternate site Tacoma');
        expect(nodes.get('CustomerRecords')!.detail).toBe('vital record');
    });

    test('draws sites as containers around what runs or lives there', () => {
        expect(map.containers.map(container => container.id)).toEqual(['Seattle', 'Tacoma', 'AzureWestUS2']);
        const inside = (site: string) => sorted(map.nodes.filter(node => node.site === site).map(node => node.id));
        expect(inside('Seattle')).toEqual(sorted(['ActiveDirectory', 'CoreNetwork', 'OrderDb', 'OrderApp', 'WebShop',
            'PaymentSwitch', 'CustomerRecords', 'WarehouseStaff', 'LabelPrinters']));
        expect(inside('Tacoma')).toEqual([]);
        expect(map.nodes.filter(node => node.kind === 'process' || node.kind === 'supplier' || node.kind === 'customer')
            .every(node => node.site === undefined)).toBe(true);
        const azure = map.containers.find(container => container.id === 'AzureWestUS2')!;
        expect(azure).toMatchObject({ title: 'Azure West US 2', subkind: 'azure', status: 'ok',
            detail: 'azure westus2 · failover site of 6 workloads' });
    });

    test('has one edge per relation, inputs and outputs carrying what flows', () => {
        expect(sorted(map.edges.map(edge => edge.id))).toEqual(sorted([
            'input:WebOrdering->OrderFulfilment', 'input:PaymentGateway->OrderFulfilment', 'input:PaymentGateway->Payments',
            'output:OrderFulfilment->RetailCustomers', 'output:Payments->Finance',
            'supplier:ParcelCarrier->OrderFulfilment', 'customer:WebOrdering->RetailCustomers',
            'workload:OrderFulfilment->OrderApp', 'workload:WebOrdering->WebShop', 'workload:Payments->PaymentSwitch',
            'data:OrderFulfilment->CustomerRecords', 'held-by:CustomerRecords->OrderDb',
            'workforce:OrderFulfilment->WarehouseStaff', 'equipment:OrderFulfilment->LabelPrinters',
            'depends-on:OrderDb->ActiveDirectory', 'depends-on:OrderDb->CoreNetwork', 'depends-on:OrderApp->OrderDb',
            'depends-on:OrderApp->ActiveDirectory', 'depends-on:WebShop->OrderDb', 'depends-on:PaymentSwitch->OrderDb',
            'alternative:PaymentGateway->BackupGateway', 'alternative:ParcelCarrier->RegionalCourier',
        ]));
        const edge = (id: string) => map.edges.find(candidate => candidate.id === id)!;
        // WebOrdering's output and OrderFulfilment's input are one flow, drawn once.
        expect(edge('input:WebOrdering->OrderFulfilment')).toMatchObject({ kind: 'input', source: 'WebOrdering',
            target: 'OrderFulfilment', label: 'Customer orders' });
        expect(edge('output:OrderFulfilment->RetailCustomers').label).toBe('Shipments');
        expect(edge('input:PaymentGateway->OrderFulfilment').label).toBe('Card authorisations');
        for (const { source, target } of map.edges) {
            expect(byId(map).has(source) && byId(map).has(target)).toBe(true);
        }
    });

    test('tells of the SPOFs it has no box for: the only DBA', () => {
        expect(map.offMap).toEqual([expect.objectContaining({ id: 'SamOkafor', kind: 'person',
            processes: ['WebOrdering', 'OrderFulfilment', 'Payments'] })]);
        expect(map.offMap![0].findings[0].code).toBe('spof');
    });

    test('--process OrderFulfilment keeps what it needs, its upstream process and what that needs', () => {
        const focused = buildDependencyMap(analysis, { process: 'OrderFulfilment' });
        expect(focused.focus).toBe('OrderFulfilment');
        expect(sorted(focused.nodes.map(node => node.id))).toEqual(sorted([
            'OrderFulfilment', 'WebOrdering',
            'OrderApp', 'OrderDb', 'ActiveDirectory', 'CoreNetwork', 'WebShop', 'CustomerRecords',
            'PaymentGateway', 'BackupGateway', 'ParcelCarrier', 'RegionalCourier', 'RetailCustomers',
            'WarehouseStaff', 'LabelPrinters',
        ]));
        // Its locations and its workloads' failover site stay; statuses are those of the whole workspace.
        expect(focused.containers.map(container => container.id)).toEqual(['Seattle', 'Tacoma', 'AzureWestUS2']);
        expect(statuses(focused).OrderFulfilment).toBe('gap');
        expect(statuses(focused).OrderDb).toBe('unproven');
        // Downstream is not needed: WebOrdering's own customers are not drawn.
        const ids = focused.edges.map(edge => edge.id);
        expect(ids).not.toContain('customer:WebOrdering->RetailCustomers');
        expect(ids).toContain('input:WebOrdering->OrderFulfilment');
        expect(ids).toContain('workload:WebOrdering->WebShop');
        expect(focused.edges.every(edge => focused.nodes.some(node => node.id === edge.source)
            && focused.nodes.some(node => node.id === edge.target))).toBe(true);
        expect(focused.offMap?.map(spof => spof.processes)).toEqual([['WebOrdering', 'OrderFulfilment']]);
    });

    test('--process Payments leaves the order side out', () => {
        const focused = buildDependencyMap(analysis, { process: 'Payments' });
        expect(sorted(focused.nodes.map(node => node.id))).toEqual(sorted([
            'Payments', 'PaymentSwitch', 'OrderDb', 'ActiveDirectory', 'CoreNetwork', 'PaymentGateway', 'BackupGateway',
            'Finance',
        ]));
        expect(focused.containers.map(container => container.id)).toEqual(['Seattle', 'AzureWestUS2']);
        expect(focused.containers[0].detail).toBe('on-premises');
        expect(focused.containers[1].detail).toBe('azure westus2 · failover site of 4 workloads');
    });

    test('an unknown --process is a one-line user error', () => {
        expect(() => buildDependencyMap(analysis, { process: 'Nope' })).toThrow(UnknownProcessError);
        expect(() => buildDependencyMap(analysis, { process: 'Nope' }))
            .toThrow('Unknown process Nope (processes: OrderFulfilment, WebOrdering, Payments)');
        expect(() => buildDependencyMap(analysis, { process: 'OrderDb' }))
            .toThrow('OrderDb is a workload, not a process (processes: OrderFulfilment, WebOrdering, Payments)');
    });
});

describe("a plan's map (the runbook's)", () => {
    const edgeIds = (map: DependencyMap) => new Set(map.edges.map(edge => edge.id));

    test.each(['contoso-retail', 'hospital-ehr', 'manufacturing-plant'])(
        '%s: the boxes of the maps of the processes each plan covers, with their edges and more', async example => {
            const analysis = await analyseExample(example);
            for (const plan of analysis.model.plans) {
                const map = buildDependencyMap(analysis, { plan });
                const focused = plan.covers.map(process => buildDependencyMap(analysis, { process: process.name }));
                expect(sorted(map.nodes.map(node => node.id))).toEqual(sorted(new Set(focused.flatMap(one => one.nodes.map(node => node.id)))));
                expect(sorted(map.containers.map(site => site.id)))
                    .toEqual(sorted(new Set(focused.flatMap(one => one.containers.map(site => site.id)))));
                const edges = edgeIds(map);
                for (const one of focused) {
                    expect([...edgeIds(one)].filter(id => !edges.has(id))).toEqual([]);
                }
                expect(map.focus).toBeUndefined();
            }
        });

    test('manufacturing-plant: each plan draws its processes and those they take input from; Maintenance, in no plan, is on neither', async () => {
        const analysis = await analyseExample('manufacturing-plant');
        const mapOf = (name: string) => buildDependencyMap(analysis, { plan: analysis.model.plans.find(plan => plan.name === name)! });
        const processes = (map: DependencyMap) => sorted(map.nodes.filter(node => node.kind === 'process').map(node => node.id));
        const plant = mapOf('PlantRecovery');
        const erp = mapOf('ErpRegionLoss');
        expect(processes(plant)).toEqual(['Production']);
        // CustomerOrders takes its stampings from Production, so it needs what Production needs.
        expect(processes(erp)).toEqual(['CustomerOrders', 'Production']);
        // What only CustomerOrders needs is not Production's plan's concern.
        expect(plant.nodes.map(node => node.id)).not.toContain('EdiGateway');
        expect(erp.nodes.map(node => node.id)).toEqual(expect.arrayContaining(['EdiGateway', 'FreightCarrier', 'MesApp']));
        const workspace = buildDependencyMap(analysis);
        expect(processes(workspace)).toEqual(['CustomerOrders', 'Maintenance', 'Production']);
        expect(workspace.nodes.length).toBeGreaterThan(erp.nodes.length);
    });

    test('a plan that covers nothing has an empty map', async () => {
        const analysis = await analyse({ 'a.drplan': 'process Sales {\n  rto 4h\n}\nplan Empty {\n}\n' });
        const plan = analysis.model.plans[0];
        expect(buildDependencyMap(analysis, { plan })).toMatchObject({ nodes: [], edges: [], containers: [] });
    });
});

describe('status precedence: gap > spof > unproven > ok', () => {
    const finding = (code: Finding['code'], severity: Finding['severity']): Finding => ({ code, severity, message: code,
        element: 'X', location: { uri: 'file:///x', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } } });

    test('statusOf orders the statuses', () => {
        expect(statusOf([finding('failover-order', 'error'), finding('spof', 'warning')], true, true)).toBe('gap');
        expect(statusOf([finding('spof', 'warning'), finding('stale-test', 'warning')], false, true)).toBe('spof');
        expect(statusOf([], true, false)).toBe('spof');
        expect(statusOf([finding('missing-capability', 'warning')], false, false)).toBe('unproven');
        expect(statusOf([], false, true)).toBe('unproven');
        expect(statusOf([finding('unprotected', 'warning'), finding('missing-from-plan', 'warning')], false, false)).toBe('ok');
    });

    let map: DependencyMap;
    beforeAll(async () => {
        map = buildDependencyMap(await analyse({ 'plan.drplan': `
            site Main "Main datacenter" { kind on-premises }
            site Dr "DR region" { kind azure region "westeurope" }
            workload Lonely "One instance, no failover" {
              kind database runs-at Main replication storage every 5m
              recovery-time 1h estimated recovery-point 5m estimated
            }
            workload Broken { runs-at Main failover-to Main instances 2
              recovery-time 10m tested 2026-09-01 recovery-point 1m tested 2026-09-01 }
            workload Old { runs-at Main failover-to Dr instances 2
              recovery-time 10m tested 2024-01-01 recovery-point 1m tested 2026-09-01 }
            workload Good { runs-at Main failover-to Dr instances 2
              recovery-time 10m tested 2026-09-01 recovery-point 1m tested 2026-09-01 }
            workload Unknown { runs-at Main failover-to Dr instances 2 stateless }
            supplier Sole { kind vendor }
            process Critical { criticality critical rto 8h rpo 1h suppliers Sole
              workloads Lonely, Broken, Old, Good, Unknown locations Main }
            process Calm { criticality low workloads Good }
        ` }));
    });

    test('an error finding makes a gap, a SPOF outranks an estimate, a stale test is unproven', () => {
        expect(statuses(map)).toMatchObject({
            Broken: 'gap',        // failover-same-site (error)
            Lonely: 'spof',       // no failover and one instance, although also an estimate
            Sole: 'spof',         // a supplier without alternative
            Old: 'unproven',      // stale-test
            Unknown: 'unproven',  // no recovery time: missing-capability
            Good: 'ok',
            Critical: 'unproven', // meets its RTO and RPO on estimates only
            Calm: 'ok',
        });
        expect(byId(map).get('Old')!.detail).toBe('RT 10m (stale test 2024-01-01) · RP 1m (tested 2026-09-01)');
        expect(byId(map).get('Unknown')!.detail).toBe('RT unknown');
        expect(byId(map).get('Lonely')!.findings.map(finding => finding.code)).toContain('spof');
    });

    test('a site whose loss strands a process is a SPOF container', () => {
        const main = map.containers.find(container => container.id === 'Main')!;
        expect(main.status).toBe('spof');
        expect(main.findings.map(finding => finding.code)).toEqual(['spof']);
        expect(map.containers.find(container => container.id === 'Dr')!.status).toBe('ok');
    });
});

test('a name declared twice is one node (the first declaration), and edges still find it', async () => {
    const map = buildDependencyMap(await analyse({
        'a.drplan': 'workload Db "First" { recovery-time 1h estimated }\nprocess P { workloads Db }',
        'b.drplan': 'workload Db "Second" { recovery-time 2h estimated }',
    }));
    const nodes = map.nodes.filter((node: MapNode) => node.id === 'Db');
    expect(nodes).toHaveLength(1);
    expect(nodes[0].title).toBe('First');
    expect(nodes[0].status).toBe('gap'); // duplicate-name
    expect(map.edges.map(edge => edge.id)).toEqual(['workload:P->Db']);
});

/** A workspace of `count` workloads in chains of ten, one process per ten workloads, over a few sites. */
function largePlan(count: number): string {
    const lines: string[] = ['site S0 { kind on-premises }', 'site S1 { kind azure }', 'site S2 { kind colocation }'];
    for (let index = 0; index < count; index++) {
        const dependsOn = index % 10 === 0 ? '' : ` depends-on W${index - 1}`;
        lines.push(`workload W${index} { runs-at S${index % 3} failover-to S${(index + 1) % 3} recovery-time 5m estimated${dependsOn} }`);
    }
    for (let index = 0; index < count / 10; index++) {
        lines.push(`process P${index} { rto 4h workloads W${index * 10 + 9} locations S0${index > 0 ? ` input "x" from P${index - 1}` : ''} }`);
    }
    return lines.join('\n');
}

test('maps of 2,000 and 8,000 workloads are built in time linear in their size (prints the times)', async () => {
    for (const count of [2000, 8000]) {
        const analysis = await analyse({ 'large.drplan': largePlan(count) });
        const start = performance.now();
        const map = buildDependencyMap(analysis);
        const whole = performance.now() - start;
        const focusStart = performance.now();
        const focused = buildDependencyMap(analysis, { process: `P${count / 10 - 1}` });
        const focus = performance.now() - focusStart;
        console.log(`dependency map of ${count} workloads: ${map.nodes.length} nodes, ${map.edges.length} edges in `
            + `${whole.toFixed(0)} ms; focused on the last process (${focused.nodes.length} nodes) in ${focus.toFixed(0)} ms`);
        expect(map.nodes).toHaveLength(count + count / 10);
        // The last process takes input from every other one: it needs the whole workspace.
        expect(focused.nodes).toHaveLength(count + count / 10);
    }
}, 240_000);
