import { AstUtils, CstUtils, type GrammarConfig, GrammarAST, type IndexManager, type LangiumDocument, type LeafCstNode } from 'langium';
import { kindWord } from './node-kinds.js';
import { DefaultRenameProvider, type LangiumServices } from 'langium/lsp';
import { LSPErrorCodes, type RenameParams, ResponseError, type WorkspaceEdit } from 'vscode-languageserver';

/**
 * Renames a name in every file of the workspace (Langium's default), but refuses a new name that
 * would break the plan: one that is not a name (`1st`, `order db`), a keyword (`site`, `kind`), or
 * one already declared, since names are global and may be declared only once.
 */
export class DrPlanRenameProvider extends DefaultRenameProvider {
    private readonly keywords: Set<string>;
    private readonly indexManager: IndexManager;
    private readonly config: GrammarConfig;

    constructor(services: LangiumServices) {
        super(services);
        this.keywords = new Set(AstUtils.streamAllContents(services.Grammar).filter(GrammarAST.isKeyword).map(keyword => keyword.value));
        this.indexManager = services.shared.workspace.IndexManager;
        this.config = services.parser.GrammarConfig;
    }

    override async rename(document: LangiumDocument, params: RenameParams): Promise<WorkspaceEdit | undefined> {
        const current = this.nameAt(document, params);
        const problem = this.problemWith(params.newName, current);
        if (problem) {
            throw new ResponseError(LSPErrorCodes.RequestFailed, problem);
        }
        return super.rename(document, params);
    }

    private nameAt(document: LangiumDocument, params: RenameParams): string | undefined {
        const root = document.parseResult.value.$cstNode;
        const offset = document.textDocument.offsetAt(params.position);
        const leaf: LeafCstNode | undefined = root && CstUtils.findDeclarationNodeAtOffset(root, offset, this.config.nameRegexp);
        return leaf?.text;
    }

    private problemWith(newName: string, current: string | undefined): string | undefined {
        // The ID terminal of the grammar.
        if (!/^[_a-zA-Z]\w*$/.test(newName)) {
            return `'${newName}' is not a name: use letters, digits and _, not starting with a digit.`;
        }
        if (this.keywords.has(newName)) {
            return `'${newName}' is a keyword of the language and cannot be a name.`;
        }
        if (newName !== current) {
            const existing = this.indexManager.allElements().find(element => element.name === newName);
            if (existing) {
                return `'${newName}' is already declared (${kindWord(existing)} in ${existing.documentUri.path.split('/').pop()}); names are global and declared once.`;
            }
        }
        return undefined;
    }
}
