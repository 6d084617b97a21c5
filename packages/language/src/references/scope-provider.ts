import { type AstNodeDescription, DefaultScopeProvider, type LangiumCoreServices, MultiMap, type ReferenceInfo, type Scope,
    stream, WorkspaceCache } from 'langium';

/**
 * Every name in a .drplan workspace is global (see `DrPlanScopeComputation`). Langium builds a
 * global scope per reference type after every change: one map of every exported name per type, a
 * dozen types, 40,000 insertions at 8,000 workloads on each keystroke. drplan indexes the names once
 * per change and filters by type when a name is looked up: the same declaration is found (the first
 * of the right type, in the index's order).
 */
export class DrPlanScopeProvider extends DefaultScopeProvider {
    private readonly names: WorkspaceCache<'all', MultiMap<string, AstNodeDescription>>;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.names = new WorkspaceCache(services.shared);
    }

    protected override getGlobalScope(referenceType: string, _context: ReferenceInfo): Scope {
        return this.globalScopeCache.get(referenceType, () => {
            const ofType = (description: AstNodeDescription) => this.reflection.isSubtype(description.type, referenceType);
            return {
                getElement: name => this.named(name).find(ofType),
                getElements: name => stream(this.named(name)).filter(ofType),
                getAllElements: () => this.indexManager.allElements(referenceType),
            };
        });
    }

    /** Every exported description with this name, of any type, in the index's order. */
    private named(name: string): readonly AstNodeDescription[] {
        return this.names.get('all', () => {
            const byName = new MultiMap<string, AstNodeDescription>();
            for (const description of this.indexManager.allElements()) {
                byName.add(description.name, description);
            }
            return byName;
        }).get(name);
    }
}
