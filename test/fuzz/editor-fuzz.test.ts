import fc from 'fast-check';
import { AstUtils } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { afterAll, describe, expect, it } from 'vitest';
import { featureTimes, LanguageWorkbench } from './exercise-language.js';
import { fuzzParameters, fuzzTimeout } from './fuzz-settings.js';
import { mutatedExampleFileArbitrary, mutatedExampleWorkspaceArbitrary, tokenize } from './mutations.js';
import { workspaceArbitrary } from './plan-generator.js';

// Every service, editor features included, on valid generated workspaces and on broken examples
// (fuzz-settings.ts: fixed seed in CI, FUZZ_RUNS=50000 to run more locally).

const workbench = new LanguageWorkbench();
/** Offsets where hover, completion, definition, references, highlight, range formatting and rename are asked. */
const positions = fc.array(fc.nat(), { minLength: 1, maxLength: 3 });

afterAll(() => {
    if (process.env.FUZZ_PROFILE) {
        console.log([...featureTimes].map(([feature, value]) =>
            `${feature}: ${Math.round(value)}${feature.endsWith('(count)') ? '' : ' ms'}`).join('\n'));
    }
});

describe('generated valid workspaces', () => {
    it('raise no syntax, linking, duplicate or value error; every service answers; formatting is stable', async () => {
        await fc.assert(fc.asyncProperty(workspaceArbitrary, positions, fc.nat(49), async (workspace, offsets, layoutDraw) => {
            // elkjs is the dearest step: one case in 50 lays the map out and renders its SVG.
            const result = await workbench.exercise(workspace.files, { positions: offsets, valid: true, layout: layoutDraw === 0 });
            expect(result.problems, describeFiles(workspace.files)).toEqual([]);
        }), fuzzParameters(120));
    }, fuzzTimeout(40_000));
});

describe('rename', () => {
    it('of any declared element in a valid workspace changes nothing but that name, in every file', async () => {
        await fc.assert(fc.asyncProperty(workspaceArbitrary, fc.nat(), async (workspace, pick) => {
            const tokens = new Set(Object.values(workspace.files).flatMap(tokenize));
            const declared = Object.values(workspace.names).flat().filter(name => tokens.has(name));
            const oldName = declared[pick % declared.length];
            const newName = 'Renamed_by_fuzz';
            const renamed = await workbench.withDocuments(workspace.files, async (documents) => {
                const { services } = workbench;
                for (const [file, document] of documents) {
                    const node = AstUtils.streamAst(document.parseResult.value).find(each =>
                        services.DrPlan.references.NameProvider.getName(each) === oldName);
                    const nameNode = node && services.DrPlan.references.NameProvider.getNameNode(node);
                    if (!nameNode) {
                        continue;
                    }
                    const edit = await services.DrPlan.lsp.RenameProvider!.rename(document,
                        { textDocument: { uri: document.uri.toString() }, position: nameNode.range.start, newName });
                    const texts = { ...workspace.files };
                    for (const [name, each] of documents) {
                        const edits = edit?.changes?.[each.uri.toString()] ?? [];
                        texts[name] = TextDocument.applyEdits(TextDocument.create(each.uri.toString(), 'drplan', 0, each.textDocument.getText()), edits);
                    }
                    return { texts, declaredIn: file };
                }
                return undefined;
            });
            // A name that appears only in text (a step of a plan whose response was not written) is not declared.
            if (!renamed) {
                return;
            }
            featureTimes.set('renames compared (count)', (featureTimes.get('renames compared (count)') ?? 0) + 1);
            const before = await workbench.exercise(workspace.files, { editor: false });
            const after = await workbench.exercise(renamed.texts, { editor: false });
            expect(after.problems).toEqual([]);
            const conclusions = (diagnostics: typeof before.diagnostics, rename = (name: string) => name) => Object.values(diagnostics).flat()
                .map(diagnostic => `${String(diagnostic.code)} ${rename((diagnostic.data as { element?: string } | undefined)?.element ?? '')}`).sort();
            expect(conclusions(after.diagnostics), `rename ${oldName} (declared in ${renamed.declaredIn})\n${describeFiles(workspace.files)}`)
                .toEqual(conclusions(before.diagnostics, name => name === oldName ? newName : name).sort());
            // No name token is left behind (strings and comments may hold the word).
            expect(Object.values(renamed.texts).flatMap(tokenize).filter(token => token === oldName)).toEqual([]);
        }), fuzzParameters(60));
    }, fuzzTimeout(40_000));
});

describe('mutated examples', () => {
    it('one file alone: every editor feature answers at any position', async () => {
        await fc.assert(fc.asyncProperty(mutatedExampleFileArbitrary, positions, async (mutated, offsets) => {
            const result = await workbench.exercise({ [mutated.file]: mutated.text }, { positions: offsets });
            expect(result.problems, `${mutated.file} after ${mutated.applied.join(', ')}`).toEqual([]);
        }), fuzzParameters(100));
    }, fuzzTimeout(40_000));

    it('one file of a whole example workspace: every service answers across files', async () => {
        await fc.assert(fc.asyncProperty(mutatedExampleWorkspaceArbitrary, positions, async (mutated, offsets) => {
            const result = await workbench.exercise(mutated.files, { positions: offsets });
            expect(result.problems, `${mutated.file} after ${mutated.applied.join(', ')}`).toEqual([]);
        }), fuzzParameters(15));
    }, fuzzTimeout(40_000));
});

function describeFiles(files: Record<string, string>): string {
    return Object.entries(files).map(([name, text]) => `--- ${name}\n${text}`).join('\n');
}
