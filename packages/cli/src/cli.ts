import { run } from './main.js';

// The `drplan` process: bin/drplan.js loads this, bundled (dist/drplan.mjs) so that start-up does not
// load hundreds of module files; tests run `run()` in-process from main.ts instead.

// `drplan check | head` closes the pipe early; that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') {
        process.exit(process.exitCode ?? 0);
    }
    throw error;
});

// exitCode rather than exit(): let stdout drain before the process ends.
process.exitCode = await run(process.argv.slice(2));
