import { EmptyFileSystem } from 'langium';
import { expectFoldings, expectSymbols, parseHelper } from 'langium/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { type DocumentSymbol, FoldingRangeKind, SymbolKind } from 'vscode-languageserver';
import { createDrPlanServices } from '../../../packages/language/src/drplan-module.js';

const services = createDrPlanServices(EmptyFileSystem);
const parse = parseHelper(services.DrPlan);

const symbolKindNames = new Map(Object.entries(SymbolKind).map(([name, kind]) => [kind, name]));

/** The outline as a reader sees it: `kind name — detail`, children indented. */
function outline(symbols: DocumentSymbol[] | undefined, depth = 0): string[] {
    return (symbols ?? []).flatMap(symbol => [
        `${'  '.repeat(depth)}${symbolKindNames.get(symbol.kind)} ${symbol.name}${symbol.detail ? ` — ${symbol.detail}` : ''}`,
        ...outline(symbol.children, depth + 1),
    ]);
}

async function symbolsOf(text: string): Promise<DocumentSymbol[]> {
    const document = await parse(text);
    return await services.DrPlan.lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument: { uri: document.uri.toString() } });
}

describe('document symbols (outline)', () => {
    test('lists every declaration with its kind and title, and nests groups, actions, phases and steps', async () => {
        const text = readFileSync(join(import.meta.dirname, 'fixtures/contoso-retail.drplan'), 'utf8');
        const lines = outline(await symbolsOf(text));
        expect(lines.slice(0, 3)).toEqual([
            'Namespace Seattle — Seattle primary datacenter',
            'Namespace Tacoma — Tacoma warehouse',
            'Namespace AzureWestUS2 — Azure West US 2',
        ]);
        expect(lines).toContain('Object JaneDoe — Jane Doe');
        expect(lines).toContain('Interface IncidentCommander — Incident Commander');
        expect(lines).toContain('Interface CIO');
        expect(lines).toContain('Package PaymentGateway — Card payment gateway');
        expect(lines).toContain('Struct RetailCustomers — Retail customers');
        expect(lines).toContain('Array WarehouseStaff — Warehouse staff');
        expect(lines).toContain('Constant LabelPrinters — Label printers');
        expect(lines).toContain('Variable CustomerRecords — Customer master records');
        expect(lines).toContain('Class OrderDb — Order database (SQL Server)');
        expect(lines).toContain('Function OrderFulfilment — Order fulfilment');
        const recoveryPlan = lines.indexOf('Module OrderTierFailover — Fail the order tier over to Azure');
        expect(lines.slice(recoveryPlan, recoveryPlan + 7)).toEqual([
            'Module OrderTierFailover — Fail the order tier over to Azure',
            '  Enum Identity',
            '  Enum Data',
            '    Method VerifyListener — Verify the AG listener answers',
            '  Enum Apps',
            '    Method UpdateDns — scripts/update-dns.ps1',
            '    Method WarmCaches — rb-warm-caches',
        ]);
        const plan = lines.indexOf('File ContosoRetail — Contoso Retail order-to-cash DR plan');
        expect(lines.slice(plan)).toEqual([
            'File ContosoRetail — Contoso Retail order-to-cash DR plan',
            '  Field watch',
            '    Event Monitor — Watch the regional alert feed',
            '  Field mobilize',
            '    Event Declare — Declare a disaster, open the war room',
            '  Field assess',
            '    Event Damage — Assess damage at Seattle',
            '  Field stabilize',
            '    Event SmokeTest — Smoke-test order entry',
            '  Field close',
            '    Event Review — Post-incident review',
        ]);
    });

    test('a symbol selects its name and spans its declaration', async () => {
        await expectSymbols(services.DrPlan)({
            text: 'site Seattle { kind azure }\nworkload OrderDb "Order DB" {\n  runs-at Seattle\n}\n',
            assert: symbols => {
                expect(symbols.map(symbol => [symbol.name, symbol.range.start.line, symbol.range.end.line,
                    symbol.selectionRange.start.character, symbol.selectionRange.end.character])).toEqual([
                    ['Seattle', 0, 0, 5, 12],
                    ['OrderDb', 1, 3, 9, 16],
                ]);
            },
            disposeAfterCheck: true,
        });
    });

    test('a document with a syntax error still shows the declarations it has', async () => {
        const lines = outline(await symbolsOf('site Seattle {}\nworkload OrderDb { runs-at }\nprocess Sales {}'));
        expect(lines).toEqual(expect.arrayContaining(['Namespace Seattle', 'Class OrderDb', 'Function Sales']));
    });
});

describe('folding', () => {
    async function foldingsOf(text: string) {
        const document = await parse(text);
        const ranges = await services.DrPlan.lsp.FoldingRangeProvider!.getFoldingRanges(document, { textDocument: { uri: document.uri.toString() } });
        return ranges.map(range => `${range.startLine}-${range.endLine}${range.kind ? ` ${range.kind}` : ''}`).sort();
    }

    test('declarations and nested blocks fold up to the line before their closing brace', async () => {
        const text = [
            'recovery-plan R {',          // 0
            '  group Data {',              // 1
            '    workloads OrderDb,',      // 2
            '      OrderApp',              // 3
            '    after {',                 // 4
            '      manual V "Verify" by DBA takes 15m', // 5
            '    }',                       // 6
            '  }',                         // 7
            '}',                           // 8
            'site S { kind azure }',       // 9
            'plan P {',                    // 10
            '  policy {',                  // 11
            '    test-validity 365d',      // 12
            '  }',                         // 13
            '  response {',                // 14
            '    mobilize {',              // 15
            '      step D "Declare" by DBA takes 30m', // 16
            '    }',                       // 17
            '  }',                         // 18
            '  raci {',                    // 19
            '    D: accountable DBA',      // 20
            '  }',                         // 21
            '}',                           // 22
        ].join('\n');
        // The two-line `workloads` list does not fold; a one-line site has nothing to fold.
        expect(await foldingsOf(text)).toEqual(['0-7', '1-6', '10-21', '11-12', '14-17', '15-16', '19-20', '4-5']);
    });

    test('block comments fold whole, runs of three or more line comments fold together', async () => {
        const text = [
            '/* Contoso Retail',       // 0
            '   DR plan */',           // 1
            '// sites:',               // 2
            '// Seattle is primary',   // 3
            '// Tacoma is the warehouse', // 4
            'site S {} // one',        // 5
            '// two',                  // 6
            '// lines',                // 7
        ].join('\n');
        expect(await foldingsOf(text)).toEqual([`0-1 ${FoldingRangeKind.Comment}`, `2-4 ${FoldingRangeKind.Comment}`]);
    });

    test('a declaration folds from its keyword to its last property (langium/test expectFoldings)', async () => {
        await expectFoldings(services.DrPlan)({
            text: '<|site S "Seattle" {\n  kind azure\n  region "westus2"|>\n}\n',
            disposeAfterCheck: true,
        });
    });
});
