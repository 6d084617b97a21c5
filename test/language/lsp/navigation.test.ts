import { EmptyFileSystem, type LangiumDocument, URI } from 'langium';
import { clearDocuments, expectFindReferences, expectGoToDefinition } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import type { Location, TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createDrPlanServices } from '../../../packages/language/src/drplan-module.js';

const services = createDrPlanServices(EmptyFileSystem);
const lsp = services.DrPlan.lsp;

/** A workspace of several files: names declared in one are used in the others. */
const files: Record<string, string> = {
    'sites.drplan': [
        'site Seattle "Seattle primary datacenter" {',
        '  kind on-premises',
        '}',
        '',
        'site AzureWestUS2 {',
        '  kind azure',
        '}',
        '',
        'person Jane {}',
        '',
        'role DBA {',
        '  filled-by Jane',
        '}',
        '',
    ].join('\n'),
    'workloads.drplan': [
        'workload OrderDb {',
        '  owner DBA',
        '  runs-at Seattle',
        '  failover-to AzureWestUS2',
        '}',
        '',
        'workload OrderApp {',
        '  runs-at Seattle',
        '  failover-to AzureWestUS2',
        '  depends-on OrderDb',
        '}',
        '',
        'recovery-plan OrderTierFailover {',
        '  from Seattle to AzureWestUS2',
        '  group Data {',
        '    workloads OrderDb',
        '    after {',
        '      manual VerifyListener "Verify the AG listener" by DBA takes 15m',
        '    }',
        '  }',
        '}',
        '',
    ].join('\n'),
    'plan.drplan': [
        'process OrderFulfilment {',
        '  workloads OrderApp',
        '  locations Seattle',
        '}',
        '',
        'plan ContosoRetail {',
        '  covers OrderFulfilment',
        '  response {',
        '    mobilize {',
        '      step Declare "Declare a disaster" by DBA takes 30m',
        '    }',
        '    stabilize {',
        '      execute OrderTierFailover',
        '    }',
        '  }',
        '  raci {',
        '    Declare: accountable DBA',
        '    VerifyListener: accountable DBA',
        '  }',
        '}',
        '',
    ].join('\n'),
};

const uriOf = (file: string) => `file:///workspace/${file}`;

async function openWorkspace(contents: Record<string, string> = files): Promise<Map<string, LangiumDocument>> {
    const documents = new Map<string, LangiumDocument>();
    for (const [file, text] of Object.entries(contents)) {
        const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(uriOf(file)));
        services.shared.workspace.LangiumDocuments.addDocument(document);
        documents.set(file, document);
    }
    await services.shared.workspace.DocumentBuilder.build([...documents.values()], { validation: true });
    return documents;
}

/** The position of the `occurrence`-th appearance of `word` in a file (0 = the first), one character in. */
function positionOf(document: LangiumDocument, word: string, occurrence = 0) {
    const text = document.textDocument.getText();
    let offset = -1;
    for (let found = 0; found <= occurrence; found++) {
        offset = text.indexOf(word, offset + 1);
        if (offset < 0) {
            throw new Error(`'${word}' occurs fewer than ${occurrence + 1} times`);
        }
    }
    return document.textDocument.positionAt(offset + 1);
}

function describeLocations(documents: Map<string, LangiumDocument>, locations: Location[]): string[] {
    return locations.map(location => {
        const file = location.uri.split('/').pop()!;
        const text = documents.get(file)!.textDocument.getText(location.range);
        return `${file}:${location.range.start.line + 1}:${text}`;
    }).sort();
}

afterEach(async () => {
    await clearDocuments(services.shared);
});

describe('go to definition', () => {
    test('goes from a reference to the declaration in the same file (langium/test)', async () => {
        await expectGoToDefinition(services.DrPlan)({
            text: 'site <|Seattle|> {}\nworkload OrderDb { runs-at Sea<|>ttle }',
            index: 0,
            rangeIndex: 0,
            disposeAfterCheck: true,
        });
    });

    test('goes to a declaration in another file', async () => {
        const documents = await openWorkspace();
        const plan = documents.get('plan.drplan')!;
        const cases: Array<[string, number, string, number]> = [
            // word in plan.drplan, occurrence, file of the declaration, line of the declaration (1-based)
            ['OrderApp', 0, 'workloads.drplan', 7],
            ['Seattle', 0, 'sites.drplan', 1],
            ['OrderTierFailover', 0, 'workloads.drplan', 13],
            ['DBA', 0, 'sites.drplan', 11],
            ['VerifyListener', 0, 'workloads.drplan', 18],
            ['Declare', 2, 'plan.drplan', 10],
        ];
        for (const [word, occurrence, file, line] of cases) {
            const links = await lsp.DefinitionProvider!.getDefinition(plan, { textDocument: { uri: plan.uri.toString() }, position: positionOf(plan, word, occurrence) });
            expect(links, word).toHaveLength(1);
            expect(links![0].targetUri, word).toBe(uriOf(file));
            expect(links![0].targetSelectionRange.start.line + 1, word).toBe(line);
            expect(documents.get(file)!.textDocument.getText(links![0].targetSelectionRange), word).toBe(word);
        }
    });
});

describe('find references', () => {
    test('finds the uses of a name in one file (langium/test)', async () => {
        await expectFindReferences(services.DrPlan)({
            text: 'site <|Seattle|> {}\nworkload A { runs-at <|Seattle|> }\nprocess P { locations <|Sea<|>ttle|> }',
            includeDeclaration: true,
            disposeAfterCheck: true,
        });
    });

    test('finds the uses of a name in every file, from its declaration or from any use', async () => {
        const documents = await openWorkspace();
        const sites = documents.get('sites.drplan')!;
        const plan = documents.get('plan.drplan')!;
        const fromDeclaration = await lsp.ReferencesProvider!.findReferences(sites, {
            textDocument: { uri: sites.uri.toString() }, position: positionOf(sites, 'Seattle'), context: { includeDeclaration: true },
        });
        expect(describeLocations(documents, fromDeclaration)).toEqual([
            'plan.drplan:3:Seattle',
            'sites.drplan:1:Seattle',
            'workloads.drplan:14:Seattle',
            'workloads.drplan:3:Seattle',
            'workloads.drplan:8:Seattle',
        ]);
        const fromUse = await lsp.ReferencesProvider!.findReferences(plan, {
            textDocument: { uri: plan.uri.toString() }, position: positionOf(plan, 'Seattle'), context: { includeDeclaration: false },
        });
        expect(describeLocations(documents, fromUse)).toEqual([
            'plan.drplan:3:Seattle',
            'workloads.drplan:14:Seattle',
            'workloads.drplan:3:Seattle',
            'workloads.drplan:8:Seattle',
        ]);
    });

    test('finds the RACI row of a recovery-plan action declared in another file', async () => {
        const documents = await openWorkspace();
        const workloads = documents.get('workloads.drplan')!;
        const references = await lsp.ReferencesProvider!.findReferences(workloads, {
            textDocument: { uri: workloads.uri.toString() }, position: positionOf(workloads, 'VerifyListener'), context: { includeDeclaration: false },
        });
        expect(describeLocations(documents, references)).toEqual(['plan.drplan:18:VerifyListener']);
    });
});

describe('rename across files', () => {
    /** Applies a rename's edits to every file and returns the new texts. */
    function applyRename(documents: Map<string, LangiumDocument>, changes: Record<string, TextEdit[]>): Record<string, string> {
        const result: Record<string, string> = {};
        for (const [file, document] of documents) {
            result[file] = TextDocument.applyEdits(document.textDocument, changes[uriOf(file)] ?? []);
        }
        return result;
    }

    async function rename(file: string, word: string, newName: string, occurrence = 0) {
        const documents = await openWorkspace();
        const document = documents.get(file)!;
        const edit = await lsp.RenameProvider!.rename(document, { textDocument: { uri: document.uri.toString() }, position: positionOf(document, word, occurrence), newName });
        return { documents, edit };
    }

    test('renames a site, from a use in another file, in every file', async () => {
        const { documents, edit } = await rename('plan.drplan', 'Seattle', 'SeattleDC');
        expect(Object.keys(edit!.changes!).sort()).toEqual([uriOf('plan.drplan'), uriOf('sites.drplan'), uriOf('workloads.drplan')]);
        const renamed = applyRename(documents, edit!.changes!);
        for (const text of Object.values(renamed)) {
            expect(text.replace(/"[^"]*"/g, '""')).not.toMatch(/\bSeattle\b/);
        }
        expect(renamed['sites.drplan']).toContain('site SeattleDC "Seattle primary datacenter" {');
        expect(renamed['workloads.drplan']).toContain('  from SeattleDC to AzureWestUS2');
        expect(renamed['plan.drplan']).toContain('  locations SeattleDC');

        // The renamed workspace links as before: nothing is left unresolved.
        await clearDocuments(services.shared);
        const relinked = await openWorkspace(renamed);
        for (const [file, document] of relinked) {
            const unresolved = (document.diagnostics ?? []).filter(diagnostic => diagnostic.code === 'unresolved-reference'
                || (diagnostic.data as { code?: string } | undefined)?.code === 'linking-error');
            expect(unresolved, file).toEqual([]);
        }
    });

    test('renames a recovery-plan action from its declaration, including its RACI row in another file', async () => {
        const { documents, edit } = await rename('workloads.drplan', 'VerifyListener', 'CheckListener');
        const renamed = applyRename(documents, edit!.changes!);
        expect(renamed['workloads.drplan']).toContain('      manual CheckListener "Verify the AG listener" by DBA takes 15m');
        expect(renamed['plan.drplan']).toContain('    CheckListener: accountable DBA');
    });

    test('renames a step from its RACI row', async () => {
        const { documents, edit } = await rename('plan.drplan', 'Declare', 'DeclareDisaster', 2);
        const renamed = applyRename(documents, edit!.changes!);
        expect(renamed['plan.drplan']).toContain('      step DeclareDisaster "Declare a disaster" by DBA takes 30m');
        expect(renamed['plan.drplan']).toContain('    DeclareDisaster: accountable DBA');
    });

    test('prepares a rename on a name or a reference, not on a keyword', async () => {
        const documents = await openWorkspace();
        const plan = documents.get('plan.drplan')!;
        const params = (word: string) => ({ textDocument: { uri: plan.uri.toString() }, position: positionOf(plan, word) });
        const onReference = await lsp.RenameProvider!.prepareRename(plan, params('OrderApp'));
        expect(onReference && plan.textDocument.getText(onReference)).toBe('OrderApp');
        expect(await lsp.RenameProvider!.prepareRename(plan, params('workloads'))).toBeUndefined();
    });

    test.each([
        ['1stSite', /'1stSite' is not a name/],
        ['Seattle DC', /'Seattle DC' is not a name/],
        ['site', /'site' is a keyword/],
        ['depends-on', /'depends-on' is not a name/],
        ['OrderDb', /'OrderDb' is already declared \(workload in workloads\.drplan\)/],
        ['Declare', /'Declare' is already declared \(step in plan\.drplan\)/],
    ])('refuses a new name that would break the plan: %s', async (newName, message) => {
        await expect(rename('sites.drplan', 'Seattle', newName)).rejects.toThrow(message);
    });

    test('accepts a name that only contains a keyword, and the name it already has', async () => {
        expect((await rename('sites.drplan', 'Seattle', 'runs')).edit?.changes).toBeDefined();
        await clearDocuments(services.shared);
        expect((await rename('sites.drplan', 'Seattle', 'Seattle')).edit?.changes).toBeDefined();
    });
});
