import { EmptyFileSystem, URI } from 'langium';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDrPlanServices } from '../../packages/language/src/drplan-module.js';
import { buildWorkspace, type FileDiagnostic } from '../language/analysis/workspace.js';

// Inputs the fuzz suite found, kept as regression tests. A test marked `it.fails` shows a bug not
// fixed yet (its `// bug:` comment says what happens); when the fix lands it starts failing, and
// then `it.fails` becomes `it`.

const services = createDrPlanServices(EmptyFileSystem);
let documentNumber = 0;

async function open(text: string) {
    const { LangiumDocumentFactory, LangiumDocuments, DocumentBuilder } = services.shared.workspace;
    const document = LangiumDocumentFactory.fromString(text, URI.parse(`file:///found/${documentNumber++}.drplan`));
    LangiumDocuments.addDocument(document);
    await DocumentBuilder.build([document], { validation: true });
    return document;
}

afterEach(async () => {
    const uris = services.shared.workspace.LangiumDocuments.all.map(document => document.uri).toArray();
    await services.shared.workspace.DocumentBuilder.update([], uris);
    vi.restoreAllMocks();
});

describe('completion while the next property keyword is being typed', () => {
    // Typing `workforce` on the line after `workloads A,`: the parser reads `w…` as the next property,
    // and Langium's completion asks the scope of `workloads` on that WorkforceListProperty.
    const cases = [
        ['after a list and a comma', 'workload A {}\nworkload Worker {}\nprocess P { workloads A,\n  work|force X }', 'Worker'],
        ['after an empty list', 'site Workshop {}\nprocess P { locations work|force X }', 'Workshop'],
        ['after `suppliers`', 'supplier Customs {}\nprocess P { suppliers cus|tomers X }', 'Customs'],
        ['after `depends-on`', 'workload RunsheetApp {}\nworkload W { depends-on runs|-at S }', 'RunsheetApp'],
    ] as const;

    for (const [what, source, candidate] of cases) {
        it(`${what}: offers the names that fit and logs no error`, async () => {
            const offset = source.indexOf('|');
            const document = await open(source.replace('|', ''));
            const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
            const completion = await services.DrPlan.lsp.CompletionProvider!.getCompletion(document,
                { textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset) });
            expect(logged).not.toHaveBeenCalled();
            expect(completion?.items.map(item => item.label)).toContain(candidate);
        });
    }
});

describe('the lexer on a long run of digits glued to a letter', () => {
    // A pasted serial number or hex dump: `recovery-time 1111…1x`. On the 2-core CI machine 5,000 digits
    // take 0.3 to 0.6 s, 15,000 about 1 to 2 s, 25,000 about 2 to 5 s: 100,000 would freeze the editor for a minute.
    it('reports one syntax error at once', async () => {
        const started = performance.now();
        const document = await open(`workload W { recovery-time ${'1'.repeat(15_000)}x estimated }`);
        const elapsed = performance.now() - started;
        console.log(`15,000 digits and a letter: lexed, parsed and validated in ${Math.round(elapsed)} ms`);
        expect(document.diagnostics?.some(diagnostic => diagnostic.code === 'syntax')).toBe(true);
        // A hang bound, not a benchmark: linear lexing of 15,000 characters takes a few milliseconds.
        expect(elapsed).toBeLessThan(150);
    }, 60_000);
});

describe('a name declared in two files, after an edit of the first', () => {
    // Langium's index moved a changed file to its end, so a reference to a duplicated name resolved to
    // the other declaration after the edit than in a fresh build: a `spof` appeared that a fresh build
    // of the same texts does not report (found by the editing fuzz test, seeds 20261121 and 3).
    const files = {
        'a.drplan': 'site Plant {}\nequipment Press "Press" { at Plant spares 2 }\n',
        'b.drplan': 'equipment Press "Second press" { at Plant }\n',
        'c.drplan': 'process Stamping { criticality critical equipment Press }\n',
    };

    it('resolves it to the declaration a fresh build resolves it to', async () => {
        const workspace = await buildWorkspace(files, { connection: true });
        const edited = `// edited\n${files['a.drplan']}`;
        await workspace.change('a.drplan', edited);
        const fresh = await buildWorkspace({ ...files, 'a.drplan': edited });
        const codes = (diagnostics: FileDiagnostic[]) => diagnostics.map(d => `${d.file} ${d.code} ${d.message}`).sort();
        expect(codes(workspace.all())).toEqual(codes(fresh.all()));
        // The first declaration (in URI order) has spares: losing the press is no single point of failure.
        expect(codes(fresh.all()).filter(line => line.includes('losing equipment Press'))).toEqual([]);
    });
});
