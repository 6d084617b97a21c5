import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { AstUtils, DefaultReferenceDescriptionProvider, EmptyFileSystem, URI } from 'langium';
import { afterAll, describe, expect, it } from 'vitest';
import { createDrPlanServices } from '../../../packages/language/src/drplan-module.js';
import { forEachReference, syntaxNodes, treeNodes } from '../../../packages/language/src/parser/syntax-tree-walk.js';

const examples = path.resolve(__dirname, '../../../examples');
const files = readdirSync(examples, { recursive: true, encoding: 'utf8' })
    .filter(file => file.endsWith('.drplan')).map(file => path.join(examples, file)).sort();

describe('the plain walk of a syntax tree visits what Langium\'s streams visit, in the same order', () => {
    const services = createDrPlanServices(EmptyFileSystem);
    const parse = (file: string) => services.shared.workspace.LangiumDocumentFactory
        .fromString(readFileSync(file, 'utf8'), URI.file(file)).parseResult.value;

    let referencesSeen = 0;
    afterAll(() => expect(referencesSeen).toBeGreaterThan(100));

    it.each(files.map(file => [path.relative(examples, file), file]))('%s', (_name, file) => {
        const root = parse(file);
        const nodes = syntaxNodes(root);
        expect(nodes.length).toBeGreaterThan(5);
        expect(nodes).toEqual(AstUtils.streamAst(root).toArray());

        const references = nodes.flatMap(node => {
            const found: unknown[] = [];
            forEachReference(node, reference => found.push(reference));
            return found;
        });
        referencesSeen += references.length;
        expect(references).toEqual(nodes.flatMap(node => AstUtils.streamReferences(node).toArray()));
    });

    it('a document\'s walk is shared until its text changes', () => {
        const factory = services.shared.workspace.LangiumDocumentFactory;
        const document = factory.fromString('workload A { depends-on B }\nworkload B { }', URI.parse('file:///shared.drplan'));
        const first = treeNodes(document.parseResult.value);
        expect(first).toEqual(syntaxNodes(document.parseResult.value));
        expect(treeNodes(document.parseResult.value)).toBe(first);

        // A new text is parsed into a new tree, walked afresh.
        const changed = factory.fromString('workload A { }', URI.parse('file:///shared.drplan'));
        expect(treeNodes(changed.parseResult.value)).not.toBe(first);
        expect(treeNodes(changed.parseResult.value).map(node => node.$type)).toEqual(['Document', 'Workload']);
    });

    it('a tree with a syntax error: the nodes the parser recovered', () => {
        const root = services.shared.workspace.LangiumDocumentFactory.fromString(
            'workload A { depends-on B, }\nworkload B { recovery-time 1h', URI.parse('file:///broken.drplan')).parseResult.value;
        expect(syntaxNodes(root)).toEqual(AstUtils.streamAst(root).toArray());
    });
});

it('the reference index of the examples (find references, rename) is Langium\'s own', async () => {
    const services = createDrPlanServices(EmptyFileSystem);
    const documents = files.map(file => {
        const document = services.shared.workspace.LangiumDocumentFactory.fromString(readFileSync(file, 'utf8'), URI.file(file));
        services.shared.workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    await services.shared.workspace.DocumentBuilder.build(documents);
    const langiums = new DefaultReferenceDescriptionProvider(services.DrPlan);
    let count = 0;
    for (const document of documents) {
        const ours = await services.DrPlan.workspace.ReferenceDescriptionProvider.createDescriptions(document);
        expect(ours).toEqual(await langiums.createDescriptions(document));
        count += ours.length;
    }
    expect(count).toBeGreaterThan(100);
});
