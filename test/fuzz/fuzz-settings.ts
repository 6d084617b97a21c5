import type { Parameters } from 'fast-check';

/**
 * How much the fuzz suite runs. CI uses the fixed seed and each property's default number of runs, so a
 * failure reproduces exactly. Locally, run more or other cases:
 *   FUZZ_RUNS=50000 npx vitest run test/fuzz          every property runs 50,000 cases
 *   FUZZ_SEED=random npx vitest run test/fuzz         a new seed each run (printed, and in any failure)
 *   FUZZ_SEED=1234 FUZZ_PATH=... npx vitest run ...   replay a failure fast-check reported
 */
const seedSetting = process.env.FUZZ_SEED;
export const FUZZ_SEED = seedSetting === 'random' ? Date.now() % 2 ** 31 : Number(seedSetting ?? 20261121);
const runsSetting = process.env.FUZZ_RUNS === undefined ? undefined : Number(process.env.FUZZ_RUNS);
if (runsSetting !== undefined && !(Number.isInteger(runsSetting) && runsSetting > 0)) {
    throw new Error(`FUZZ_RUNS must be a positive whole number, not ${process.env.FUZZ_RUNS}`);
}
if (!Number.isInteger(FUZZ_SEED)) {
    throw new Error(`FUZZ_SEED must be a whole number or "random", not ${seedSetting}`);
}
if (seedSetting === 'random') {
    process.stdout.write(`fuzz seed: ${FUZZ_SEED}\n`);
}

/** A single case slower than this is reported as a hang (a generous bound: cases are small). */
export const HANG_MS = Number(process.env.FUZZ_HANG_MS ?? 10_000);

/** fast-check parameters for a property whose CI budget is `ciRuns` cases. */
export function fuzzParameters<T>(ciRuns: number): Parameters<T> {
    return {
        seed: FUZZ_SEED,
        numRuns: runsSetting ?? ciRuns,
        path: process.env.FUZZ_PATH,
        // Shrinking a big hostile input can take long; the first counterexample is printed either way.
        endOnFailure: process.env.FUZZ_SHRINK !== '1',
    };
}

/** The vitest timeout of a property test: its CI budget, or no practical limit when FUZZ_RUNS asks for more. */
export function fuzzTimeout(ciMs: number): number {
    return runsSetting === undefined ? ciMs : 24 * 3600_000;
}
