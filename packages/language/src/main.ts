import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createDrPlanServices } from './drplan-module.js';
import { registerMapRequest } from './lsp/map-request.js';

// The language server: started by the VS Code extension over IPC, or by other editors with --stdio.
const usage = 'usage: drplan-language-server --stdio | --node-ipc | --socket=<port> | --pipe=<name>';
const args = process.argv.slice(2);
// vscode-languageserver reads the transport from these arguments; without one it throws a stack trace.
const hasTransport = args.some(arg => arg === '--stdio' || arg === '--node-ipc' || arg.startsWith('--socket=') || arg.startsWith('--pipe='));

if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${usage}\nThe .drplan language server (Language Server Protocol); see docs/editors.md.\n`);
} else if (!hasTransport) {
    process.stderr.write(`drplan-language-server: no transport given; ${usage}\n`);
    process.exitCode = 2;
} else {
    const connection = createConnection(ProposedFeatures.all);
    const { shared, DrPlan } = createDrPlanServices({ connection, ...NodeFileSystem });
    registerMapRequest(shared, DrPlan);
    startLanguageServer(shared);
}
