import { readFileSync } from 'node:fs';
import { chmod, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { recoveryPlanErrors } from '../schemas/validators.js';
import { type CliRun, drplan, fixtures, expectUsageError } from './run-cli.js';

const root = path.resolve(fixtures, '../../..');

// Microsoft's published ARM schema of Site Recovery 2025-01-01 (test/schemas/validators.ts).
function expectValidRecoveryPlan(resource: unknown): void {
    expect(recoveryPlanErrors(resource), 'ARM schema errors').toBe('No errors');
}

async function exportAsr(args: readonly string[], cwd = root): Promise<CliRun> {
    return drplan(['export', 'asr', ...args], { cwd });
}

async function template(args: readonly string[], cwd = root) {
    const result = await exportAsr(args, cwd);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    return JSON.parse(result.stdout);
}


async function workspace(files: Record<string, string>): Promise<string> {
    const folder = await mkdtemp(path.join(tmpdir(), 'drplan-asr-'));
    for (const [name, text] of Object.entries(files)) {
        await writeFile(path.join(folder, name), text);
    }
    return folder;
}

const every = ['PlannedFailover', 'UnplannedFailover', 'TestFailover'];
const forward = ['PrimaryToRecovery'];

describe('contoso-retail OrderTierFailover', () => {
    test('the recovery-plan resource validates against the published ARM schema', async () => {
        const arm = await template(['examples/contoso-retail', '--recovery-plan', 'OrderTierFailover']);
        expect(arm.resources).toHaveLength(1);
        expectValidRecoveryPlan(arm.resources[0]);
    });

    test('a deployment template: schema, content version, parameters, one resource', async () => {
        const arm = await template(['examples/contoso-retail', '--recovery-plan', 'OrderTierFailover']);
        expect(arm.$schema).toBe('https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#');
        expect(arm.contentVersion).toBe('1.0.0.0');
        expect(Object.keys(arm.parameters)).toEqual(['vaultName', 'primaryFabricId', 'recoveryFabricId',
            'ActiveDirectoryProtectedItemId', 'OrderDbProtectedItemId', 'OrderAppProtectedItemId',
            'WebShopProtectedItemId', 'PaymentSwitchProtectedItemId']);
        for (const [name, parameter] of Object.entries<{ type: string; metadata: { description: string } }>(arm.parameters)) {
            expect(parameter.type, name).toBe('string');
            expect(parameter.metadata.description.length, name).toBeGreaterThan(20);
        }
        expect(arm.parameters.primaryFabricId.metadata.description).toContain('Seattle');
        expect(arm.parameters.recoveryFabricId.metadata.description).toContain('AzureWestUS2');
        expect(arm.metadata.description).toBe('drplan recovery plan OrderTierFailover "Fail the order tier over to Azure", '
            + 'from Seattle to AzureWestUS2. Boot groups: 1 Identity, 2 Data, 3 Apps.');
        const [resource] = arm.resources;
        expect(resource.type).toBe('Microsoft.RecoveryServices/vaults/replicationRecoveryPlans');
        expect(resource.apiVersion).toBe('2025-01-01');
        expect(resource.name).toBe("[concat(parameters('vaultName'), '/', 'OrderTierFailover')]");
        expect(resource.properties.primaryFabricId).toBe("[parameters('primaryFabricId')]");
        expect(resource.properties.recoveryFabricId).toBe("[parameters('recoveryFabricId')]");
        expect(resource.properties.failoverDeploymentModel).toBe('ResourceManager');
    });

    test('groups: Shutdown, Failover, then one Boot group per group in order, with its members and actions', async () => {
        const arm = await template(['examples/contoso-retail', '--recovery-plan', 'OrderTierFailover']);
        const item = (workload: string) => ({ id: `[parameters('${workload}ProtectedItemId')]` });
        expect(arm.resources[0].properties.groups).toEqual([
            { groupType: 'Shutdown', replicationProtectedItems: [], startGroupActions: [], endGroupActions: [] },
            { groupType: 'Failover', replicationProtectedItems: [], startGroupActions: [], endGroupActions: [] },
            // Identity
            { groupType: 'Boot', replicationProtectedItems: [item('ActiveDirectory')], startGroupActions: [], endGroupActions: [] },
            // Data: after { manual VerifyListener "…" by DBA takes 15m }
            {
                groupType: 'Boot', replicationProtectedItems: [item('OrderDb')], startGroupActions: [],
                endGroupActions: [{
                    actionName: 'VerifyListener', failoverTypes: every, failoverDirections: forward,
                    customDetails: { instanceType: 'ManualActionDetails', description: 'Verify the AG listener answers' },
                }],
            },
            // Apps: before { script UpdateDns … on recovery }, after { automation WarmCaches … only planned, unplanned }
            {
                groupType: 'Boot',
                replicationProtectedItems: [item('OrderApp'), item('WebShop'), item('PaymentSwitch')],
                startGroupActions: [{
                    actionName: 'UpdateDns', failoverTypes: every, failoverDirections: forward,
                    customDetails: { instanceType: 'ScriptActionDetails', path: 'scripts/update-dns.ps1', fabricLocation: 'Recovery' },
                }],
                endGroupActions: [{
                    actionName: 'WarmCaches', failoverTypes: ['PlannedFailover', 'UnplannedFailover'], failoverDirections: forward,
                    customDetails: { instanceType: 'AutomationRunbookActionDetails', runbookId: 'rb-warm-caches', fabricLocation: 'Recovery' },
                }],
            },
        ]);
    });

    test('docs/asr-export.md shows exactly this template (the first JSON block; any drplan version)', async () => {
        const printed = JSON.parse((await exportAsr(['examples/contoso-retail', '--recovery-plan', 'OrderTierFailover'])).stdout);
        const doc = readFileSync(path.join(root, 'docs/asr-export.md'), 'utf8');
        const shown = JSON.parse(/```json\n([\s\S]*?)```/.exec(doc)?.[1] ?? '{}');
        printed.metadata._generator.version = shown.metadata?._generator?.version;
        expect(shown).toEqual(printed);
    });
});

describe('the other examples validate too', () => {
    test('hospital-ehr EhrFailover: four Boot groups', async () => {
        const arm = await template(['examples/hospital-ehr', '--recovery-plan', 'EhrFailover']);
        expectValidRecoveryPlan(arm.resources[0]);
        const groups = arm.resources[0].properties.groups;
        expect(groups.map((group: { groupType: string }) => group.groupType)).toEqual(['Shutdown', 'Failover', 'Boot', 'Boot', 'Boot', 'Boot']);
        expect(groups[5].replicationProtectedItems).toEqual([
            { id: "[parameters('InterfaceEngineProtectedItemId')]" }, { id: "[parameters('DispensingGatewayProtectedItemId')]" }]);
    });

    test('manufacturing-plant: both recovery plans; a failover away from Azure has no deployment model', async () => {
        for (const name of ['MesFailover', 'ErpFailover']) {
            const arm = await template(['examples/manufacturing-plant', '--recovery-plan', name]);
            expectValidRecoveryPlan(arm.resources[0]);
            expect(arm.resources[0].properties.failoverDeploymentModel).toBe('NotApplicable');
        }
    });
});

describe('actions', () => {
    const plans = `
        site Here { kind on-premises }
        site There { kind azure }
        person Ann { email "ann@example.com" }
        role Ops { filled-by Ann }
        workload Db { runs-at Here failover-to There recovery-time 1h estimated backup azure-backup every 1d }
        workload App { runs-at Here failover-to There stateless recovery-time 10m estimated depends-on Db }
        recovery-plan Move {
          from Here to There
          group First {
            before {
              script StopFeeds "scripts/stop-feeds.sh" on primary takes 2m
              automation Drain "/subscriptions/0000/resourceGroups/ops/providers/Microsoft.Automation/automationAccounts/ops/runbooks/drain" on primary takes 5m
            }
            workloads Db
            after {
              manual Check "[Ops: check the replica]" by Ops takes 5m only test
              automation Promote "promote-db" on recovery takes 3m only unplanned, planned
            }
          }
          group Second { workloads App }
          group Empty { after { manual Announce "[Ops] announce the move" by Ops takes 1m } }
        }
    `;

    test('primary and recovery fabric locations, every `only`, escaped literals; still valid', async () => {
        const folder = await workspace({ 'move.drplan': plans });
        const arm = await template([folder, '--recovery-plan', 'Move']);
        expectValidRecoveryPlan(arm.resources[0]);
        const [, , first, second, empty] = arm.resources[0].properties.groups;
        expect(first.startGroupActions).toEqual([
            { actionName: 'StopFeeds', failoverTypes: every, failoverDirections: forward,
                customDetails: { instanceType: 'ScriptActionDetails', path: 'scripts/stop-feeds.sh', fabricLocation: 'Primary' } },
            { actionName: 'Drain', failoverTypes: every, failoverDirections: forward,
                customDetails: { instanceType: 'AutomationRunbookActionDetails', fabricLocation: 'Primary',
                    runbookId: '/subscriptions/0000/resourceGroups/ops/providers/Microsoft.Automation/automationAccounts/ops/runbooks/drain' } },
        ]);
        expect(first.endGroupActions).toEqual([
            // A literal that looks like an ARM expression gets ARM's escape, `[[`.
            { actionName: 'Check', failoverTypes: ['TestFailover'], failoverDirections: forward,
                customDetails: { instanceType: 'ManualActionDetails', description: '[[Ops: check the replica]' } },
            { actionName: 'Promote', failoverTypes: ['UnplannedFailover', 'PlannedFailover'], failoverDirections: forward,
                customDetails: { instanceType: 'AutomationRunbookActionDetails', runbookId: 'promote-db', fabricLocation: 'Recovery' } },
        ]);
        expect(Object.keys(arm.parameters)).toEqual(['vaultName', 'primaryFabricId', 'recoveryFabricId', 'DbProtectedItemId', 'AppProtectedItemId']);
        expect(second.replicationProtectedItems).toEqual([{ id: "[parameters('AppProtectedItemId')]" }]);
        expect(empty).toMatchObject({ groupType: 'Boot', replicationProtectedItems: [], startGroupActions: [] });
        expect(empty.endGroupActions[0].customDetails).toEqual({ instanceType: 'ManualActionDetails', description: '[Ops] announce the move' });
    });

    test('the schema check is not vacuous: it rejects what ASR would reject', async () => {
        const folder = await workspace({ 'move.drplan': plans });
        const resource = (await template([folder, '--recovery-plan', 'Move'])).resources[0];
        const broken = (change: (copy: any) => void) => {
            const copy = structuredClone(resource);
            change(copy);
            return recoveryPlanErrors(copy) === 'No errors';
        };
        expect(recoveryPlanErrors(resource)).toBe('No errors');
        expect(broken(copy => { copy.properties.groups[2].groupType = 'Start'; })).toBe(false);
        expect(broken(copy => { delete copy.properties.groups[2].startGroupActions[0].customDetails.fabricLocation; })).toBe(false);
        expect(broken(copy => { copy.properties.groups[2].endGroupActions[0].failoverTypes = ['Test']; })).toBe(false);
        expect(broken(copy => { copy.properties.groups[2].endGroupActions[0].customDetails.instanceType = 'Manual'; })).toBe(false);
        expect(broken(copy => { delete copy.properties.recoveryFabricId; })).toBe(false);
        expect(broken(copy => { copy.apiVersion = '2024-10-01'; })).toBe(false);
        // A failover deployment model that is neither an allowed value nor an expression.
        expect(broken(copy => { copy.properties.failoverDeploymentModel = 'Azure'; })).toBe(false);
    });

    test('a recovery plan with no groups has only the Shutdown and Failover groups', async () => {
        const folder = await workspace({ 'bare.drplan': 'site A { kind on-premises }\nsite B { kind on-premises }\nrecovery-plan Bare { from A to B }\n' });
        const arm = await template([folder, '--recovery-plan', 'Bare']);
        expectValidRecoveryPlan(arm.resources[0]);
        expect(arm.resources[0].properties.groups.map((group: { groupType: string }) => group.groupType)).toEqual(['Shutdown', 'Failover']);
        expect(arm.resources[0].properties.failoverDeploymentModel).toBe('NotApplicable');
        expect(Object.keys(arm.parameters)).toEqual(['vaultName', 'primaryFabricId', 'recoveryFabricId']);
    });
});

describe('exit 2 with one line', () => {
    test('an unknown recovery plan, with the ones there are', async () => {
        expectUsageError(await exportAsr(['examples/contoso-retail', '--recovery-plan', 'OrderTier']),
            '--recovery-plan OrderTier: no recovery plan is named OrderTier (declared: OrderTierFailover)');
        expectUsageError(await exportAsr(['examples/contoso-retail', '--recovery-plan', 'OrderTierFailovr']),
            '--recovery-plan OrderTierFailovr: no recovery plan is named OrderTierFailovr (did you mean OrderTierFailover?)');
    });

    test('a name that is not a recovery plan', async () => {
        expectUsageError(await exportAsr(['examples/contoso-retail', '--recovery-plan', 'ContosoRetail']),
            '--recovery-plan ContosoRetail: ContosoRetail is a plan, not a recovery plan');
        expectUsageError(await exportAsr(['examples/contoso-retail', '--recovery-plan', 'Apps']),
            '--recovery-plan Apps: Apps is a recovery-plan group, not a recovery plan');
    });

    test('no --recovery-plan, or an unknown option', async () => {
        expectUsageError(await exportAsr(['examples/contoso-retail']), 'required option \'--recovery-plan <name>\' not specified');
        expectUsageError(await exportAsr(['examples/contoso-retail', '--recovery-plan', 'OrderTierFailover', '--format', 'bicep']),
            /^drplan: unknown option '--format'/);
        expectUsageError(await drplan(['export', 'terraform'], { cwd: root }), /^drplan: unknown command 'terraform'/);
    });

    test('plans that do not parse: the exported plan would leave out what the user wrote', async () => {
        const folder = await workspace({ 'broken.drplan': 'site A { kind on-premises }\nrecovery-plan P { from A to A\n  group G { workloads }\n}\n' });
        expectUsageError(await exportAsr([folder, '--recovery-plan', 'P'], folder), /^drplan: cannot export: broken\.drplan:\d+:\d+: syntax: /);
    });

    test('a workload in two groups, which ASR does not allow', async () => {
        const folder = await workspace({
            'twice.drplan': 'site A { kind on-premises }\nsite B { kind azure }\n'
                + 'workload Db { runs-at A failover-to B stateless }\n'
                + 'recovery-plan P { from A to B group G1 { workloads Db } group G2 { workloads Db } }\n',
        });
        expectUsageError(await exportAsr([folder, '--recovery-plan', 'P'], folder),
            'cannot export P: Db is in groups G1 and G2, but Azure Site Recovery puts a machine in one group of a recovery plan only');
    });

    test('workload names that ARM would take for one parameter', async () => {
        const folder = await workspace({
            'case.drplan': 'site A { kind on-premises }\nsite B { kind azure }\n'
                + 'workload Db { runs-at A failover-to B stateless }\nworkload DB { runs-at A failover-to B stateless }\n'
                + 'recovery-plan P { from A to B group G { workloads Db, DB } }\n',
        });
        expectUsageError(await exportAsr([folder, '--recovery-plan', 'P'], folder),
            'cannot export P: template parameters DbProtectedItemId and DBProtectedItemId differ only in case, which ARM treats as the same name');
    });
});

describe('--out', () => {
    let cwd: string;
    beforeEach(async () => {
        cwd = await mkdtemp(path.join(tmpdir(), 'drplan-asr-out-'));
    });
    const contoso = () => path.join(root, 'examples/contoso-retail');

    test('writes the template whole, creating folders, and prints nothing', async () => {
        const result = await exportAsr([contoso(), '--recovery-plan', 'OrderTierFailover', '--out', 'azure/order-tier.json'], cwd);
        expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
        const written = await readFile(path.join(cwd, 'azure/order-tier.json'), 'utf8');
        const printed = await exportAsr([contoso(), '--recovery-plan', 'OrderTierFailover'], cwd);
        expect(written).toBe(printed.stdout);
        expect(await readdir(path.join(cwd, 'azure'))).toEqual(['order-tier.json']);
    });

    test('replaces an existing file keeping its permissions; leaves it untouched when the export fails', async () => {
        const out = path.join(cwd, 'plan.json');
        await writeFile(out, 'the previous template\n');
        await chmod(out, 0o640);
        const failed = await exportAsr([contoso(), '--recovery-plan', 'Nope', '--out', 'plan.json'], cwd);
        expect(failed.code).toBe(2);
        expect(await readFile(out, 'utf8')).toBe('the previous template\n');
        const done = await exportAsr([contoso(), '--recovery-plan', 'OrderTierFailover', '--out', 'plan.json'], cwd);
        expect(done.code).toBe(0);
        expect(JSON.parse(await readFile(out, 'utf8')).resources[0].apiVersion).toBe('2025-01-01');
        expect((await stat(out)).mode & 0o777).toBe(0o640);
        expect(await readdir(cwd)).toEqual(['plan.json']);
    });

    test('an --out that cannot be written: one line, nothing left behind', async () => {
        await writeFile(path.join(cwd, 'azure'), 'a file, not a folder\n');
        const result = await exportAsr([contoso(), '--recovery-plan', 'OrderTierFailover', '--out', 'azure/plan.json'], cwd);
        expectUsageError(result, /^drplan: cannot create the folder of azure\/plan\.json: .+\n$/);
        expect(await readdir(cwd)).toEqual(['azure']);
    });
});
