import { describe, expect, it } from 'vitest';
import { LanguageWorkbench } from '../fuzz/exercise-language.js';

// Inputs deeper and longer than any plan: the parser recovers and every service answers with
// diagnostics, never a stack overflow. Timings are printed, never asserted.

describe('deeply nested and long inputs', () => {
    // Every service on each, as the fuzz suite runs them.
    const inputs: Array<[string, string]> = [
        ['100,000 opening braces', '{'.repeat(100_000)],
        ['50,000 nested braces, closed', `${'{'.repeat(50_000)}${'}'.repeat(50_000)}`],
        ['2,000 nested phases', `role R { }\nplan P { response { ${'stabilize { step S by R takes 1m '.repeat(2_000)}${'} '.repeat(2_000)}} }`],
        ['100,000 closing braces', '}'.repeat(100_000)],
        ['50,000 unterminated comments', '/*'.repeat(50_000)],
        ['a list of 50,000 references', `workload W { depends-on ${Array.from({ length: 50_000 }, (_, index) => `X${index}`).join(', ')} }`],
    ];

    for (const [what, text] of inputs) {
        it(`${what}: diagnostics from every service, no exception`, async () => {
            const workbench = new LanguageWorkbench();
            const started = performance.now();
            const result = await workbench.exercise({ 'deep.drplan': text }, { positions: [text.length >> 1] });
            console.log(`${what}: every service in ${Math.round(performance.now() - started)} ms`);
            expect(result.problems).toEqual([]);
            expect(result.diagnostics['deep.drplan'].length).toBeGreaterThan(0);
        }, 60_000);
    }
});
