import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { featureTimes, LanguageWorkbench } from './exercise-language.js';
import { fuzzParameters, fuzzTimeout } from './fuzz-settings.js';
import { mutatedExampleFileArbitrary, mutatedExampleWorkspaceArbitrary } from './mutations.js';
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
