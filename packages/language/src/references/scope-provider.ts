import { type AstNodeDescription, DefaultScopeProvider, type LangiumCoreServices, type ReferenceInfo, type Scope,
    type Stream, stream, WorkspaceCache } from 'langium';

/**
 * Every name in a .drplan workspace is global (see `DrPlanScopeComputation`). Langium builds a
 * global scope per reference type after every change: one map of every exported name per type, a
 * dozen types, 40,000 insertions at 8,000 workloads on each keystroke. drplan indexes the names once
 * per change and filters by type when a name is looked up: the same declaration is found (the first
 * of the right type, in the index's order).
 */
export class DrPlanScopeProvider extends DefaultScopeProvider {
    private readonly names: WorkspaceCache<'all', Map<string, AstNodeDescription[]>>;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.names = new WorkspaceCache(services.shared);
    }

    protected override getGlobalScope(referenceType: string, _context: ReferenceInfo): Scope {
        return this.globalScopeCache.get(referenceType, () => new NamesOfType(referenceType, this));
    }

    /** Every exported description by name, in the index's order. */
    descriptionsNamed(name: string): readonly AstNodeDescription[] {
        return this.names.get('all', () => {
            const byName = new Map<string, AstNodeDescription[]>();
            for (const description of this.indexManager.allElements()) {
                const named = byName.get(description.name);
                if (named) {
                    named.push(description);
                } else {
                    byName.set(description.name, [description]);
                }
            }
            return byName;
        }).get(name) ?? [];
    }

    isOfType(description: AstNodeDescription, referenceType: string): boolean {
        return this.reflection.isSubtype(description.type, referenceType);
    }

    allOfType(referenceType: string): Stream<AstNodeDescription> {
        return this.indexManager.allElements(referenceType);
    }
}

/** The global scope of one reference type, over the shared index of names. */
class NamesOfType implements Scope {
    constructor(private readonly type: string, private readonly provider: DrPlanScopeProvider) {}

    getElement(name: string): AstNodeDescription | undefined {
        return this.provider.descriptionsNamed(name).find(description => this.provider.isOfType(description, this.type));
    }

    getElements(name: string): Stream<AstNodeDescription> {
        return stream(this.provider.descriptionsNamed(name)).filter(description => this.provider.isOfType(description, this.type));
    }

    getAllElements(): Stream<AstNodeDescription> {
        return this.provider.allOfType(this.type);
    }
}
