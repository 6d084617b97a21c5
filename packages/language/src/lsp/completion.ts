import { type AstNode, type AstNodeDescription, type AstNodeLocator, AstUtils, GrammarAST, isReference, type MaybePromise,
    type Reference, type ReferenceInfo, type Stream } from 'langium';
import { type CompletionAcceptor, type CompletionContext, type CompletionValueItem, DefaultCompletionProvider,
    type LangiumServices, type NextFeature } from 'langium/lsp';
import { isDeclaration, isPhase, isResponseProperty } from '../generated/ast.js';
import { DrPlanNodeKindProvider, kindWord } from './node-kinds.js';

/** Properties that a declaration or block may hold more than once (LANGUAGE.md §2). */
const repeatable = new Set(['InputProperty', 'OutputProperty', 'Group']);
const phaseOrder = ['watch', 'mobilize', 'assess', 'stabilize', 'close'];

/**
 * Completion of keywords in context and of names of the right kind. Langium's default already
 * offers only the names the typed reference allows (a `runs-at` offers sites, a `by` roles, …);
 * drplan also leaves out what can only be a mistake: a declaration naming itself (`depends-on`
 * its own workload), a name already in the same list, a property the block already has (each
 * may appear once), a response phase already written or out of order, and `execute` outside `stabilize`.
 */
export class DrPlanCompletionProvider extends DefaultCompletionProvider {
    // The shared NodeKindProvider is Langium's default until the shared module registers ours.
    protected override readonly nodeKindProvider = new DrPlanNodeKindProvider();
    private readonly locator: AstNodeLocator;

    constructor(services: LangiumServices) {
        super(services);
        this.locator = services.workspace.AstNodeLocator;
    }

    protected override completionForCrossReference(context: CompletionContext,
        next: NextFeature<GrammarAST.CrossReference>, acceptor: CompletionAcceptor): MaybePromise<void> {
        const assignment = AstUtils.getContainerOfType(next.feature, GrammarAST.isAssignment);
        const rule = AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule);
        const node = context.node;
        if (!next.type && assignment && rule && node?.$container && !this.holdsReference(node, assignment.feature)) {
            // The parser read the word being typed as the start of the next property (`workloads A,
            // work|`), so the node at the cursor is that property, not the list being continued:
            // complete on a new node of the rule that holds the reference instead.
            return super.completionForCrossReference({ ...context, node: node.$container },
                { ...next, type: rule.name, property: node.$containerProperty }, acceptor);
        }
        return super.completionForCrossReference(context, next, acceptor);
    }

    private holdsReference(node: AstNode, property: string): boolean {
        try {
            this.astReflection.getReferenceType({ container: node, property, reference: { $refText: '' } as Reference });
            return true;
        } catch {
            return false;
        }
    }

    protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext): Stream<AstNodeDescription> {
        const declaration = AstUtils.getContainerOfType(refInfo.container, isDeclaration);
        const documentUri = context.document.uri.toString();
        const ownPath = declaration && declaration.$container ? this.locator.getAstNodePath(declaration) : undefined;
        const listed = new Set(this.namesInList(refInfo));
        return super.getReferenceCandidates(refInfo, context).filter(candidate =>
            !(ownPath !== undefined && candidate.documentUri.toString() === documentUri && candidate.path === ownPath)
            && !listed.has(candidate.name));
    }

    /** The names already written in the list the reference belongs to (`depends-on A, B, <here>`). */
    private namesInList(refInfo: ReferenceInfo): string[] {
        const value = (refInfo.container as unknown as Record<string, unknown>)[refInfo.property];
        if (!Array.isArray(value)) {
            return [];
        }
        return value.filter(isReference).map(reference => reference.$refText).filter(name => name.length > 0);
    }

    protected override createReferenceCompletionItem(nodeDescription: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
        const item = super.createReferenceCompletionItem(nodeDescription, refInfo, context);
        const title = (nodeDescription.node as { title?: unknown } | undefined)?.title;
        return { ...item, detail: typeof title === 'string' ? `${kindWord(nodeDescription)} · ${title}` : kindWord(nodeDescription) };
    }

    protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): MaybePromise<void> {
        if (this.alreadyPresent(context, keyword) || this.outOfPlace(context, keyword)) {
            return;
        }
        return super.completionForKeyword(context, keyword, acceptor);
    }

    /** A keyword that starts a property (or phase) the enclosing block already has elsewhere. */
    private alreadyPresent(context: CompletionContext, keyword: GrammarAST.Keyword): boolean {
        const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule);
        if (!rule || !context.node) {
            return false;
        }
        const elsewhere = (node: AstNode) => {
            const cst = node.$cstNode;
            return !cst || context.offset < cst.offset || context.offset > cst.end;
        };
        if (rule.name === 'PhaseName') {
            // Phases appear at most once and in their order: offer only those that fit at the cursor.
            const response = AstUtils.getContainerOfType(context.node, isResponseProperty);
            const rank = phaseOrder.indexOf(keyword.value);
            return response?.phases.some(phase => elsewhere(phase) && (phase.$cstNode!.offset < context.offset
                ? phaseOrder.indexOf(phase.phase) >= rank
                : phaseOrder.indexOf(phase.phase) <= rank)) ?? false;
        }
        if (repeatable.has(rule.name) || AstUtils.streamAst(rule.definition).find(GrammarAST.isKeyword) !== keyword) {
            return false;
        }
        const block = AstUtils.getContainerOfType(context.node, hasProperties);
        const properties = block?.properties ?? [];
        return properties.some(property => property.$type === rule.name && elsewhere(property));
    }

    /** `execute` belongs in the `stabilize` phase only. */
    private outOfPlace(context: CompletionContext, keyword: GrammarAST.Keyword): boolean {
        if (keyword.value !== 'execute' || !context.node) {
            return false;
        }
        const phase = AstUtils.getContainerOfType(context.node, isPhase);
        return phase !== undefined && phase.phase !== 'stabilize';
    }
}

function hasProperties(node: AstNode): node is AstNode & { properties: AstNode[] } {
    return Array.isArray((node as { properties?: unknown }).properties);
}
