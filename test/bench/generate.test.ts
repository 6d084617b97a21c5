import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module of the benchmark, without type declarations
import { applyEdit, BENCH_AS_OF, generateWorkspace } from '../../scripts/bench/generate.mjs';
// @ts-expect-error: a plain ES module of the benchmark, without type declarations
import { likec4Files } from '../../scripts/bench/peer.mjs';
import { buildWorkspace } from '../language/analysis/workspace.js';

interface GeneratedFile { name: string; text: string }
interface Generated {
    files: GeneratedFile[];
    declarations: Array<{ kind: string; name: string; title: string }>;
    relationships: Array<{ kind: string; source: string; target: string }>;
    summary: { workloads: number; processes: number; plans: number; recoveryPlans: number; files: number };
    edit: { file: string; process: string; affectedFiles: string[] };
}

const generate = (options: { workloads: number; seed?: number }): Generated => generateWorkspace(options) as Generated;
const asRecord = (files: GeneratedFile[]) => Object.fromEntries(files.map(file => [file.name, file.text]));

// Whatever a generated workspace concludes, these mean the generator wrote a broken or careless plan.
const MISTAKES = ['syntax', 'unresolved-reference', 'duplicate-name', 'duplicate-property', 'invalid-value',
    'dependency-cycle', 'failover-order', 'plan-site-mismatch', 'raci-accountable', 'failover-same-site'];

describe('the benchmark generator', () => {
    const generated = generate({ workloads: 60 });

    it('writes 80 files that parse and link with no syntax, reference or name mistakes', async () => {
        expect(generated.files).toHaveLength(80);
        const workspace = await buildWorkspace(asRecord(generated.files), { asOf: BENCH_AS_OF });
        expect(workspace.all().filter(diagnostic => MISTAKES.includes(diagnostic.code))).toEqual([]);
        expect(workspace.model.workloads).toHaveLength(60);
        expect(workspace.model.processes).toHaveLength(generated.summary.processes);
        expect(workspace.model.recoveryPlans.length).toBeGreaterThan(0);
        expect(workspace.model.plans.length).toBeGreaterThan(0);
        // A realistic plan still has gaps: the benchmark measures the findings-to-documents mapping too.
        expect(workspace.all().some(diagnostic => diagnostic.code === 'rto-gap' || diagnostic.code === 'unproven')).toBe(true);
    });

    it('gives each workload about three dependencies, within its own cluster or on shared infrastructure', async () => {
        const workspace = await buildWorkspace(asRecord(generate({ workloads: 200 }).files), { asOf: BENCH_AS_OF });
        const workloads = workspace.model.workloads;
        const dependencies = workloads.reduce((sum, workload) => sum + workload.dependsOn.length, 0);
        expect(dependencies / workloads.length).toBeGreaterThan(2.4);
        expect(dependencies / workloads.length).toBeLessThan(3.3);
        const cluster = (name: string) => /^C(\d+)/.exec(name)?.[1];
        for (const workload of workloads) {
            for (const { target } of workload.dependsOn) {
                expect([cluster(workload.name), undefined]).toContain(cluster(target.name));
            }
        }
        expect(workloads.filter(workload => workload.name.startsWith('C')).every(workload =>
            workload.dependsOn.some(({ target }) => /^Dc\d+(Network|Identity|Dns)$/.test(target.name)
                || cluster(target.name) === cluster(workload.name)))).toBe(true);
    });

    it('is deterministic for a size and a seed', () => {
        expect(generate({ workloads: 60 }).files).toEqual(generated.files);
        expect(generate({ workloads: 60, seed: 2 }).files).not.toEqual(generated.files);
    });

    it('chooses an edit whose findings reach a second file', async () => {
        const { edit } = generated;
        expect(new Set(edit.affectedFiles).size).toBe(2);
        const workspace = await buildWorkspace(asRecord(generated.files), { asOf: BENCH_AS_OF });
        const downstreamFile = edit.affectedFiles.find(file => file !== edit.file)!;
        const inversions = () => workspace.withCode('criticality-inversion').filter(diagnostic => diagnostic.file === downstreamFile);
        expect(inversions()).toEqual([]);
        const original = generated.files.find(file => file.name === edit.file)!.text;
        await workspace.change(edit.file, applyEdit(original, edit) as string);
        expect(inversions().map(diagnostic => diagnostic.message).join('\n')).toContain(edit.process);
    });

    it('describes the same elements and relationships for LikeC4', () => {
        const text = (likec4Files(generated) as GeneratedFile[]).map(file => file.text).join('\n');
        const elements = [...text.matchAll(/^ {2}(\w+) (\w+) '/gm)].map(match => match[2]);
        const relationships = [...text.matchAll(/^ {2}(\w+) -\[(\w+)\]-> (\w+)$/gm)];
        expect(elements.sort()).toEqual(generated.declarations.map(declaration => declaration.name).sort());
        expect(relationships).toHaveLength(generated.relationships.length);
        const declared = new Set(elements);
        expect(relationships.every(match => declared.has(match[1]) && declared.has(match[3]))).toBe(true);
    });
});
