import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Element, Process } from '../../../packages/language/src/model/plan-model.js';
import { buildSnippet, type TestWorkspace } from './workspace.js';

const SEED = 20261121;

/** A random workspace: workloads with RTs (minutes, or unknown) and acyclic depends-on, one process. */
interface Dag {
    /** RT in minutes, undefined = unknown. */
    readonly recoveryTimes: ReadonlyArray<number | undefined>;
    /** dependencies[i] ⊆ {0 … i-1}: acyclic by construction. */
    readonly dependencies: ReadonlyArray<readonly number[]>;
    /** The workloads the process lists. */
    readonly needs: readonly number[];
    /** A workload holding the process's data, if any. */
    readonly dataHolder?: number;
    /** The order workloads are written in (a permutation), so that forward references are exercised. */
    readonly order: readonly number[];
}

const dagArbitrary: fc.Arbitrary<Dag> = fc.integer({ min: 1, max: 9 }).chain(count => fc.record({
    recoveryTimes: fc.array(fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined, freq: 6 }), { minLength: count, maxLength: count }),
    dependencies: fc.tuple(...Array.from({ length: count }, (_, index) =>
        fc.subarray(Array.from({ length: index }, (_, j) => j)))),
    needs: fc.subarray(Array.from({ length: count }, (_, index) => index), { minLength: 1 }),
    dataHolder: fc.option(fc.integer({ min: 0, max: count - 1 }), { nil: undefined }),
    order: fc.shuffledSubarray(Array.from({ length: count }, (_, index) => index), { minLength: count, maxLength: count }),
}));

function renderDag(dag: Dag): string {
    const lines: string[] = [];
    for (const index of dag.order) {
        const rt = dag.recoveryTimes[index];
        const dependencies = dag.dependencies[index];
        lines.push(`workload W${index} "W${index}" {`, '  stateless');
        if (rt !== undefined) {
            lines.push(`  recovery-time ${rt}m estimated`);
        }
        if (dependencies.length > 0) {
            lines.push(`  depends-on ${dependencies.map(d => `W${d}`).join(', ')}`);
        }
        lines.push('}');
    }
    if (dag.dataHolder !== undefined) {
        lines.push(`data Records "Records" { held-by W${dag.dataHolder} }`);
    }
    lines.push('process P "P" {', `  workloads ${dag.needs.map(n => `W${n}`).join(', ')}`);
    if (dag.dataHolder !== undefined) {
        lines.push('  data Records');
    }
    lines.push('}');
    return lines.join('\n');
}

/** The naive longest path: a workload is ready its RT after its slowest dependency (no memo, no cleverness). */
function bruteForceRecoveryTime(dag: Dag): number {
    const ready = (index: number): number =>
        (dag.recoveryTimes[index] ?? 0) * 60 + Math.max(0, ...dag.dependencies[index].map(ready));
    const roots = dag.dataHolder === undefined ? dag.needs : [...dag.needs, dag.dataHolder];
    return Math.max(...roots.map(ready));
}

/** A generator that wrote broken text would test nothing: no syntax or linking error is allowed. */
function expectWellFormed(workspace: TestWorkspace): void {
    expect(workspace.all().filter(d => d.code === 'syntax' || d.code === 'unresolved-reference')).toEqual([]);
}

async function processRecoveryTime(text: string, name = 'P'): Promise<number> {
    const workspace = await buildSnippet(text);
    expectWellFormed(workspace);
    return workspace.analysis.processes.get(workspace.element(name) as Process)!.worst.recoveryTime.value;
}

describe('the roll-up equals a brute-force longest path on random DAGs (no plan: L = 0)', () => {
    it('holds for 30 random workspaces', async () => {
        await fc.assert(fc.asyncProperty(dagArbitrary, async dag => {
            expect(await processRecoveryTime(renderDag(dag))).toBe(bruteForceRecoveryTime(dag));
        }), { seed: SEED, numRuns: 30 });
    });
});

/** A DAG run under a plan: a lead time and a recovery plan whose groups fail some workloads over. */
interface PlannedDag extends Dag {
    /** Lead steps, minutes. */
    readonly lead: readonly number[];
    /** The group (0-based) of each workload, or -1 when it is not a member. */
    readonly groups: readonly number[];
    /** A before and an after action per group, minutes. */
    readonly actions: ReadonlyArray<readonly [number, number]>;
    readonly staffEffectiveness: number;
}

const plannedArbitrary: fc.Arbitrary<PlannedDag> = dagArbitrary.chain(dag => fc.record({
    lead: fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 3 }),
    groups: fc.array(fc.integer({ min: -1, max: 2 }), { minLength: dag.recoveryTimes.length, maxLength: dag.recoveryTimes.length }),
    actions: fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 })), { minLength: 3, maxLength: 3 }),
    staffEffectiveness: fc.integer({ min: 1, max: 100 }),
}).map(plan => ({ ...dag, ...plan })));

function renderPlanned(dag: PlannedDag): string {
    const groups = [0, 1, 2].map(group => {
        const members = dag.groups.flatMap((g, index) => g === group ? [`W${index}`] : []);
        const [before, after] = dag.actions[group];
        return `  group G${group} {
    before { manual B${group} "before" by Ops takes ${before}m }
${members.length > 0 ? `    workloads ${members.join(', ')}\n` : ''}    after { script A${group} "after.ps1" on recovery takes ${after}m }
  }`;
    });
    return `${renderDag(dag)}
role Ops "Ops" { }
recovery-plan Move "Move" {
${groups.join('\n')}
}
plan Response "Response" {
  covers P
  policy { staff-effectiveness ${dag.staffEffectiveness}% }
  response {
    mobilize {
${dag.lead.map((minutes, index) => `      step L${index} "lead" by Ops takes ${minutes}m`).join('\n')}
    }
    stabilize { execute Move }
  }
}
`;
}

/** One change that may only delay recovery: a new acyclic dependency, or a longer duration. */
type Change =
    | { kind: 'dependency'; from: number; to: number }
    | { kind: 'recovery-time'; workload: number; extra: number }
    | { kind: 'lead'; extra: number }
    | { kind: 'action'; group: number; which: 0 | 1; extra: number };

function changeArbitrary(dag: PlannedDag): fc.Arbitrary<Change> {
    const count = dag.recoveryTimes.length;
    const options: Array<fc.Arbitrary<Change>> = [
        fc.record({ kind: fc.constant('recovery-time' as const), workload: fc.integer({ min: 0, max: count - 1 }), extra: fc.integer({ min: 1, max: 90 }) }),
        fc.record({ kind: fc.constant('lead' as const), extra: fc.integer({ min: 1, max: 90 }) }),
        fc.record({ kind: fc.constant('action' as const), group: fc.integer({ min: 0, max: 2 }), which: fc.constantFrom(0 as const, 1 as const), extra: fc.integer({ min: 1, max: 30 }) }),
    ];
    if (count >= 2) {
        options.push(fc.integer({ min: 1, max: count - 1 }).chain(from =>
            fc.record({ kind: fc.constant('dependency' as const), from: fc.constant(from), to: fc.integer({ min: 0, max: from - 1 }) })));
    }
    return fc.oneof(...options);
}

function applyChange(dag: PlannedDag, change: Change): PlannedDag {
    switch (change.kind) {
        case 'dependency':
            return { ...dag, dependencies: dag.dependencies.map((deps, index) =>
                index === change.from && !deps.includes(change.to) ? [...deps, change.to] : deps) };
        case 'recovery-time':
            return { ...dag, recoveryTimes: dag.recoveryTimes.map((rt, index) =>
                index === change.workload ? (rt ?? 0) + change.extra : rt) };
        case 'lead':
            return { ...dag, lead: [...dag.lead, change.extra] };
        case 'action':
            return { ...dag, actions: dag.actions.map((pair, group) => group !== change.group ? pair
                : change.which === 0 ? [pair[0] + change.extra, pair[1]] as const : [pair[0], pair[1] + change.extra] as const) };
    }
}

describe('monotonicity of recovery times', () => {
    it('adding a dependency or lengthening a duration never shortens a recovery time', async () => {
        await fc.assert(fc.asyncProperty(
            plannedArbitrary.chain(dag => fc.tuple(fc.constant(dag), changeArbitrary(dag))),
            async ([dag, change]) => {
                const before = await processRecoveryTime(renderPlanned(dag));
                const after = await processRecoveryTime(renderPlanned(applyChange(dag, change)));
                expect(after).toBeGreaterThanOrEqual(before);
            }), { seed: SEED, numRuns: 20 });
    });
});

/** A random world for the loss engine: every kind of element, random needs, acyclic inputs. */
const worldArbitrary = fc.record({
    workloads: fc.array(fc.record({
        site: fc.integer({ min: 0, max: 2 }),
        failover: fc.integer({ min: -1, max: 2 }),
        instances: fc.integer({ min: 1, max: 2 }),
        dependencies: fc.subarray([0, 1, 2, 3, 4, 5]),
    }), { minLength: 1, maxLength: 6 }),
    suppliers: fc.array(fc.subarray([0, 1, 2]), { minLength: 3, maxLength: 3 }),
    roles: fc.array(fc.subarray([0, 1, 2], { minLength: 1 }), { minLength: 2, maxLength: 2 }),
    equipment: fc.array(fc.record({ site: fc.integer({ min: 0, max: 2 }), spares: fc.constantFrom(0, 2), alternates: fc.subarray([0, 1, 2]) }), { minLength: 2, maxLength: 2 }),
    workforce: fc.array(fc.record({ site: fc.integer({ min: 0, max: 2 }), alternates: fc.subarray([0, 1, 2]) }), { minLength: 2, maxLength: 2 }),
    processes: fc.array(fc.record({
        workloads: fc.subarray([0, 1, 2, 3, 4, 5]),
        suppliers: fc.subarray([0, 1, 2]),
        equipment: fc.subarray([0, 1]),
        workforce: fc.subarray([0, 1]),
        locations: fc.subarray([0, 1, 2]),
        inputs: fc.subarray([0, 1, 2, 3]),
        role: fc.integer({ min: -1, max: 1 }),
    }), { minLength: 1, maxLength: 4 }),
});
type World = typeof worldArbitrary extends fc.Arbitrary<infer T> ? T : never;

function renderWorld(world: World): string {
    const names = (prefix: string, indexes: readonly number[], count: number) =>
        indexes.filter(index => index < count).map(index => `${prefix}${index}`);
    const list = (keyword: string, items: readonly string[]) => items.length > 0 ? `  ${keyword} ${items.join(', ')}\n` : '';
    const lines: string[] = ['site S0 "S0" { kind on-premises }', 'site S1 "S1" { kind colocation }', 'site S2 "S2" { kind azure }'];
    lines.push('person H0 "H0" { }', 'person H1 "H1" { }', 'person H2 "H2" { }');
    world.roles.forEach((people, index) => lines.push(`role R${index} "R${index}" { filled-by ${people.map(p => `H${p}`).join(', ')} }`));
    world.suppliers.forEach((alternatives, index) => lines.push(`supplier U${index} "U${index}" {\n${
        list('alternative', alternatives.filter(a => a !== index).map(a => `U${a}`))}}`));
    world.workloads.forEach((workload, index) => lines.push(`workload W${index} "W${index}" {\n  runs-at S${workload.site}\n${
        workload.failover >= 0 ? `  failover-to S${workload.failover}\n` : ''}  instances ${workload.instances}\n${
        list('depends-on', names('W', workload.dependencies.filter(d => d < index), world.workloads.length))}}`));
    world.equipment.forEach((equipment, index) => lines.push(`equipment E${index} "E${index}" {\n  at S${equipment.site}\n  spares ${equipment.spares}\n${
        list('alternate-site', equipment.alternates.map(s => `S${s}`))}}`));
    world.workforce.forEach((workforce, index) => lines.push(`workforce F${index} "F${index}" {\n  at S${workforce.site}\n${
        list('alternate-site', workforce.alternates.map(s => `S${s}`))}}`));
    world.processes.forEach((process, index) => {
        lines.push(`process P${index} "P${index}" {\n${list('workloads', names('W', process.workloads, world.workloads.length))}${
            list('suppliers', names('U', process.suppliers, 3))}${list('equipment', names('E', process.equipment, 2))}${
            list('workforce', names('F', process.workforce, 2))}${list('locations', names('S', process.locations, 3))}${
            process.inputs.filter(input => input < index).map(input => `  input "from P${input}" from P${input}\n`).join('')}}`);
        if (process.role >= 0) {
            lines.push(`plan Plan${index} "Plan${index}" {\n  covers P${index}\n  response { mobilize { step Step${index} "s" by R${process.role} takes 1m } }\n}`);
        }
    });
    return lines.join('\n');
}

describe('monotonicity of losses', () => {
    it('losing a superset of elements never makes a process more recoverable', async () => {
        await fc.assert(fc.asyncProperty(worldArbitrary, fc.array(fc.nat(), { maxLength: 5 }), fc.array(fc.nat(), { maxLength: 5 }),
            async (world, picked, extra) => {
                const workspace = await buildSnippet(renderWorld(world));
                expectWellFormed(workspace);
                const losable: Element[] = workspace.model.elements.filter(element =>
                    ['site', 'workload', 'supplier', 'person', 'equipment', 'workforce'].includes(element.kind));
                const lost = picked.map(index => losable[index % losable.length]);
                const more = [...lost, ...extra.map(index => losable[index % losable.length])];
                const under = new Map(workspace.analysis.simulateLoss(lost).map(outcome => [outcome.process.name, outcome.recoverable]));
                for (const outcome of workspace.analysis.simulateLoss(more)) {
                    if (!under.get(outcome.process.name)) {
                        expect(outcome.recoverable, `${outcome.process.name} after losing more`).toBe(false);
                    }
                }
                // And nothing lost, nothing stranded.
                expect(workspace.analysis.simulateLoss([]).every(outcome => outcome.recoverable)).toBe(true);
            }), { seed: SEED, numRuns: 30 });
    });
});
