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
    private readonly names: WorkspaceCache<'all', WorkspaceNames>;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.names = new WorkspaceCache(services.shared);
    }

    /** The names exported more than once (a `duplicate-name` error), usually none. */
    namesDeclaredTwice(): ReadonlySet<string> {
        return this.workspaceNames().declaredTwice;
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
        return this.workspaceNames().byName.get(name);
    }

    private workspaceNames(): WorkspaceNames {
        return this.names.get('all', () => {
            const byName = new MultiMap<string, AstNodeDescription>();
            const declaredTwice = new Set<string>();
            for (const description of this.indexManager.allElements()) {
                byName.add(description.name, description);
                if (byName.get(description.name).length === 2) {
                    declaredTwice.add(description.name);
                }
            }
            return { byName, declaredTwice };
        });
    }
}

interface WorkspaceNames {
    readonly byName: MultiMap<string, AstNodeDescription>;
    readonly declaredTwice: ReadonlySet<string>;
}
