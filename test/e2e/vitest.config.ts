import { defineConfig } from 'vitest/config';

// The end-to-end tests run apart from `npm test`: they need code-server, Chromium and a packaged .vsix.
export default defineConfig({
    test: {
        include: ['test/e2e/**/*.e2e.ts'],
        testTimeout: 120_000,
        hookTimeout: 300_000,
        fileParallelism: false,
    },
});
