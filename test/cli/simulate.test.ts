import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { drplan, fixtures, expectUsageError } from './run-cli.js';

const root = path.resolve(fixtures, '../../..');
const contoso = 'examples/contoso-retail';
const hospital = 'examples/hospital-ehr';
const plant = 'examples/manufacturing-plant';
const asOf = ['--as-of', '2026-11-21'];

const simulate = (args: readonly string[], options: { isTTY?: boolean; env?: Record<string, string> } = {}) =>
    drplan(['simulate', ...args, ...asOf], { cwd: root, ...options });

async function simulateJson(args: readonly string[]) {
    const result = await simulate([...args, '--format', 'json']);
    expect(result.stderr).toBe('');
    return { code: result.code, report: JSON.parse(result.stdout) };
}


async function workspace(files: Record<string, string>): Promise<string> {
    const folder = await mkdtemp(path.join(tmpdir(), 'drplan-simulate-'));
    for (const [name, text] of Object.entries(files)) {
        await writeFile(path.join(folder, name), text);
    }
    return folder;
}

describe('contoso-retail: losing Seattle strands nothing (README: "What is healthy")', () => {
    test('JSON: every process recoverable, with its recovery time and RTO in seconds', async () => {
        const { code, report } = await simulateJson([contoso, '--lose', 'Seattle']);
        expect(report).toEqual({
            version: 1,
            lost: ['Seattle'],
            processes: [
                { process: 'OrderFulfilment', recoverable: true, strandedBy: [], recoveryTime: 19200, rto: 14400 },
                { process: 'WebOrdering', recoverable: true, strandedBy: [], recoveryTime: 18300, rto: 21600 },
                { process: 'Payments', recoverable: true, strandedBy: [], recoveryTime: 17700, rto: 28800 },
            ],
        });
        expect(code).toBe(0);
    });

    test('text: a header, one line per process with ✓, the RTO and how far over it, a summary', async () => {
        const result = await simulate([contoso, '--lose', 'Seattle']);
        expect(result).toEqual({
            code: 0,
            stderr: '',
            stdout: [
                'Losing Seattle (site):',
                '  ✓ OrderFulfilment  recovers in 5h20m (RTO 4h, 1h20m over)',
                '  ✓ WebOrdering      recovers in 5h5m (RTO 6h)',
                '  ✓ Payments         recovers in 4h55m (RTO 8h)',
                '3 processes: 3 still recoverable, 0 stranded; 1 of the recoverable misses its RTO',
                '',
            ].join('\n'),
        });
    });

    test('losing Seattle and Tacoma together strands what needs either site (its locations, the warehouse)', async () => {
        const { code, report } = await simulateJson([contoso, '--lose', 'Seattle,Tacoma']);
        expect(report.lost).toEqual(['Seattle', 'Tacoma']);
        const fulfilment = report.processes.find((p: { process: string }) => p.process === 'OrderFulfilment');
        expect(fulfilment.recoverable).toBe(false);
        expect(fulfilment.recoveryTime).toBeNull();
        expect(fulfilment.strandedBy).toEqual(expect.arrayContaining(['WarehouseStaff', 'LabelPrinters']));
        expect(code).toBe(1);
    });
});

describe('the deliberate SPOFs of the examples', () => {
    test('contoso-retail: losing SamOkafor, the only DBA, strands all three processes (exit 1)', async () => {
        const { code, report } = await simulateJson([contoso, '--lose', 'SamOkafor']);
        expect(report.processes).toEqual([
            { process: 'OrderFulfilment', recoverable: false, strandedBy: ['DBA', 'WebOrdering'], recoveryTime: null, rto: 14400 },
            { process: 'WebOrdering', recoverable: false, strandedBy: ['DBA'], recoveryTime: null, rto: 21600 },
            { process: 'Payments', recoverable: false, strandedBy: ['DBA'], recoveryTime: null, rto: 28800 },
        ]);
        expect(code).toBe(1);
    });

    test('hospital-ehr: losing DrugWholesaler strands MedicationAdministration only', async () => {
        const { code, report } = await simulateJson([hospital, '--lose', 'DrugWholesaler']);
        expect(report).toEqual({
            version: 1,
            lost: ['DrugWholesaler'],
            processes: [
                { process: 'ClinicalDocumentation', recoverable: true, strandedBy: [], recoveryTime: 13200, rto: 14400 },
                { process: 'MedicationAdministration', recoverable: false, strandedBy: ['DrugWholesaler'], recoveryTime: null, rto: 14400 },
                { process: 'LabResulting', recoverable: true, strandedBy: [], recoveryTime: 12300, rto: 21600 },
                // Covered by no plan: evaluated with L = 0 (README: 5h30m).
                { process: 'PatientPortal', recoverable: true, strandedBy: [], recoveryTime: 19800, rto: 259200 },
            ],
        });
        expect(code).toBe(1);
    });

    test('hospital-ehr text: ✗ and what stranded it', async () => {
        const result = await simulate([hospital, '--lose', 'DrugWholesaler']);
        expect(result.stdout).toBe([
            'Losing DrugWholesaler (supplier):',
            '  ✓ ClinicalDocumentation     recovers in 3h40m (RTO 4h)',
            '  ✗ MedicationAdministration  stranded by DrugWholesaler (RTO 4h)',
            '  ✓ LabResulting              recovers in 3h25m (RTO 6h)',
            '  ✓ PatientPortal             recovers in 5h30m (RTO 3d)',
            '4 processes: 3 still recoverable, 1 stranded',
            '',
        ].join('\n'));
        expect(result.code).toBe(1);
    });

    test('a recovery time resting on an unknown capability is a lower bound: "at least"', async () => {
        // PortalApp has two instances and a failover site: losing it strands nothing.
        const result = await simulate([hospital, '--lose', 'PortalApp']);
        expect(result.stdout).toContain('  ✓ MedicationAdministration  recovers in at least 3h55m (RTO 4h)\n');
        expect(result.stdout).toContain('4 processes: 4 still recoverable, 0 stranded\n');
        expect(result.code).toBe(0);
    });
});

describe('--plan', () => {
    test('reports only the processes the plan covers, with the recovery time under that plan', async () => {
        const { report } = await simulateJson([hospital, '--lose', 'MercyCampus,DrugWholesaler', '--plan', 'EhrRecovery']);
        expect(report.processes.map((p: { process: string }) => p.process))
            .toEqual(['ClinicalDocumentation', 'MedicationAdministration', 'LabResulting']);
        expect(report.lost).toEqual(['MercyCampus', 'DrugWholesaler']);
        const text = await simulate([hospital, '--lose', 'MercyCampus', '--plan', 'EhrRecovery']);
        expect(text.stdout.split('\n')[0]).toBe('Losing MercyCampus (site), under plan EhrRecovery:');
    });

    test('a process with no RTO has rto null; under each plan its own recovery time', async () => {
        const erp = await simulateJson([plant, '--lose', 'AwsUsEast2', '--plan', 'ErpRegionLoss']);
        expect(erp.report.processes).toEqual([
            { process: 'CustomerOrders', recoverable: true, strandedBy: [], recoveryTime: 15300, rto: 43200 },
        ]);
        const all = await simulateJson([plant, '--lose', 'AwsUsEast2']);
        expect(all.report.processes.find((p: { process: string }) => p.process === 'Maintenance'))
            .toMatchObject({ recoverable: true, rto: null });
        const text = await simulate([plant, '--lose', 'AwsUsEast2']);
        // Cmms declares no recovery time: nothing to add up.
        expect(text.stdout).toContain('  ✓ Maintenance     recovery time unknown (no RTO)\n');
    });

    test('a process covered by two plans gets the time of the plan asked for, and its worst without --plan', async () => {
        const folder = await workspace({
            'two-plans.drplan': `
                site Primary { kind on-premises }
                site Cloud { kind azure }
                person Ann { email "ann@example.com" }
                person Bob { email "bob@example.com" }
                role Ops { filled-by Ann, Bob }
                workload App { runs-at Primary failover-to Cloud stateless recovery-time 1h estimated }
                process Sell { criticality high rto 3h workloads App }
                plan Fast { covers Sell response { mobilize { step Call "Call" by Ops takes 10m } } }
                plan Slow { covers Sell response { mobilize { step Meet "Meet" by Ops takes 2h } } }
            `,
        });
        const fast = await drplan(['simulate', folder, '--lose', 'Ann', '--plan', 'Fast', '--format', 'json'], { cwd: root });
        const slow = await drplan(['simulate', folder, '--lose', 'Ann', '--plan', 'Slow', '--format', 'json'], { cwd: root });
        const worst = await drplan(['simulate', folder, '--lose', 'Ann', '--format', 'json'], { cwd: root });
        expect(JSON.parse(fast.stdout).processes[0].recoveryTime).toBe(4200);
        expect(JSON.parse(slow.stdout).processes[0].recoveryTime).toBe(10800);
        expect(JSON.parse(worst.stdout).processes[0].recoveryTime).toBe(10800);
        const text = await drplan(['simulate', folder, '--lose', 'Ann', '--plan', 'Slow'], { cwd: root });
        expect(text.stdout).toContain('  ✓ Sell  recovers in 3h (RTO 3h)\n');
        expect(text.code).toBe(0);
    });

    test('a plan that covers nothing says so', async () => {
        const folder = await workspace({
            'empty-plan.drplan': 'site Here { kind on-premises }\nplan Nothing { }\n',
        });
        const result = await drplan(['simulate', folder, '--lose', 'Here', '--plan', 'Nothing'], { cwd: root });
        expect(result.stdout).toBe('Losing Here (site), under plan Nothing:\n  (plan Nothing covers no process)\n'
            + '0 processes: 0 still recoverable, 0 stranded\n');
        expect(result.code).toBe(0);
    });
});

describe('--lose', () => {
    test('takes names separated by commas (blanks allowed), repeated, each lost once', async () => {
        const { report } = await simulateJson([contoso, '--lose', 'Seattle, Tacoma', '--lose', 'SamOkafor,Seattle']);
        expect(report.lost).toEqual(['Seattle', 'Tacoma', 'SamOkafor']);
    });

    test('each kind that can be lost: site, workload, supplier, person, equipment', async () => {
        // Each of them alone is covered (README: failover sites, alternatives, spares, a second person).
        for (const name of ['AzureWestUS2', 'OrderDb', 'PaymentGateway', 'JaneDoe', 'LabelPrinters']) {
            const { code, report } = await simulateJson([contoso, '--lose', name]);
            expect(report.lost).toEqual([name]);
            expect(report.processes.map((p: { strandedBy: string[] }) => p.strandedBy), name).toEqual([[], [], []]);
            expect(code).toBe(0);
        }
    });

    test('losing a workload and its failover site strands what needs it', async () => {
        const { report } = await simulateJson([contoso, '--lose', 'OrderDb,AzureWestUS2']);
        for (const process of report.processes) {
            expect(process.strandedBy, process.process).toContain('OrderDb');
        }
    });
});

describe('exit 2 with one line', () => {
    test('an unknown name, with a suggestion for a near miss', async () => {
        expectUsageError(await simulate([contoso, '--lose', 'Seatle']),
            '--lose Seatle: no site, workload, supplier, person or equipment is named Seatle (did you mean Seattle?)');
        expectUsageError(await simulate([contoso, '--lose', 'Seattle,Atlantis']),
            '--lose Atlantis: no site, workload, supplier, person or equipment is named Atlantis');
        expectUsageError(await simulate([contoso, '--lose', 'seattle']), /\(did you mean Seattle\?\)\n$/);
    });

    test('a name of a kind that cannot be lost', async () => {
        expectUsageError(await simulate([contoso, '--lose', 'OrderFulfilment']),
            '--lose OrderFulfilment: OrderFulfilment is a process; only sites, workloads, suppliers, people and equipment can be lost');
        expectUsageError(await simulate([contoso, '--lose', 'DBA']),
            '--lose DBA: DBA is a role; only sites, workloads, suppliers, people and equipment can be lost');
        expectUsageError(await simulate([contoso, '--lose', 'RetailCustomers']), /RetailCustomers is a customer; only sites/);
        expectUsageError(await simulate([contoso, '--lose', 'OrderTierFailover']), /OrderTierFailover is a recovery plan; only sites/);
        expectUsageError(await simulate([contoso, '--lose', 'UpdateDns']), /UpdateDns is a script action; only sites/);
        expectUsageError(await simulate([contoso, '--lose', 'CustomerRecords']), /CustomerRecords is a data set; only sites/);
    });

    test('a workforce, which is lost only with its site', async () => {
        expectUsageError(await simulate([contoso, '--lose', 'WarehouseStaff']),
            '--lose WarehouseStaff: a workforce is lost only with its site: lose Seattle instead');
    });

    test('no --lose, or an empty name', async () => {
        expectUsageError(await simulate([contoso]), 'required option \'--lose <names>\' not specified');
        expectUsageError(await simulate([contoso, '--lose', 'Seattle,']), '--lose expects names separated by commas, not \'Seattle,\'');
        expectUsageError(await simulate([contoso, '--lose', '']), '--lose expects names separated by commas, not \'\'');
    });

    test('an unknown plan, or a name that is not a plan', async () => {
        expectUsageError(await simulate([contoso, '--lose', 'Seattle', '--plan', 'Contoso']),
            '--plan Contoso: no plan is named Contoso (declared: ContosoRetail)');
        expectUsageError(await simulate([contoso, '--lose', 'Seattle', '--plan', 'OrderTierFailover']),
            '--plan OrderTierFailover: OrderTierFailover is a recovery plan, not a plan');
    });

    test('a bad format or date', async () => {
        expectUsageError(await simulate([contoso, '--lose', 'Seattle', '--format', 'sarif']),
            /^drplan: option '--format <format>' argument 'sarif' is invalid\. Allowed choices are text, json\.\n$/);
        expectUsageError(await drplan(['simulate', contoso, '--lose', 'Seattle', '--as-of', '2026-02-30'], { cwd: root }),
            '--as-of 2026-02-30 is not a real date');
    });

    test('plans that do not parse or link: the simulation would leave out what the user wrote', async () => {
        const folder = await workspace({
            'broken.drplan': 'site Here { kind on-premises }\nworkload App { runs-at Nowhere }\n',
        });
        expectUsageError(await drplan(['simulate', folder, '--lose', 'Here'], { cwd: folder }),
            /^drplan: cannot simulate: broken\.drplan:2:24: unresolved-reference: Nowhere names no site \(drplan check lists them\)\n$/);
    });

    test('no .drplan file', async () => {
        expectUsageError(await drplan(['simulate', 'docs', '--lose', 'Seattle'], { cwd: root }), 'no .drplan files found in docs');
    });
});

describe('terminal colour', () => {
    test('✓ in green and ✗ in red at a terminal, none with NO_COLOR', async () => {
        const coloured = await simulate([hospital, '--lose', 'DrugWholesaler'], { isTTY: true });
        expect(coloured.stdout).toContain('\x1b[32m✓\x1b[0m ClinicalDocumentation');
        expect(coloured.stdout).toContain('\x1b[31;1m✗\x1b[0m MedicationAdministration');
        const plain = await simulate([hospital, '--lose', 'DrugWholesaler'], { isTTY: true, env: { NO_COLOR: '' } });
        expect(plain.stdout).not.toContain('\x1b[');
    });

    test('JSON is never coloured', async () => {
        const result = await simulate([hospital, '--lose', 'DrugWholesaler', '--format', 'json'], { isTTY: true });
        expect(result.stdout).not.toContain('\x1b[');
    });
});
