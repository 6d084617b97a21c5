import { type AstNode, type Cancellation, interruptAndCheck, isAstNode, isMultiReference, isReference, type ReferenceInfo }
    from 'langium';

/**
 * How many nodes a walk over a whole tree handles between two checks for cancellation (Langium's
 * walks check at every node, an awaited promise each).
 */
const NODES_PER_CANCELLATION_CHECK = 256;

/**
 * The nodes of a syntax tree in document order, each before its children: the order of Langium's
 * `AstUtils.streamAst`, collected with a plain loop. The stream allocates an iterator, a state and a
 * result per node, and every build walks the tree four times (exported names, linking, the
 * reference index, validation): a fifth of a cold `drplan check` at 8,000 workloads (docs/performance.md).
 */
export function syntaxNodes(root: AstNode): AstNode[] {
    const nodes: AstNode[] = [];
    // An explicit stack, not recursion: a hostile file may nest deeper than the call stack allows.
    const pending: AstNode[] = [root];
    const children: AstNode[] = [];
    while (pending.length > 0) {
        const node = pending.pop()!;
        nodes.push(node);
        for (const property in node) {
            // `$container`, `$cstNode`, `$document`, …: the tree's bookkeeping, not its content.
            if (property.charCodeAt(0) === 36 /* $ */) {
                continue;
            }
            const value = (node as unknown as Record<string, unknown>)[property];
            if (Array.isArray(value)) {
                for (const item of value) {
                    if (isAstNode(item)) {
                        children.push(item);
                    }
                }
            } else if (isAstNode(value)) {
                children.push(value);
            }
        }
        // Reversed onto the stack, so that the first child comes off first.
        while (children.length > 0) {
            pending.push(children.pop()!);
        }
    }
    return nodes;
}

/** The walk of each tree, by its root: a tree does not change once parsed (a new text is a new tree). */
const nodesOfTree = new WeakMap<AstNode, readonly AstNode[]>();

/**
 * `syntaxNodes` of a document's whole tree (`parseResult.value`), walked once and shared by the
 * build's phases: exported names, linking, the reference index, validation.
 */
export function treeNodes(root: AstNode): readonly AstNode[] {
    let nodes = nodesOfTree.get(root);
    if (!nodes) {
        nodesOfTree.set(root, nodes = syntaxNodes(root));
    }
    return nodes;
}

/**
 * Visits the nodes of a document's tree (`treeNodes`) in order, checking for cancellation every
 * few hundred nodes. A visit that returns a promise is awaited before the next node; the others
 * cost no await.
 */
export async function visitTree(root: AstNode, cancelToken: Cancellation.CancellationToken,
    visit: (node: AstNode) => Promise<void> | void): Promise<void> {
    const nodes = treeNodes(root);
    for (let index = 0; index < nodes.length; index++) {
        if (index % NODES_PER_CANCELLATION_CHECK === 0) {
            await interruptAndCheck(cancelToken);
        }
        const visited = visit(nodes[index]);
        if (visited) {
            await visited;
        }
    }
}

/** The cross-references a node holds itself (not those of its children), as Langium's `streamReferences` gives them. */
export function forEachReference(node: AstNode, visit: (reference: ReferenceInfo) => void): void {
    for (const property in node) {
        if (property.charCodeAt(0) === 36 /* $ */) {
            continue;
        }
        const value = (node as unknown as Record<string, unknown>)[property];
        if (isReference(value) || isMultiReference(value)) {
            visit({ reference: value, container: node, property });
        } else if (Array.isArray(value)) {
            value.forEach((item, index) => {
                if (isReference(item) || isMultiReference(item)) {
                    visit({ reference: item, container: node, property, index });
                }
            });
        }
    }
}
