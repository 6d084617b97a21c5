#!/usr/bin/env node
// The installed `drplan` command: everything lives in ../out/main.js so that tests can run it in-process.
import { run } from '../out/main.js';

// `drplan check | head` closes the pipe early; that is not an error worth a stack trace.
process.stdout.on('error', (error) => {
    if (error.code === 'EPIPE') {
        process.exit(process.exitCode ?? 0);
    }
    throw error;
});

// exitCode rather than exit(): let stdout drain before the process ends.
process.exitCode = await run(process.argv.slice(2));
