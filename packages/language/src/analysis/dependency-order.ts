/**
 * Depth-first ordering of a dependency graph without recursion, so that a 20,000-deep chain
 * cannot overflow the stack. Dependencies come before their dependents in `order`. An edge that
 * closes a cycle (a back edge, found visiting nodes and edges in the order given) is reported
 * with its cycle and left out of `order`'s constraints: LANGUAGE.md says it is ignored for timing.
 */
export interface ClosingEdge<T> {
    /** The node whose dependency closes the cycle. */
    readonly from: T;
    /** The index of that dependency in `from`'s edge list. */
    readonly index: number;
    /** The cycle, starting and ending with the dependency: `[to, …, from]` then back to `to`. */
    readonly cycle: readonly T[];
}

export interface DependencyOrder<T> {
    readonly order: readonly T[];
    /** Some of the nodes, in `order`'s order. */
    ordered(nodes: Iterable<T>): T[];
    readonly closing: ReadonlyArray<ClosingEdge<T>>;
    /** Whether edge `index` of `from` closes a cycle (and so must be ignored for timing). */
    isClosing(from: T, index: number): boolean;
    /** Whether two nodes lie on a common cycle (the same strongly connected component). */
    sameCycle(a: T, b: T): boolean;
}

export function dependencyOrder<T>(nodes: readonly T[], dependencies: (node: T) => readonly T[]): DependencyOrder<T> {
    const order: T[] = [];
    const closing: Array<ClosingEdge<T>> = [];
    const closingByNode = new Map<T, Set<number>>();
    const done = new Set<T>();
    // Position of each node on the current DFS path, while it is on it.
    const onPath = new Map<T, number>();
    const path: T[] = [];
    // The edges of each node on the path (asked for once per node) and the next one to follow.
    const pathEdges: Array<readonly T[]> = [];
    const nextEdge: number[] = [];

    for (const root of nodes) {
        if (done.has(root)) {
            continue;
        }
        onPath.set(root, 0);
        path.push(root);
        pathEdges.push(dependencies(root));
        nextEdge.push(0);
        while (path.length > 0) {
            const top = path.length - 1;
            const node = path[top];
            const edges = pathEdges[top];
            const index = nextEdge[top]++;
            if (index < edges.length) {
                const next = edges[index];
                const position = onPath.get(next);
                if (position !== undefined) {
                    closing.push({ from: node, index, cycle: path.slice(position) });
                    let set = closingByNode.get(node);
                    if (!set) {
                        closingByNode.set(node, set = new Set());
                    }
                    set.add(index);
                } else if (!done.has(next)) {
                    onPath.set(next, path.length);
                    path.push(next);
                    pathEdges.push(dependencies(next));
                    nextEdge.push(0);
                }
            } else {
                path.pop();
                pathEdges.pop();
                nextEdge.pop();
                onPath.delete(node);
                done.add(node);
                order.push(node);
            }
        }
    }
    // Every cycle has a back edge: without one, each node is alone in its component.
    const component = closing.length > 0 ? components(order, dependencies) : undefined;
    let position: Map<T, number> | undefined;
    return {
        order, closing,
        ordered(nodes) {
            position ??= new Map(order.map((node, index) => [node, index]));
            return [...nodes].sort((a, b) => position!.get(a)! - position!.get(b)!);
        },
        isClosing: (from, index) => closingByNode.get(from)?.has(index) ?? false,
        sameCycle: (a, b) => a === b || component !== undefined && component.get(a) === component.get(b),
    };
}

/**
 * Strongly connected components (Kosaraju): walk the reversed graph in reverse finishing order.
 * Nodes on a common cycle share a component; a node on no cycle has one of its own.
 */
function components<T>(finished: readonly T[], dependencies: (node: T) => readonly T[]): Map<T, number> {
    const dependents = new Map<T, T[]>();
    for (const node of finished) {
        for (const dependency of dependencies(node)) {
            let list = dependents.get(dependency);
            if (!list) {
                dependents.set(dependency, list = []);
            }
            list.push(node);
        }
    }
    const component = new Map<T, number>();
    let count = 0;
    for (let i = finished.length - 1; i >= 0; i--) {
        const root = finished[i];
        if (component.has(root)) {
            continue;
        }
        component.set(root, count);
        const pending = [root];
        while (pending.length > 0) {
            for (const dependent of dependents.get(pending.pop()!) ?? []) {
                if (!component.has(dependent)) {
                    component.set(dependent, count);
                    pending.push(dependent);
                }
            }
        }
        count++;
    }
    return component;
}
