import { createRequire } from 'node:module';

// Read at run time from the package itself (src/ and out/ are both one folder below it), so it cannot drift.
export const cliVersion: string = (createRequire(import.meta.url)('../package.json') as { version: string }).version;
