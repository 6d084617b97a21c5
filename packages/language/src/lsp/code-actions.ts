import { type AstNode, AstUtils, type CstNode, CstUtils, GrammarUtils, type LangiumDocument, type LangiumDocuments,
    type MaybePromise, URI } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import type { CodeAction, CodeActionParams, Command, Diagnostic, Position, TextEdit } from 'vscode-languageserver';
import { withDependencies } from '../analysis/rollup.js';
import { dependenciesFailingOverLater, memberGroups } from '../analysis/rules/recovery-plans.js';
import type { DrPlanServices } from '../drplan-module.js';
import * as ast from '../generated/ast.js';
import type { Plan, Step, Workload } from '../model/plan-model.js';
import type { WorkspaceAnalysis } from '../workspace/workspace-analysis.js';

type Edits = Record<string, TextEdit[]>;

/**
 * Quick fixes for analysis findings: add a `failover-to`, move a recovery-plan member after its
 * dependency (or the dependency before it), add a RACI row, mark a stale capability `estimated`, and snap a Hyper-V
 * Replica interval to the nearest allowed value.
 */
export class DrPlanCodeActionProvider implements CodeActionProvider {
    private readonly workspaceAnalysis: WorkspaceAnalysis;
    private readonly documents: LangiumDocuments;

    constructor(services: DrPlanServices) {
        this.workspaceAnalysis = services.analysis.WorkspaceAnalysis;
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<Array<Command | CodeAction>> {
        const actions: CodeAction[] = [];
        for (const diagnostic of params.context.diagnostics) {
            const node = this.nodeAt(document, diagnostic.range.start);
            if (!node) {
                continue;
            }
            switch (diagnostic.code) {
                case 'unprotected':
                case 'spof':
                case 'plan-site-mismatch':
                    actions.push(...this.addFailoverTo(diagnostic, node));
                    break;
                case 'failover-order':
                    actions.push(...this.fixFailoverOrder(document, diagnostic, node));
                    break;
                case 'raci-missing':
                    actions.push(...this.addRaciRow(diagnostic, node));
                    break;
                case 'stale-test':
                    actions.push(...this.markEstimated(document, diagnostic, node));
                    break;
                case 'replication-interval':
                    actions.push(...this.snapInterval(document, diagnostic, node));
                    break;
            }
        }
        return actions;
    }

    /** `failover-to <site>` for a workload that has none, one action per candidate site. */
    private addFailoverTo(diagnostic: Diagnostic, node: AstNode): CodeAction[] {
        const model = this.workspaceAnalysis.planModel;
        const name = elementOf(diagnostic);
        const workload = name ? model.byName.get(name) : undefined;
        if (workload?.kind !== 'workload' || (workload as Workload).failoverTo) {
            return [];
        }
        const declaration = this.declarationOf(workload.location.uri, workload.name, ast.isWorkload);
        if (!declaration) {
            return [];
        }
        // For a recovery-plan member, the plan's `to` site is the one to offer first.
        const group = AstUtils.getContainerOfType(node, ast.isGroup);
        const planTo = group ? model.recoveryPlans.find(plan => plan.name === group.$container.name)?.to : undefined;
        const runsAt = (workload as Workload).runsAt;
        const sites = [...new Set([...(planTo ? [planTo] : []), ...model.sites])].filter(site => site !== runsAt);
        const anchor = declaration.properties.find(ast.isRunsAtProperty) ?? declaration.properties.at(-1);
        return sites.map(site => ({
            title: `Add \`failover-to ${site.name}\` to ${workload.name}`,
            kind: 'quickfix',
            diagnostics: [diagnostic],
            isPreferred: site === planTo || sites.length === 1,
            edit: { changes: insertProperty(workload.location.uri, declaration, anchor, `failover-to ${site.name}`) },
        }));
    }

    /**
     * Two ways to put a member after its dependency: move the member into the group after the
     * dependency's (or a new group there), or move the dependency into the group after its own
     * dependencies' (or a new group just before the member's). Each is offered only if it leaves
     * the plan with fewer ordering problems and no new one: moving a member later must not put it
     * after members that depend on it, as moving PharmacyApp past the interface engine would in the
     * hospital example.
     */
    private fixFailoverOrder(document: LangiumDocument, diagnostic: Diagnostic, node: AstNode): CodeAction[] {
        const property = AstUtils.getContainerOfType(node, ast.isWorkloadsProperty);
        const group = property && AstUtils.getContainerOfType(property, ast.isGroup);
        const data = diagnostic.data as { group?: string; dependency?: string } | undefined;
        const memberName = elementOf(diagnostic);
        if (!property || !group || !memberName || !data?.group || !data.dependency) {
            return [];
        }
        const recoveryPlan = group.$container;
        const groups = recoveryPlan.properties.filter(ast.isGroup);
        const model = this.workspaceAnalysis.planModel;
        const plan = model.recoveryPlans.find(candidate => candidate.location.uri === document.uri.toString()
            && candidate.name === recoveryPlan.name);
        const dependencyIndex = groups.findIndex(candidate => candidate.name === data.group);
        if (!plan || dependencyIndex < 0 || plan.groups.length !== groups.length) {
            return [];
        }
        const positions = new Map([...memberGroups(plan)].map(([workload, planGroup]) => [workload, planGroup.index]));
        const member = [...positions.keys()].find(workload => workload.name === memberName);
        const dependency = [...positions.keys()].find(workload => workload.name === data.dependency);
        if (!member || !dependency) {
            return [];
        }
        const problems = orderingProblems(positions);
        const improves = (workload: Workload, position: number) => {
            const after = orderingProblems(new Map(positions).set(workload, position));
            return after.size < problems.size && [...after].every(problem => problems.has(problem));
        };
        const actions: CodeAction[] = [];

        // The member, later: into the group after the dependency's, or a new group after it.
        const next = groups[dependencyIndex + 1];
        if (improves(member, next ? dependencyIndex + 1 : dependencyIndex + 0.5)) {
            actions.push(this.moveMember(document, memberName, property,
                next ? { into: next } : { after: groups[dependencyIndex] }, `after ${data.group}`));
        }
        // The dependency, earlier: into the group after its own dependencies' latest, before the member's.
        const memberIndex = positions.get(member)!;
        let latest = -1;
        for (const reached of withDependencies([dependency])) {
            if (reached !== dependency) {
                latest = Math.max(latest, positions.get(reached) ?? -1);
            }
        }
        const dependencyProperty = groups[positions.get(dependency)!].properties.find((candidate): candidate is ast.WorkloadsProperty =>
            ast.isWorkloadsProperty(candidate) && candidate.workloads.some(reference => reference.$refText === dependency.name));
        const dependencyTarget = latest + 1;
        const intoExisting = dependencyTarget < memberIndex;
        if (dependencyProperty && latest < memberIndex
            && improves(dependency, intoExisting ? dependencyTarget : memberIndex - 0.5)) {
            actions.push(this.moveMember(document, dependency.name, dependencyProperty,
                intoExisting ? { into: groups[dependencyTarget] } : { before: groups[memberIndex] }, `before ${groups[memberIndex].name}`));
        }
        actions.forEach((action, index) => {
            action.diagnostics = [diagnostic];
            action.isPreferred = index === 0;
        });
        return actions;
    }

    /** Moves `name` out of `from` into a group, or into a new group after or before one (`where` ends the title). */
    private moveMember(document: LangiumDocument, name: string, from: ast.WorkloadsProperty,
        to: { into: ast.Group } | { after: ast.Group } | { before: ast.Group }, where: string): CodeAction {
        const uri = document.uri.toString();
        const edits: TextEdit[] = [removeFromList(document, from, name)];
        if ('into' in to) {
            const list = to.into.properties.find(ast.isWorkloadsProperty);
            if (list?.$cstNode) {
                edits.push({ range: { start: list.$cstNode.range.end, end: list.$cstNode.range.end }, newText: `, ${name}` });
            } else {
                edits.push(...insertProperty(uri, to.into, to.into.properties.at(-1), `workloads ${name}`)[uri]);
            }
            return { title: `Move ${name} to group ${to.into.name}, ${where}`, kind: 'quickfix', edit: { changes: { [uri]: edits } } };
        }
        const groupName = uniqueName(this.workspaceAnalysis.planModel.byName, `${name}Group`);
        const group = `group ${groupName} { workloads ${name} }`;
        const anchor = ('after' in to ? to.after : to.before).$cstNode!.range;
        const indent = ' '.repeat(anchor.start.character);
        edits.push('after' in to
            ? { range: { start: anchor.end, end: anchor.end }, newText: `\n${indent}${group}` }
            : { range: { start: anchor.start, end: anchor.start }, newText: `${group}\n${indent}` });
        return { title: `Move ${name} to a new group ${groupName} ${where}`, kind: 'quickfix', edit: { changes: { [uri]: edits } } };
    }

    /** Adds `Name: accountable Role` to the RACI block of the plan(s) the step or action belongs to. */
    private addRaciRow(diagnostic: Diagnostic, _node: AstNode): CodeAction[] {
        const model = this.workspaceAnalysis.planModel;
        const name = elementOf(diagnostic);
        const activity = name ? model.byName.get(name) : undefined;
        if (!activity || (activity.kind !== 'step' && activity.kind !== 'manual')) {
            return [];
        }
        const plans: Plan[] = activity.kind === 'step' ? [(activity as Step).plan]
            : model.plans.filter(plan => plan.raci && plan.phases.some(phase => phase.items.some(item =>
                item.kind === 'execute' && item.recoveryPlan.groups.some(group =>
                    [...group.before, ...group.after].includes(activity as never)))));
        const actions: CodeAction[] = [];
        for (const plan of plans) {
            if (!plan.raci || plan.raci.some(row => row.activity === activity)) {
                continue;
            }
            const planNode = this.declarationOf(plan.location.uri, plan.name, ast.isPlan);
            const raci = planNode?.properties.find(ast.isRaciProperty);
            const close = raci?.$cstNode && lastLeaf(raci.$cstNode);
            if (!close) {
                continue;
            }
            const accountable = plan.owner ?? (activity as { role?: { name: string } }).role;
            const row = `${activity.name}: accountable ${accountable?.name ?? ''}`.trimEnd();
            const rowIndent = ' '.repeat((raci.rows[0]?.$cstNode?.range.start.character ?? close.range.start.character + 2));
            actions.push({
                title: `Add a RACI row for ${activity.name}${accountable ? ` (accountable ${accountable.name})` : ''}`,
                kind: 'quickfix', diagnostics: [diagnostic], isPreferred: true,
                edit: { changes: { [plan.location.uri]: [{
                    range: { start: close.range.start, end: close.range.start },
                    newText: `${raci.rows.length === 0 && close.range.start.line === raci.$cstNode!.range.start.line ? '\n' : ''}`
                        + `${rowIndent.slice(close.range.start.character)}${row}\n${' '.repeat(close.range.start.character)}`,
                }] } },
            });
        }
        return actions;
    }

    /** Replaces a stale `tested <date>` of a workload capability with `estimated`. */
    private markEstimated(document: LangiumDocument, diagnostic: Diagnostic, node: AstNode): CodeAction[] {
        const tested = AstUtils.getContainerOfType(node, ast.isTested);
        if (!tested?.$cstNode) {
            return [];
        }
        return [{
            title: 'Mark the capability `estimated` until it is tested again',
            kind: 'quickfix', diagnostics: [diagnostic],
            edit: { changes: { [document.uri.toString()]: [{ range: tested.$cstNode.range, newText: 'estimated' }] } },
        }];
    }

    private snapInterval(document: LangiumDocument, diagnostic: Diagnostic, node: AstNode): CodeAction[] {
        const nearest = (diagnostic.data as { nearest?: string } | undefined)?.nearest;
        const replication = AstUtils.getContainerOfType(node, ast.isReplicationProperty);
        const interval = replication && GrammarUtils.findNodeForProperty(replication.$cstNode, 'interval');
        if (!nearest || !interval) {
            return [];
        }
        return [{
            title: `Replicate every ${nearest} (an interval Hyper-V Replica offers)`,
            kind: 'quickfix', diagnostics: [diagnostic], isPreferred: true,
            edit: { changes: { [document.uri.toString()]: [{ range: interval.range, newText: nearest }] } },
        }];
    }

    private nodeAt(document: LangiumDocument, position: Position): AstNode | undefined {
        const root = document.parseResult.value.$cstNode;
        return root ? CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(position))?.astNode : undefined;
    }

    private declarationOf<T extends ast.Declaration>(uri: string, name: string, is: (node: unknown) => node is T): T | undefined {
        const document = this.documents.getDocument(URI.parse(uri));
        return (document?.parseResult.value as ast.Document | undefined)?.declarations
            .find((declaration): declaration is T => is(declaration) && declaration.name === name);
    }
}

/**
 * The `failover-order` problems of a recovery plan whose members run at these group positions, as
 * the rule finds them: a member before a dependency (`A<B`), or in the same group as a direct one (`A=B`).
 */
function orderingProblems(positions: ReadonlyMap<Workload, number>): Set<string> {
    const problems = new Set<string>();
    for (const [member, position] of positions) {
        for (const { target } of member.dependsOn) {
            if (positions.get(target) === position) {
                problems.add(`${member.name}=${target.name}`);
            }
        }
        for (const later of dependenciesFailingOverLater(member, position, workload => positions.get(workload))) {
            problems.add(`${member.name}<${later.name}`);
        }
    }
    return problems;
}

function elementOf(diagnostic: Diagnostic): string | undefined {
    const element = (diagnostic.data as { element?: unknown } | undefined)?.element;
    return typeof element === 'string' ? element : undefined;
}

/** Inserts a property on its own line after `anchor` (or after the opening brace), indented like its siblings. */
function insertProperty(uri: string, declaration: AstNode & { properties: AstNode[] }, anchor: AstNode | undefined,
    text: string): Edits {
    const declarationRange = declaration.$cstNode!.range;
    const sibling = declaration.properties[0]?.$cstNode;
    const indent = sibling && sibling.range.start.line !== declarationRange.start.line
        ? ' '.repeat(sibling.range.start.character) : ' '.repeat(declarationRange.start.character + 2);
    if (anchor?.$cstNode && anchor.$cstNode.range.start.line !== declarationRange.start.line) {
        const end = anchor.$cstNode.range.end;
        return { [uri]: [{ range: { start: end, end }, newText: `\n${indent}${text}` }] };
    }
    // One-line declaration (`workload X { … }`): add the property before the closing brace.
    const close = lastLeaf(declaration.$cstNode!)!;
    return { [uri]: [{ range: { start: close.range.start, end: close.range.start },
        newText: `${text} ` }] };
}

/** Removes one name from a `workloads A, B, C` list, with its comma; the whole property if it was alone. */
function removeFromList(document: LangiumDocument, property: ast.WorkloadsProperty, name: string): TextEdit {
    const references = property.workloads;
    const index = references.findIndex(reference => reference.$refText === name);
    const node = references[index]?.$refNode;
    if (references.length === 1 || !node) {
        const range = property.$cstNode!.range;
        const lineText = document.textDocument.getText({ start: { line: range.start.line, character: 0 },
            end: { line: range.end.line + 1, character: 0 } });
        const alone = lineText.trim() === property.$cstNode!.text.trim();
        return alone ? { range: { start: { line: range.start.line, character: 0 }, end: { line: range.end.line + 1, character: 0 } }, newText: '' }
            : { range, newText: '' };
    }
    if (index === 0) {
        const next = references[1].$refNode!;
        return { range: { start: node.range.start, end: next.range.start }, newText: '' };
    }
    const previous = references[index - 1].$refNode!;
    return { range: { start: previous.range.end, end: node.range.end }, newText: '' };
}

function lastLeaf(node: CstNode): CstNode | undefined {
    let last: CstNode | undefined;
    for (const leaf of CstUtils.streamCst(node)) {
        if (!('content' in leaf) && !leaf.hidden) {
            last = leaf;
        }
    }
    return last;
}

function uniqueName(taken: ReadonlyMap<string, unknown>, base: string): string {
    let name = base;
    for (let i = 2; taken.has(name); i++) {
        name = `${base}${i}`;
    }
    return name;
}
