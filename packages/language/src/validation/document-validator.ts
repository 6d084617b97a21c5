import { type AstNode, type AstReflection, Cancellation, DefaultDocumentValidator, type LangiumDocument, type ValidationAcceptor,
    type ValidationCheck, type ValidationOptions } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import type { DrPlanServices } from '../drplan-module.js';
import { isDeclaration } from '../generated/ast.js';
import { visitTree } from '../parser/syntax-tree-walk.js';
import { findingToDiagnostic, type WorkspaceAnalysis } from '../workspace/workspace-analysis.js';

const kindWords: Record<string, string> = {
    Site: 'site', Person: 'person', Role: 'role', Supplier: 'supplier', Customer: 'customer', Workforce: 'workforce',
    Equipment: 'equipment', Data: 'data set', Workload: 'workload', Process: 'process', RecoveryPlan: 'recovery plan',
    Plan: 'plan', Group: 'group', Step: 'step', ManualAction: 'manual action', ScriptAction: 'script action',
    AutomationAction: 'automation action', InputSource: 'process or supplier', OutputTarget: 'customer or process',
    Activity: 'step or recovery-plan action',
};

/**
 * Langium's document validation with drplan's codes: lexer and parser errors become `syntax`,
 * linking errors `unresolved-reference` (naming the kind that was expected), and the analysis
 * findings located in the document are added, so every diagnostic carries a code and an element.
 */
export class DrPlanDocumentValidator extends DefaultDocumentValidator {
    private readonly workspaceAnalysis: WorkspaceAnalysis;
    private readonly reflection: AstReflection;

    constructor(services: DrPlanServices) {
        super(services);
        this.workspaceAnalysis = services.analysis.WorkspaceAnalysis;
        this.reflection = services.shared.AstReflection;
    }

    override async validateDocument(document: LangiumDocument, options: ValidationOptions = {},
        cancelToken?: Cancellation.CancellationToken): Promise<Diagnostic[]> {
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        for (const diagnostic of diagnostics) {
            const code = (diagnostic.data as { code?: string } | undefined)?.code;
            if (code === 'lexing-error' || code === 'parsing-error') {
                diagnostic.code = 'syntax';
                diagnostic.data = { code: 'syntax', element: null };
            }
        }
        for (const finding of this.workspaceAnalysis.findingsFor(document.uri.toString())) {
            diagnostics.push(findingToDiagnostic(finding));
        }
        return diagnostics;
    }

    /**
     * Langium's walk over every node with its checks, over the shared walk of the tree
     * (`visitTree`) and with each type's checks looked up once. drplan does not override
     * `validateSingleNodeOptions`, so every node is validated, as in Langium's walk.
     */
    protected override async validateAstNodes(rootNode: AstNode, options: ValidationOptions, acceptor: ValidationAcceptor,
        cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None): Promise<void> {
        if (this.profiler?.isActive('validating')) {
            return super.validateAstNodes(rootNode, options, acceptor, cancelToken);
        }
        const checksOfType = new Map<string, ValidationCheck[]>();
        const runChecks = async (node: AstNode, checks: readonly ValidationCheck[]) => {
            for (const check of checks) {
                await check(node, acceptor, cancelToken);
            }
        };
        await visitTree(rootNode, cancelToken, node => {
            let checks = checksOfType.get(node.$type);
            if (!checks) {
                checks = this.validationRegistry.getChecks(node.$type, options.categories).toArray();
                checksOfType.set(node.$type, checks);
            }
            return checks.length > 0 ? runChecks(node, checks) : undefined;
        });
    }

    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[]): void {
        for (const reference of document.references) {
            const error = reference.error;
            if (!error) {
                continue;
            }
            const { container, property, index } = error.info;
            const expected = kindWords[this.reflection.getReferenceType(error.info)] ?? 'element of the right kind';
            const declaration = topLevelDeclaration(container);
            diagnostics.push(this.toDiagnostic('error', `${error.info.reference.$refText} names no ${expected}`, {
                node: container, range: reference.$refNode?.range, property, index,
                code: 'unresolved-reference', data: { code: 'unresolved-reference', element: declaration?.name ?? null },
            }));
        }
    }
}

function topLevelDeclaration(node: AstNode): { name?: string } | undefined {
    let current: AstNode | undefined = node;
    while (current && !isDeclaration(current)) {
        current = current.$container;
    }
    return current;
}
