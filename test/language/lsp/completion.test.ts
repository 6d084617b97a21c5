import { EmptyFileSystem } from 'langium';
import { clearDocuments, expectCompletion, parseHelper } from 'langium/test';
import { describe, expect, test } from 'vitest';
import { CompletionItemKind, type CompletionList } from 'vscode-languageserver';
import { createDrPlanServices } from '../../../packages/language/src/drplan-module.js';

const services = createDrPlanServices(EmptyFileSystem);
const complete = expectCompletion(services.DrPlan);

/** One of each kind of element, so that a completion offering the wrong kind shows up. */
const workspace = `
site Seattle "Seattle primary datacenter" {}
site Tacoma {}
person Jane {}
role DBA "Database administrator" { filled-by Jane }
role OpsLead {}
supplier PaymentGateway {}
customer RetailCustomers {}
workforce WarehouseStaff {}
equipment LabelPrinters {}
data CustomerRecords {}
workload OrderDb {}
workload ActiveDirectory {}
process WebOrdering {}
recovery-plan OrderTierFailover { group Data { after { manual VerifyListener "Verify" by DBA takes 15m } } }
`;

async function labels(text: string): Promise<string[]> {
    let result: string[] = [];
    await complete({
        text: workspace + text,
        index: 0,
        assert: (list: CompletionList) => {
            result = list.items.map(item => item.label);
        },
        disposeAfterCheck: true,
    });
    return result;
}

describe('completion of names: only names of the right kind', () => {
    test('`runs-at`, `failover-to`, `locations` and `at` offer sites', async () => {
        expect(await labels('workload W { runs-at <|> }')).toEqual(['Seattle', 'Tacoma']);
        expect(await labels('workload W { failover-to <|> }')).toEqual(['Seattle', 'Tacoma']);
        expect(await labels('process P { locations <|> }')).toEqual(['Seattle', 'Tacoma']);
        expect(await labels('equipment E { at <|> }')).toEqual(['Seattle', 'Tacoma']);
    });

    test('`by` and `owner` offer roles, `filled-by` people', async () => {
        expect(await labels('recovery-plan R { group G { before { manual M "Do it" by <|> } } }')).toEqual(['DBA', 'OpsLead']);
        expect(await labels('plan P { response { mobilize { step Declare "Declare" by <|> } } }')).toEqual(['DBA', 'OpsLead']);
        expect(await labels('workload W { owner <|> }')).toEqual(['DBA', 'OpsLead']);
        expect(await labels('role R { filled-by <|> }')).toEqual(['Jane']);
    });

    test('`input … from` offers processes and suppliers, `output … to` customers and processes, never the process itself', async () => {
        expect((await labels('process OrderFulfilment { input "Orders" from <|> }')).sort()).toEqual(['PaymentGateway', 'WebOrdering']);
        expect((await labels('process OrderFulfilment { output "Shipments" to <|> }')).sort()).toEqual(['RetailCustomers', 'WebOrdering']);
    });

    test('a RACI row offers steps and recovery-plan actions', async () => {
        const names = await labels('plan P { response { mobilize { step Declare "Declare" by DBA takes 30m } } raci { <|> } }');
        expect(names.sort()).toEqual(['Declare', 'VerifyListener']);
        expect(await labels('plan P { raci { VerifyListener: accountable <|> } }')).toEqual(['DBA', 'OpsLead']);
    });

    test('`execute` offers recovery plans, `covers` processes, `held-by` and `workloads` workloads', async () => {
        expect(await labels('plan P { response { stabilize { execute <|> } } }')).toEqual(['OrderTierFailover']);
        expect(await labels('plan P { covers <|> }')).toEqual(['WebOrdering']);
        expect(await labels('data D { held-by <|> }')).toEqual(['OrderDb', 'ActiveDirectory']);
        expect(await labels('recovery-plan R { group G { workloads <|> } }')).toEqual(['OrderDb', 'ActiveDirectory']);
    });

    test('a list offers neither its own declaration nor the names it already holds', async () => {
        expect(await labels('workload OrderApp { depends-on OrderDb, <|> }')).toEqual(['ActiveDirectory']);
        expect(await labels('supplier BackupGateway { alternative <|> }')).toEqual(['PaymentGateway']);
    });

    test('offers names declared in the other files of the workspace', async () => {
        const other = await parseHelper(services.DrPlan)('site Frankfurt {}\nrole Auditor {}', { documentUri: 'file:///workspace/other.drplan' });
        try {
            expect((await labels('workload W { runs-at <|> }')).sort()).toEqual(['Frankfurt', 'Seattle', 'Tacoma']);
            expect((await labels('workload W { owner <|> }')).sort()).toEqual(['Auditor', 'DBA', 'OpsLead']);
        } finally {
            await clearDocuments(services.shared, [other]);
        }
    });

    test('a name shows its kind and title, with a completion kind per element kind', async () => {
        await complete({
            text: workspace + 'workload W { runs-at <|> }',
            index: 0,
            assert: list => {
                const seattle = list.items.find(item => item.label === 'Seattle');
                expect(seattle?.detail).toBe('site · Seattle primary datacenter');
                expect(seattle?.kind).toBe(CompletionItemKind.Folder);
                expect(list.items.find(item => item.label === 'Tacoma')?.detail).toBe('site');
            },
            disposeAfterCheck: true,
        });
    });
});

describe('completion of keywords in context', () => {
    test('at the top level, the declaration keywords', async () => {
        expect(await labels('<|>')).toEqual(['site', 'person', 'role', 'supplier', 'customer', 'workforce', 'equipment', 'data',
            'workload', 'process', 'recovery-plan', 'plan']);
    });

    test('in a declaration, its properties, without those it already has', async () => {
        expect(await labels('site S { <|> }')).toEqual(['kind', 'region']);
        expect(await labels('site S { region "westus2" <|> }')).toEqual(['kind']);
        expect(await labels('workload W { <|> kind database }')).not.toContain('kind');
        expect(await labels('workload W { <|> kind database }')).toContain('runs-at');
        expect(await labels('workload W { run<|> }')).toEqual(['runs-at']);
    });

    test('the keyword being typed is still offered', async () => {
        expect(await labels('workload W { kind<|> database }')).toEqual(['kind']);
    });

    test('inputs, outputs and groups may repeat', async () => {
        expect(await labels('process P { input "A" from WebOrdering <|> }')).toContain('input');
        expect(await labels('recovery-plan R { group A {} <|> }')).toEqual(['from', 'tested', 'group']);
    });

    test('values of a property: site kinds, replication methods', async () => {
        expect(await labels('site S { kind <|> }')).toEqual(['on-premises', 'colocation', 'azure', 'aws', 'gcp', 'other']);
        expect(await labels('workload W { replication <|> }')).toEqual(['hyper-v-replica', 'asr', 'sql-always-on', 'storage', 'log-shipping', 'other']);
    });

    test('response phases: once each, in their order', async () => {
        expect(await labels('plan P { response { <|> } }')).toEqual(['watch', 'mobilize', 'assess', 'stabilize', 'close']);
        expect(await labels('plan P { response { mobilize {} <|> } }')).toEqual(['assess', 'stabilize', 'close']);
        expect(await labels('plan P { response { mobilize {} <|> close {} } }')).toEqual(['assess', 'stabilize']);
    });

    test('`execute` only in the stabilize phase', async () => {
        expect(await labels('plan P { response { mobilize { <|> } } }')).toEqual(['step']);
        expect(await labels('plan P { response { stabilize { <|> } } }')).toEqual(['step', 'execute']);
    });

    test('a group offers its workloads and actions blocks, an action block the three kinds of action', async () => {
        expect(await labels('recovery-plan R { group A { workloads OrderDb <|> } }')).toEqual(['before', 'after']);
        expect(await labels('recovery-plan R { group A { before { <|> } } }')).toEqual(['manual', 'script', 'automation']);
    });
});
