import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createDrPlanServices } from './drplan-module.js';

// The language server: started by the VS Code extension over IPC, or by other editors with --stdio.
const connection = createConnection(ProposedFeatures.all);
const { shared } = createDrPlanServices({ connection, ...NodeFileSystem });
startLanguageServer(shared);
