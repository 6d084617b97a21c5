#!/usr/bin/env node
// The installed `drplan-language-server` command; editors start it with --stdio (docs/editors.md).
import '../out/main.js';
