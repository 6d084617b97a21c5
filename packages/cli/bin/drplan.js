#!/usr/bin/env node
// The installed `drplan` command: one bundle of src/cli.ts (`npm run bundle`; the root build makes it).
import '../dist/drplan.mjs';
