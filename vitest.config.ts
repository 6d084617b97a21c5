import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
    resolve: {
        // Tests run against the sources, never a stale build of the language package.
        alias: {
            '@drplan/language': fileURLToPath(new URL('./packages/language/src/index.ts', import.meta.url)),
        },
    },
    test: {
        include: ['test/**/*.test.ts'],
        globalSetup: ['test/global-setup.ts'],
        testTimeout: 30_000,
        hookTimeout: 120_000,
        pool: 'threads',
    },
});
