import { DocumentState } from 'langium';
import { describe, expect, it } from 'vitest';
import { HEALTHY_FILES, healthyEdited } from './healthy-plan.js';
import { buildWorkspace, edit, uriOf } from './workspace.js';

describe('diagnostics across files', () => {
    it('puts a diagnostic in the file of the element it is about, whatever file caused it', async () => {
        // Db's slower recovery (workloads.drplan) misses Sales's RTO (processes.drplan).
        const workspace = await buildWorkspace(healthyEdited(['workloads.drplan', 'recovery-time 30m tested 2026-10-01', 'recovery-time 3h tested 2026-10-01']));
        expect(workspace.diagnostics['processes.drplan'].map(d => [d.code, d.element, d.text])).toEqual([['rto-gap', 'Sales', 'rto 4h']]);
        expect(workspace.diagnostics['workloads.drplan']).toEqual([]);
        expect(workspace.withCode('rto-gap')[0].message).toContain('Sales recovers in 5h');
    });

    it('reports a SPOF in the file that declares the person, caused by the roles file', async () => {
        const workspace = await buildWorkspace(healthyEdited(['people.drplan', 'filled-by Cid, Dee', 'filled-by Cid']));
        expect(workspace.diagnostics['people.drplan'].map(d => [d.code, d.element, d.line])).toEqual([['spof', 'Cid', 4]]);
    });

    it('reports failover-order in the recovery plan\'s file because of a depends-on in the workloads file', async () => {
        const workspace = await buildWorkspace(healthyEdited(['workloads.drplan', '  depends-on Db, Identity', '  depends-on Db, Identity\n  depends-on Identity']));
        expect(workspace.diagnostics['workloads.drplan'].map(d => d.code)).toEqual(['duplicate-property']);
        expect(workspace.diagnostics['failover.drplan']).toEqual([]);
        const reordered = await buildWorkspace(healthyEdited(['failover.drplan', 'group First { workloads Identity }', 'group First { workloads Identity, Db }']));
        expect(reordered.diagnostics['failover.drplan'].map(d => [d.code, d.severity, d.element])).toEqual([['failover-order', 'warning', 'Db']]);
    });
});

describe('after an edit in one file', () => {
    it('updates the diagnostics of a file that refers to the edited one', async () => {
        const workspace = await buildWorkspace(HEALTHY_FILES);
        expect(workspace.all()).toEqual([]);
        await workspace.change('workloads.drplan', edit(HEALTHY_FILES['workloads.drplan'], 'recovery-time 15m tested 2026-10-01', 'recovery-time 2h tested 2026-10-01'));
        // App now ready at 2h15m + 2h = 4h15m.
        expect(workspace.diagnostics['processes.drplan'].map(d => [d.code, d.element])).toEqual([['rto-gap', 'Sales']]);
        expect(workspace.diagnostics['processes.drplan'][0].message).toContain('4h15m');
        await workspace.change('workloads.drplan', HEALTHY_FILES['workloads.drplan']);
        expect(workspace.all()).toEqual([]);
    });

    it('resolves a reference once another file declares the name, and breaks it when the declaration goes', async () => {
        const workspace = await buildWorkspace({
            'a.drplan': 'workload Db "Db" {\n  runs-at Seattle\n  backup tape every 1d\n}\n',
            'b.drplan': '// nothing yet\n',
        });
        expect(workspace.diagnostics['a.drplan'].map(d => [d.code, d.text])).toEqual([['unresolved-reference', 'Seattle']]);
        await workspace.change('b.drplan', 'site Seattle "Seattle" { kind on-premises }\n');
        expect(workspace.all()).toEqual([]);
        await workspace.change('b.drplan', '// gone again\n');
        expect(workspace.diagnostics['a.drplan'].map(d => [d.code, d.text])).toEqual([['unresolved-reference', 'Seattle']]);
    });

    // A reference to a name declared twice resolves to the declaration in its own file, else to the
    // first in the order of the files' paths (LANGUAGE.md): a file that does not change can still
    // have to be linked again when an edit declares one of its names in an earlier file.
    it('moves the references of unedited files to a name declared again in an earlier file, and back', async () => {
        const files = {
            'b.drplan': 'workload Db "Db" {\n  recovery-time 1h tested 2026-10-01\n}\n',
            'c.drplan': 'workload App "App" {\n  recovery-time 1h tested 2026-10-01\n  depends-on Db\n}\n'
                + 'process Sales "Sales" {\n  rto 4h\n  workloads App\n}\n',
        };
        // With a connection, as in the editor: the findings of files no build revalidates are refreshed.
        const workspace = await buildWorkspace(files, { connection: true });
        expect(workspace.withCode('rto-gap')).toEqual([]);
        const slowDb = 'workload Db "Db again" {\n  recovery-time 10h tested 2026-10-01\n}\n';
        const linked: string[] = [];
        workspace.services.shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Linked,
            document => { linked.push(document.uri.path.split('/').at(-1)!); });
        await workspace.change('a.drplan', slowDb);
        // The new file, and c.drplan for its reference to Db; not b.drplan, whose references did not move.
        expect(linked.sort()).toEqual(['a.drplan', 'c.drplan']);
        const fresh = await buildWorkspace({ ...files, 'a.drplan': slowDb });
        // App now waits for a.drplan's Db: 10h + 1h misses Sales's RTO, in c.drplan, which nobody edited.
        expect(fresh.withCode('rto-gap').map(d => [d.file, d.element])).toEqual([['c.drplan', 'Sales']]);
        expect(workspace.all()).toEqual(fresh.all());
        // The edit undone: App waits for b.drplan's Db again.
        await workspace.change('a.drplan', '// nothing\n');
        expect(workspace.withCode('rto-gap')).toEqual([]);
        expect(workspace.analysis.processes.get(workspace.element('Sales') as never)?.worst.recoveryTime.value).toBe(2 * 3600);
    });

    it('recomputes the analysis: the cached results follow the edit', async () => {
        const workspace = await buildWorkspace(HEALTHY_FILES);
        const before = workspace.analysis;
        await workspace.change('plan.drplan', edit(HEALTHY_FILES['plan.drplan'], 'staff-effectiveness 50%', 'staff-effectiveness 100%'));
        expect(workspace.analysis).not.toBe(before);
        const sales = [...workspace.analysis.processes.values()].find(result => result.process.name === 'Sales')!;
        // L = 30m, Identity → 50m, Db → 1h20m, CheckDb 10m → 1h30m, SwitchDns → 1h35m, App → 1h50m.
        expect(sales.worst.recoveryTime.value).toBe(3600 + 50 * 60);
    });

    it('gives the analysis findings of a file that does not refer to the edited one', async () => {
        const workspace = await buildWorkspace({
            'a.drplan': 'site Seattle "Seattle" { kind on-premises }\n',
            'b.drplan': 'site Tacoma "Tacoma" { kind on-premises }\n',
        });
        await workspace.change('b.drplan', 'site Seattle "Seattle again" { kind on-premises }\n');
        // The analysis knows at once …
        expect(workspace.workspaceAnalysis.findingsFor(uriOf('a.drplan')).map(f => f.code)).toEqual(['duplicate-name']);
        // … and b, the edited file, shows it.
        expect(workspace.diagnostics['b.drplan'].map(d => d.code)).toEqual(['duplicate-name']);
    });

    // Langium re-validates only the files that refer to the edited one; the language server re-publishes the
    // analysis findings of the others (workspace/findings-refresh.ts), so these run with a connection.
    it('re-publishes the diagnostics of a file that does not refer to the edited one (a duplicate name appears and goes)', async () => {
        const workspace = await buildWorkspace({
            'a.drplan': 'site Seattle "Seattle" { kind on-premises }\n',
            'b.drplan': 'site Tacoma "Tacoma" { kind on-premises }\n',
        }, { connection: true });
        await workspace.change('b.drplan', 'site Seattle "Seattle again" { kind on-premises }\n');
        expect(workspace.diagnostics['a.drplan'].map(d => d.code)).toEqual(['duplicate-name']);
        expect(workspace.published.get('a.drplan')?.map(d => d.code)).toEqual(['duplicate-name']);
        await workspace.change('b.drplan', 'site Tacoma "Tacoma" { kind on-premises }\n');
        expect(workspace.diagnostics['a.drplan']).toEqual([]);
        expect(workspace.published.get('a.drplan')).toEqual([]);
    });

    it('re-publishes a SPOF on a person when the role file changes (the people file refers to nothing there)', async () => {
        const files = {
            'people.drplan': 'person Ann "Ann" { }\nperson Bob "Bob" { }\n',
            'work.drplan': `role Ops "Ops" { filled-by Ann, Bob }
supplier Bank "Bank" { kind vendor alternative Bank2 }
supplier Bank2 "Bank2" { kind vendor alternative Bank }
process Pay "Pay" { criticality critical suppliers Bank }
plan Response "Response" {
  covers Pay
  response { mobilize { step Call "Call" by Ops takes 5m } }
}
`,
        };
        const workspace = await buildWorkspace(files, { connection: true });
        expect(workspace.all()).toEqual([]);
        await workspace.change('work.drplan', edit(files['work.drplan'], 'filled-by Ann, Bob', 'filled-by Ann'));
        expect(workspace.diagnostics['people.drplan'].map(d => [d.code, d.element])).toEqual([['spof', 'Ann']]);
        expect(workspace.published.get('people.drplan')?.map(d => (d.data as { element?: string }).element)).toEqual(['Ann']);
    });
});
