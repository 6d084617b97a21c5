import { type AstNode, type CstNode, GrammarUtils, type LangiumDocument, type Reference } from 'langium';
import * as ast from '../generated/ast.js';
import type * as m from './plan-model.js';
import { isValidDate, isValidDuration, isValidObjective, isValidPercentage } from './values.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type AnyElement = Mutable<m.Element>;

/**
 * Builds the PlanModel of a linked workspace. Two passes: the first creates an element for every
 * named node (so references can point forwards and across files), the second fills in the links.
 * Unresolved references are left out: linking has already reported them.
 */
export function buildPlanModel(documents: Iterable<LangiumDocument>): m.PlanModel {
    return new PlanModelBuilder().build(documents);
}

const NO_LOCATION: m.SourceRange = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * Where a node (or one of its properties: `name`, `date`, …) is written. Most locations are never
 * read (only those a finding or a quick fix points at), so the range, and the search for the
 * property's node, wait until first use; a class keeps the model small for the garbage collector.
 */
class Location implements m.SourceLocation {
    // Private fields: equality in tests and JSON see a location as its uri and range, never the CST.
    readonly #node: CstNode | undefined;
    readonly #property: string | undefined;
    #range?: m.SourceRange;

    constructor(readonly uri: string, node: CstNode | undefined, property?: string) {
        this.#node = node;
        this.#property = property;
    }

    get range(): m.SourceRange {
        if (!this.#range) {
            // A name falls back to the whole node (a recovering parser may have lost it); other properties do not.
            const node = this.#property ? GrammarUtils.findNodeForProperty(this.#node, this.#property)
                ?? (this.#property === 'name' ? this.#node : undefined) : this.#node;
            this.#range = node?.range ?? NO_LOCATION;
        }
        return this.#range;
    }

    toJSON(): m.SourceLocation {
        return { uri: this.uri, range: this.range };
    }
}

/** Where each property of an element is written, by its leading keyword, found on first use. */
class KeywordLocations implements m.PropertyLocations {
    private byKeyword?: Map<string, m.SourceLocation>;

    constructor(private readonly uri: string, private readonly properties: readonly AstNode[] | undefined) {}

    get(keyword: string): m.SourceLocation | undefined {
        if (!this.byKeyword) {
            this.byKeyword = new Map();
            for (const property of this.properties ?? []) {
                const leading = leadingKeyword(property.$cstNode);
                if (leading && !this.byKeyword.has(leading)) {
                    this.byKeyword.set(leading, new Location(this.uri, property.$cstNode));
                }
            }
        }
        return this.byKeyword.get(keyword);
    }
}

/** The elements declared in one document, kept while its syntax tree is the same. */
interface DocumentElements {
    readonly root: AstNode;
    readonly declarations: readonly ast.Declaration[];
    readonly nodes: AstNode[];
    readonly elements: AnyElement[];
}

/**
 * Builds the PlanModel again and again as documents change (the language server keeps one): a
 * document whose syntax tree is the one of the last build keeps its elements, and keeps their
 * links too unless Langium linked it again. Elements keep their identity, so the links of other
 * documents to them stay right; a document with new links is one Langium relinks.
 */
export class PlanModelBuilder {
    private readonly elements = new Map<AstNode, AnyElement>();
    private readonly byDocument = new Map<string, DocumentElements>();
    private current?: DocumentElements;
    private uri = '';

    /**
     * The model of `documents`. `relinked`: the documents linked again since the last build (the
     * links of the others are reused); without it, all of them.
     */
    build(documents: Iterable<LangiumDocument>, relinked?: ReadonlySet<string>): m.PlanModel {
        const sorted = [...documents].map(document => ({ document, uri: document.uri.toString() }))
            .sort((a, b) => compare(a.uri, b.uri));
        const toLink: Array<[string, DocumentElements]> = [];
        for (const { document, uri } of sorted) {
            const root = document.parseResult.value;
            let entry = this.byDocument.get(uri);
            if (entry?.root !== root) {
                if (entry) {
                    this.forget(entry);
                }
                entry = this.createAll(uri, root as ast.Document);
                this.byDocument.set(uri, entry);
                toLink.push([uri, entry]);
            } else if (!relinked || relinked.has(uri)) {
                toLink.push([uri, entry]);
            }
        }
        const present = new Set(sorted.map(({ uri }) => uri));
        for (const [uri, entry] of this.byDocument) {
            if (!present.has(uri)) {
                this.forget(entry);
                this.byDocument.delete(uri);
            }
        }
        for (const [uri, entry] of toLink) {
            this.uri = uri;
            for (const declaration of entry.declarations) {
                this.link(declaration);
            }
        }
        return this.collect(sorted.flatMap(({ uri }) => this.byDocument.get(uri)!.elements));
    }

    private createAll(uri: string, root: ast.Document): DocumentElements {
        const entry: DocumentElements = { root, declarations: root.declarations ?? [], nodes: [], elements: [] };
        this.current = entry;
        this.uri = uri;
        for (const declaration of entry.declarations) {
            this.create(declaration);
        }
        this.current = undefined;
        return entry;
    }

    private forget(entry: DocumentElements): void {
        for (const node of entry.nodes) {
            this.elements.delete(node);
        }
    }

    // --- pass 1: elements -------------------------------------------------------------------

    private create(declaration: ast.Declaration): void {
        const kind = declarationKinds[declaration.$type];
        const element = this.newElement(declaration, kind, declaration.name, declaration.name);
        if (!element) {
            return;
        }
        if (declaration.$type === ast.RecoveryPlan.$type) {
            for (const group of every(declaration.properties, ast.Group)) {
                this.newElement(group, 'group', group.name, declaration.name);
                for (const property of group.properties) {
                    if (property.$type === ast.BeforeProperty.$type || property.$type === ast.AfterProperty.$type) {
                        for (const action of property.actions) {
                            this.newElement(action, actionKinds[action.$type], action.name, declaration.name);
                        }
                    }
                }
            }
        } else if (declaration.$type === ast.Plan.$type) {
            for (const response of every(declaration.properties, ast.ResponseProperty)) {
                for (const phase of response.phases) {
                    for (const step of every(phase.items, ast.Step)) {
                        this.newElement(step, 'step', step.name, declaration.name);
                    }
                }
            }
        }
    }

    private newElement(node: AstNode & { title?: string }, kind: m.ElementKind, name: string | undefined,
        declaration: string | undefined): AnyElement | undefined {
        if (!name) {
            // A recovering parser may leave a declaration without its name: nothing can refer to it.
            return undefined;
        }
        const element = {
            kind, name, title: node.title, declaration: declaration ?? name,
            at: new KeywordLocations(this.uri, (node as { properties?: AstNode[] }).properties),
            location: new Location(this.uri, node.$cstNode, 'name'),
        } as AnyElement;
        this.elements.set(node, element);
        this.current!.nodes.push(node);
        this.current!.elements.push(element);
        return element;
    }

    // --- pass 2: properties and links ---------------------------------------------------------

    private link(declaration: ast.Declaration): void {
        const element = this.elements.get(declaration);
        if (!element) {
            return;
        }
        switch (declaration.$type) {
            case 'Site': return this.linkSite(declaration, element as Mutable<m.Site>);
            case 'Person': return this.linkPerson(declaration, element as Mutable<m.Person>);
            case 'Role': return this.linkRole(declaration, element as Mutable<m.Role>);
            case 'Supplier': return this.linkSupplier(declaration, element as Mutable<m.Supplier>);
            case 'Customer': return this.linkCustomer(declaration, element as Mutable<m.Customer>);
            case 'Workforce': return this.linkWorkforce(declaration, element as Mutable<m.Workforce>);
            case 'Equipment': return this.linkEquipment(declaration, element as Mutable<m.Equipment>);
            case 'Data': return this.linkData(declaration, element as Mutable<m.DataSet>);
            case 'Workload': return this.linkWorkload(declaration, element as Mutable<m.Workload>);
            case 'Process': return this.linkProcess(declaration, element as Mutable<m.Process>);
            case 'RecoveryPlan': return this.linkRecoveryPlan(declaration, element as Mutable<m.RecoveryPlan>);
            case 'Plan': return this.linkPlan(declaration, element as Mutable<m.Plan>);
        }
    }

    private linkSite(node: ast.Site, site: Mutable<m.Site>): void {
        site.siteKind = first(node.properties, ast.SiteKindProperty)?.value as m.SiteKind | undefined;
        site.region = first(node.properties, ast.RegionProperty)?.value;
    }

    private linkPerson(node: ast.Person, person: Mutable<m.Person>): void {
        person.email = first(node.properties, ast.EmailProperty)?.value;
        person.phone = first(node.properties, ast.PhoneProperty)?.value;
    }

    private linkRole(node: ast.Role, role: Mutable<m.Role>): void {
        role.filledBy = this.targets<m.Person>(first(node.properties, ast.FilledByProperty)?.people);
    }

    private linkSupplier(node: ast.Supplier, supplier: Mutable<m.Supplier>): void {
        supplier.supplierKind = first(node.properties, ast.SupplierKindProperty)?.value;
        supplier.alternatives = this.targets<m.Supplier>(first(node.properties, ast.AlternativeProperty)?.suppliers);
    }

    private linkCustomer(node: ast.Customer, customer: Mutable<m.Customer>): void {
        customer.customerKind = first(node.properties, ast.CustomerKindProperty)?.value;
    }

    private linkWorkforce(node: ast.Workforce, workforce: Mutable<m.Workforce>): void {
        workforce.site = this.target<m.Site>(first(node.properties, ast.AtProperty)?.site);
        workforce.alternateSites = this.targets<m.Site>(first(node.properties, ast.AlternateSiteProperty)?.sites);
    }

    private linkEquipment(node: ast.Equipment, equipment: Mutable<m.Equipment>): void {
        equipment.site = this.target<m.Site>(first(node.properties, ast.AtProperty)?.site);
        equipment.alternateSites = this.targets<m.Site>(first(node.properties, ast.AlternateSiteProperty)?.sites);
        equipment.spares = first(node.properties, ast.SparesProperty)?.value ?? 0;
    }

    private linkData(node: ast.Data, data: Mutable<m.DataSet>): void {
        data.heldBy = this.target<m.Workload>(first(node.properties, ast.HeldByProperty)?.workload);
        data.vital = first(node.properties, ast.VitalProperty) !== undefined;
    }

    private linkWorkload(node: ast.Workload, workload: Mutable<m.Workload>): void {
        const properties = node.properties;
        workload.workloadKind = first(properties, ast.WorkloadKindProperty)?.value;
        workload.owner = this.target<m.Role>(first(properties, ast.OwnerProperty)?.role);
        workload.runsAt = this.target<m.Site>(first(properties, ast.RunsAtProperty)?.site);
        workload.failoverTo = this.target<m.Site>(first(properties, ast.FailoverToProperty)?.site);
        const instances = first(properties, ast.InstancesProperty)?.value;
        workload.instances = instances !== undefined && instances >= 1 ? instances : 1;
        workload.stateless = first(properties, ast.StatelessProperty) !== undefined;
        workload.nativeAvailability = first(properties, ast.NativeAvailabilityProperty)?.value;
        const replication = first(properties, ast.ReplicationProperty);
        if (replication && isValidDuration(replication.interval)) {
            workload.replication = {
                method: replication.method, interval: replication.interval,
                intervalAt: this.locate(replication.$cstNode, 'interval'),
            };
        }
        const backup = first(properties, ast.BackupProperty);
        if (backup && isValidDuration(backup.interval)) {
            workload.backup = {
                method: backup.method, interval: backup.interval,
                retention: isValidDuration(backup.retention) ? backup.retention : undefined,
            };
        }
        workload.recoveryTime = this.capability(first(properties, ast.RecoveryTimeProperty));
        workload.recoveryPoint = this.capability(first(properties, ast.RecoveryPointProperty));
        workload.dependsOn = this.links<m.Workload>(first(properties, ast.DependsOnProperty)?.workloads);
    }

    private capability(node: ast.RecoveryTimeProperty | ast.RecoveryPointProperty | undefined): m.DeclaredCapability | undefined {
        if (!node || !isValidDuration(node.value)) {
            return undefined;
        }
        const tested = node.evidence?.$type === ast.Tested.$type ? node.evidence : undefined;
        return {
            value: node.value,
            tested: tested && isValidDate(tested.date) ? tested.date : undefined,
            testedAt: tested ? this.locate(tested.$cstNode, 'date') : undefined,
            location: this.locate(node.$cstNode),
        };
    }

    private linkProcess(node: ast.Process, process: Mutable<m.Process>): void {
        const properties = node.properties;
        process.criticality = first(properties, ast.CriticalityProperty)?.value as m.Criticality | undefined;
        const rto = first(properties, ast.RtoProperty)?.value;
        const rpo = first(properties, ast.RpoProperty)?.value;
        process.rto = isValidObjective(rto) ? rto : undefined;
        process.rpo = isValidDuration(rpo) ? rpo : undefined;
        process.owner = this.target<m.Role>(first(properties, ast.OwnerProperty)?.role);
        process.suppliers = this.targets<m.Supplier>(first(properties, ast.SuppliersProperty)?.suppliers);
        process.inputs = every(properties, ast.InputProperty).flatMap(input => {
            const source = this.target<m.Process | m.Supplier>(input.source);
            return source ? [{ description: input.description, source, location: this.locate(input.$cstNode) }] : [];
        });
        process.outputs = every(properties, ast.OutputProperty).flatMap(output => {
            const target = this.target<m.Customer | m.Process>(output.target);
            return target ? [{ description: output.description, target, location: this.locate(output.$cstNode) }] : [];
        });
        process.customers = this.targets<m.Customer>(first(properties, ast.CustomersProperty)?.customers);
        process.workloads = this.targets<m.Workload>(first(properties, ast.WorkloadsProperty)?.workloads);
        process.workforce = this.targets<m.Workforce>(first(properties, ast.WorkforceListProperty)?.workforce);
        process.locations = this.targets<m.Site>(first(properties, ast.LocationsProperty)?.sites);
        process.equipment = this.targets<m.Equipment>(first(properties, ast.EquipmentListProperty)?.equipment);
        process.data = this.targets<m.DataSet>(first(properties, ast.DataListProperty)?.data);
    }

    private linkRecoveryPlan(node: ast.RecoveryPlan, plan: Mutable<m.RecoveryPlan>): void {
        const fromTo = first(node.properties, ast.FromToProperty);
        plan.from = this.target<m.Site>(fromTo?.from);
        plan.to = this.target<m.Site>(fromTo?.to);
        const tested = first(node.properties, ast.TestedProperty);
        plan.tested = tested && isValidDate(tested.date) ? tested.date : undefined;
        plan.testedAt = tested ? this.locate(tested.$cstNode, 'date') : undefined;
        plan.groups = every(node.properties, ast.Group).flatMap(groupNode => {
            const group = this.elements.get(groupNode) as Mutable<m.Group> | undefined;
            if (!group) {
                return [];
            }
            group.recoveryPlan = plan;
            group.members = this.links<m.Workload>(first(groupNode.properties, ast.WorkloadsProperty)?.workloads);
            group.before = this.actions(first(groupNode.properties, ast.BeforeProperty)?.actions, group, 'before');
            group.after = this.actions(first(groupNode.properties, ast.AfterProperty)?.actions, group, 'after');
            return [group];
        });
        // Indices over the groups that made it into the model (a group without a name is left out).
        plan.groups.forEach((group, index) => (group as Mutable<m.Group>).index = index);
    }

    private actions(nodes: ast.Action[] | undefined, group: m.Group, position: 'before' | 'after'): m.Action[] {
        return (nodes ?? []).flatMap(node => {
            const action = this.elements.get(node) as Mutable<m.Action> | undefined;
            if (!action) {
                return [];
            }
            action.group = group;
            action.position = position;
            action.duration = isValidDuration(node.duration) ? node.duration : 0;
            action.failoverTypes = node.only ? [...new Set(node.only.types as m.FailoverType[])] : ['planned', 'unplanned', 'test'];
            switch (node.$type) {
                case 'ManualAction':
                    action.text = node.instruction;
                    action.role = this.target<m.Role>(node.role);
                    break;
                case 'ScriptAction':
                    action.text = node.path;
                    action.runsOn = node.location as 'primary' | 'recovery';
                    break;
                case 'AutomationAction':
                    action.text = node.runbook;
                    action.runsOn = (node.location ?? 'recovery') as 'primary' | 'recovery';
                    break;
            }
            return [action];
        });
    }

    private linkPlan(node: ast.Plan, plan: Mutable<m.Plan>): void {
        const properties = node.properties;
        plan.owner = this.target<m.Role>(first(properties, ast.OwnerProperty)?.role);
        plan.covers = this.targets<m.Process>(first(properties, ast.CoversProperty)?.processes);
        const settings = first(properties, ast.PolicyProperty)?.properties ?? [];
        const testValidity = first(settings, ast.TestValiditySetting)?.value;
        const staffEffectiveness = first(settings, ast.StaffEffectivenessSetting)?.value;
        plan.policy = {
            testValidity: isValidObjective(testValidity) ? testValidity : undefined,
            staffEffectiveness: isValidPercentage(staffEffectiveness) ? staffEffectiveness : undefined,
            spofThreshold: first(settings, ast.SpofThresholdSetting)?.value as m.Criticality | undefined,
        };
        // A repeated phase is a duplicate-property: only its first occurrence counts.
        const phases = (first(properties, ast.ResponseProperty)?.phases ?? [])
            .filter((phase, index, all) => all.findIndex(other => other.phase === phase.phase) === index);
        plan.phases = phases.map(phase => ({
            name: phase.phase as m.PhaseName,
            location: this.locate(phase.$cstNode),
            items: phase.items.flatMap((item): m.PhaseItem[] => {
                if (item.$type === ast.Execute.$type) {
                    const recoveryPlan = this.target<m.RecoveryPlan>(item.recoveryPlan);
                    return recoveryPlan ? [{ kind: 'execute', recoveryPlan, location: this.locate(item.$cstNode) }] : [];
                }
                const step = this.elements.get(item) as Mutable<m.Step> | undefined;
                if (!step) {
                    return [];
                }
                step.role = this.target<m.Role>(item.role);
                step.duration = isValidDuration(item.duration) ? item.duration : 0;
                step.phase = phase.phase as m.PhaseName;
                step.plan = plan;
                return [step];
            }),
        }));
        const raci = first(properties, ast.RaciProperty);
        plan.raci = raci?.rows.flatMap(row => {
            const activity = this.target<m.Activity>(row.activity);
            if (!activity) {
                return [];
            }
            const roles = (letter: string) => row.assignments.filter(a => a.letter === letter)
                .flatMap(a => this.targets<m.Role>(a.roles));
            return [{
                activity, location: this.locate(row.$cstNode),
                accountable: roles('accountable'), responsible: roles('responsible'),
                consulted: roles('consulted'), informed: roles('informed'),
            }];
        });
    }

    // --- helpers --------------------------------------------------------------------------------

    private target<T extends m.Element>(reference: Reference | undefined): T | undefined {
        const node = reference?.ref;
        return node ? this.elements.get(node) as T | undefined : undefined;
    }

    private targets<T extends m.Element>(references: Reference[] | undefined): T[] {
        const result: T[] = [];
        for (const reference of references ?? []) {
            const target = this.target<T>(reference);
            if (target) {
                result.push(target);
            }
        }
        return result;
    }

    private links<T extends m.Element>(references: Reference[] | undefined): Array<m.Link<T>> {
        const result: Array<m.Link<T>> = [];
        for (const reference of references ?? []) {
            const target = this.target<T>(reference);
            if (target) {
                result.push({ target, location: this.locate(reference.$refNode) });
            }
        }
        return result;
    }

    private locate(node: CstNode | undefined, property?: string): m.SourceLocation {
        return new Location(this.uri, node, property);
    }

    private collect(order: AnyElement[]): m.PlanModel {
        const byName = new Map<string, m.Element>();
        const duplicates = new Map<string, m.Element[]>();
        const ofKind = <T extends m.Element>(kind: m.ElementKind) => order.filter(e => e.kind === kind) as unknown as T[];
        for (const element of order) {
            const first = byName.get(element.name);
            if (!first) {
                byName.set(element.name, element as m.Element);
            } else {
                const elements = duplicates.get(element.name);
                if (elements) {
                    elements.push(element as m.Element);
                } else {
                    duplicates.set(element.name, [first, element as m.Element]);
                }
            }
        }
        if (duplicates.size > 1) {
            // In the order of each name's first declaration, as everything else is.
            const position = new Map(order.map((element, index) => [element as m.Element, index]));
            const sorted = [...duplicates].sort(([, a], [, b]) => position.get(a[0])! - position.get(b[0])!);
            duplicates.clear();
            sorted.forEach(([name, elements]) => duplicates.set(name, elements));
        }
        return {
            sites: ofKind('site'), people: ofKind('person'), roles: ofKind('role'), suppliers: ofKind('supplier'),
            customers: ofKind('customer'), workforce: ofKind('workforce'), equipment: ofKind('equipment'),
            data: ofKind('data'), workloads: ofKind('workload'), processes: ofKind('process'),
            recoveryPlans: ofKind('recovery-plan'), plans: ofKind('plan'),
            elements: order as m.Element[], byName, duplicates,
        };
    }
}

const declarationKinds: Record<ast.Declaration['$type'], m.ElementKind> = {
    Site: 'site', Person: 'person', Role: 'role', Supplier: 'supplier', Customer: 'customer', Workforce: 'workforce',
    Equipment: 'equipment', Data: 'data', Workload: 'workload', Process: 'process', RecoveryPlan: 'recovery-plan',
    Plan: 'plan',
};

const actionKinds: Record<ast.Action['$type'], m.ActionKind> = {
    ManualAction: 'manual', ScriptAction: 'script', AutomationAction: 'automation',
};

/**
 * The first node of a type. The types compared here are those one grammar rule makes, which have no
 * subtypes, so comparing `$type` is exact, and much cheaper than the reflection behind `ast.isX`
 * (this runs a dozen times per element; the optimising compiler also inlines far less of it).
 */
function first<K extends keyof ast.DrPlanAstType>(nodes: readonly AstNode[], type: { readonly $type: K }):
    ast.DrPlanAstType[K] | undefined {
    for (const node of nodes) {
        if (node.$type === type.$type) {
            return node as ast.DrPlanAstType[K];
        }
    }
    return undefined;
}

/** Every node of a type, in order (see `first`). */
function every<K extends keyof ast.DrPlanAstType>(nodes: readonly AstNode[], type: { readonly $type: K }):
    Array<ast.DrPlanAstType[K]> {
    return nodes.filter(node => node.$type === type.$type) as Array<ast.DrPlanAstType[K]>;
}

/** The keyword a property starts with (`recovery-time`, `failover-to`, …): its first leaf. */
export function leadingKeyword(node: CstNode | undefined): string | undefined {
    let current = node;
    while (current && 'content' in current) {
        current = (current.content as CstNode[])[0];
    }
    return current?.text;
}

function compare(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}
