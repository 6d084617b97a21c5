import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { AstUtils, DefaultScopeProvider, EmptyFileSystem, type LangiumDocument, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { createDrPlanServices } from '../../../packages/language/src/drplan-module.js';

const examples = path.resolve(__dirname, '../../../examples');

/** Builds the files and resolves every reference with drplan's scope provider and with Langium's own. */
async function bothResolutions(files: Record<string, string>) {
    const services = createDrPlanServices(EmptyFileSystem);
    const documents: LangiumDocument[] = Object.entries(files).map(([name, text]) => {
        const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(`/ws/${name}`));
        services.shared.workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    await services.shared.workspace.DocumentBuilder.build(documents);
    const langiums = new DefaultScopeProvider(services.DrPlan);
    const ours = services.DrPlan.references.ScopeProvider;
    const rows: Array<{ text: string; ours: unknown; langiums: unknown; all: [number, number] }> = [];
    for (const document of documents) {
        for (const node of AstUtils.streamAst(document.parseResult.value)) {
            for (const info of AstUtils.streamReferences(node)) {
                const text = info.reference.$refText;
                const where = (found: { path: string; documentUri: URI } | undefined) => found && `${found.documentUri.path}#${found.path}`;
                rows.push({
                    text,
                    ours: [where(ours.getScope(info).getElement(text)), ours.getScope(info).getElements(text).map(where).toArray()],
                    langiums: [where(langiums.getScope(info).getElement(text)), langiums.getScope(info).getElements(text).map(where).toArray()],
                    all: [ours.getScope(info).getAllElements().count(), langiums.getScope(info).getAllElements().count()],
                });
            }
        }
    }
    return rows;
}

describe('the global scope finds what Langium\'s finds', () => {
    it.each(readdirSync(examples))('in the example %s', async (example) => {
        const folder = path.join(examples, example);
        const files = Object.fromEntries(readdirSync(folder).filter(name => name.endsWith('.drplan'))
            .map(name => [name, readFileSync(path.join(folder, name), 'utf8')]));
        const rows = await bothResolutions(files);
        expect(rows.length).toBeGreaterThan(50);
        for (const row of rows) {
            expect(row.ours, row.text).toEqual(row.langiums);
            expect(row.all[0], row.text).toBe(row.all[1]);
        }
    });

    it('with a name declared by several kinds and files: the first of the kind the reference expects', async () => {
        const rows = await bothResolutions({
            'a.drplan': 'customer Shop "Shop" { }\nsite Shop "Shop site" { kind other }\n',
            'b.drplan': 'supplier Shop "Shop" { }\nprocess Sell "Sell" { input "stock" from Shop output "receipts" to Shop }\n',
            'c.drplan': 'process Shop "Shop" { input "orders" from Shop }\nworkload W { runs-at Shop failover-to Nowhere }\n',
        });
        expect(rows.map(row => row.text)).toEqual(['Shop', 'Shop', 'Shop', 'Shop', 'Nowhere']);
        for (const row of rows) {
            expect(row.ours, row.text).toEqual(row.langiums);
        }
        // `input … from Shop` finds the supplier (b.drplan) before the process (c.drplan); `to Shop` the customer.
        expect(rows.map(row => (row.ours as [string | undefined])[0])).toEqual([
            '/ws/b.drplan#/declarations@0', '/ws/a.drplan#/declarations@0', '/ws/b.drplan#/declarations@0',
            '/ws/a.drplan#/declarations@1', undefined,
        ]);
    });
});
