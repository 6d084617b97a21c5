import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { featureTimes, LanguageWorkbench } from './exercise-language.js';
import { fuzzParameters, fuzzTimeout } from './fuzz-settings.js';
import { mutatedExampleFileArbitrary, mutatedTextArbitrary } from './mutations.js';
import { workspaceArbitrary } from './plan-generator.js';

// The cheap tiers, run most: the parser alone, then parser + linker + validator + analysis + map
// (fuzz-settings.ts: fixed seed in CI, FUZZ_RUNS=50000 to run more locally).

const workbench = new LanguageWorkbench();

/** A generated valid workspace flattened into one file, then mutated: the grammar's every corner, broken. */
const mutatedGeneratedArbitrary = workspaceArbitrary
    .map(workspace => Object.values(workspace.files).join('\n'))
    .chain(text => mutatedTextArbitrary(text).map(mutated => ({ file: 'generated.drplan', ...mutated })));

afterAll(() => {
    if (process.env.FUZZ_PROFILE) {
        console.log([...featureTimes].map(([feature, value]) =>
            `${feature}: ${Math.round(value)}${feature.endsWith('(count)') ? '' : ' ms'}`).join('\n'));
    }
});

describe('the parser', () => {
    it('recovers from any mutation of the examples or of generated plans, never throws', async () => {
        await fc.assert(fc.property(fc.oneof(mutatedExampleFileArbitrary, mutatedGeneratedArbitrary), (mutated) => {
            const result = workbench.parseOnly(mutated.text);
            expect(result.problems, `${mutated.file} after ${mutated.applied.join(', ')}`).toEqual([]);
        }), fuzzParameters(800));
    }, fuzzTimeout(40_000));
});

describe('parser, linker, validator, analysis and dependency map', () => {
    it('answer mutated example files with diagnostics, never an exception or a logged error', async () => {
        await fc.assert(fc.asyncProperty(mutatedExampleFileArbitrary, async (mutated) => {
            const result = await workbench.exercise({ [mutated.file]: mutated.text }, { editor: false });
            expect(result.problems, `${mutated.file} after ${mutated.applied.join(', ')}`).toEqual([]);
        }), fuzzParameters(250));
    }, fuzzTimeout(40_000));

    it('conclude the same whatever the order of files and declarations', async () => {
        await fc.assert(fc.asyncProperty(workspaceArbitrary, async (workspace) => {
            // The same declarations, the files in reverse order in one file: every conclusion is about the
            // same elements (messages may list names in another order; positions differ).
            const reordered = { 'all.drplan': Object.values(workspace.files).reverse().join('\n') };
            const [split, joined] = [await workbench.exercise(workspace.files, { editor: false }), await workbench.exercise(reordered, { editor: false })];
            expect([...split.problems, ...joined.problems]).toEqual([]);
            const cycles = (diagnostics: typeof split.diagnostics) => conclusions(diagnostics).filter(entry => entry.startsWith('dependency-cycle'));
            if (cycles(split.diagnostics).length > 0) {
                // Which reference closes a cycle (the diagnostics' element, and the edge timing ignores) follows
                // declaration order by definition (LANGUAGE.md §3): only the number of references reported is fixed.
                expect(cycles(joined.diagnostics).length, describeFiles(workspace.files)).toBe(cycles(split.diagnostics).length);
                return;
            }
            expect(conclusions(joined.diagnostics), describeFiles(workspace.files)).toEqual(conclusions(split.diagnostics));
        }), fuzzParameters(100));
    }, fuzzTimeout(40_000));

    it('answer mutated generated plans (every declaration kind) the same way', async () => {
        await fc.assert(fc.asyncProperty(mutatedGeneratedArbitrary, async (mutated) => {
            const result = await workbench.exercise({ [mutated.file]: mutated.text }, { editor: false });
            expect(result.problems, `after ${mutated.applied.join(', ')}:\n${mutated.text}`).toEqual([]);
        }), fuzzParameters(150));
    }, fuzzTimeout(40_000));
});

/** Each diagnostic as code, severity and element, sorted: what it concludes, wherever it sits. */
function conclusions(diagnostics: Record<string, Array<{ code?: unknown; severity?: number; data?: unknown }>>): string[] {
    return Object.values(diagnostics).flat()
        .map(diagnostic => `${String(diagnostic.code)} ${diagnostic.severity} ${(diagnostic.data as { element?: string } | undefined)?.element}`)
        .sort();
}

function describeFiles(files: Record<string, string>): string {
    return Object.entries(files).map(([name, text]) => `--- ${name}\n${text}`).join('\n');
}
