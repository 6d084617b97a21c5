import { describe, expect, it } from 'vitest';
import { buildSnippet, buildWorkspace, edit } from './workspace.js';

/** One high-criticality process with nothing single: W fails over, two people fill Ops. */
const BASE = `
site Here "Here" { kind on-premises }
site There "There" { kind azure }
site Elsewhere "Elsewhere" { kind colocation }
person P1 "P1" { }
person P2 "P2" { }
role Ops "Ops" { filled-by P1, P2 }
workload W "W" {
  runs-at Here
  failover-to There
  replication asr every 5m
  recovery-time 10m estimated
}
process Proc "Proc" {
  criticality high
  workloads W
}
`;

async function spofs(text: string) {
    const workspace = await buildSnippet(text);
    return workspace.withCode('spof');
}

describe('spof', () => {
    it('stays silent when nothing is single', async () => {
        expect(await spofs(BASE)).toEqual([]);
    });

    it('reports a workload without failover-to and with one instance, and the site it runs at', async () => {
        const found = await spofs(edit(BASE, 'failover-to There\n', ''));
        expect(found.map(d => d.element).sort()).toEqual(['Here', 'W']);
        const workload = found.find(d => d.element === 'W')!;
        expect(workload).toMatchObject({ severity: 'warning', text: 'W' });
        expect(workload.range.start.line).toBe(BASE.split('\n').findIndex(line => line.startsWith('workload W')));
        expect(workload.message).toContain('Proc');
        expect(workload.message).toContain('workload');
        const site = found.find(d => d.element === 'Here')!;
        expect(site.text).toBe('Here');
        expect(site.message).toContain('site');
        expect(site.message).toContain('Proc');
    });

    it('reports only the site for a workload with 2 instances and no failover site', async () => {
        const found = await spofs(edit(BASE, 'failover-to There\n', 'instances 2\n'));
        expect(found.map(d => d.element)).toEqual(['Here']);
    });

    it('reports a supplier without alternative, from suppliers or from an input', async () => {
        const listed = await spofs(edit(BASE, '  workloads W\n', '  workloads W\n  suppliers Gateway\n')
            + 'supplier Gateway "Gateway" { kind vendor }\n');
        expect(listed.map(d => d.element)).toEqual(['Gateway']);
        expect(listed[0].message).toContain('supplier');
        expect(listed[0].message).toContain('Proc');
        const input = await spofs(edit(BASE, '  workloads W\n', '  workloads W\n  input "Card authorisations" from Gateway\n')
            + 'supplier Gateway "Gateway" { kind vendor }\n');
        expect(input.map(d => d.element)).toEqual(['Gateway']);
    });

    it('does not report a supplier that has an alternative (nor the alternative)', async () => {
        const found = await spofs(edit(BASE, '  workloads W\n', '  workloads W\n  suppliers Gateway\n')
            + 'supplier Gateway "Gateway" { kind vendor alternative Backup }\nsupplier Backup "Backup" { kind vendor }\n');
        expect(found).toEqual([]);
    });

    it('reports the only person in a role that runs a step of a plan covering the process', async () => {
        const text = edit(BASE, 'filled-by P1, P2', 'filled-by P1') + `
plan Response "Response" {
  covers Proc
  response { mobilize { step Declare "Declare" by Ops takes 10m } }
}
`;
        const found = await spofs(text);
        expect(found.map(d => d.element)).toEqual(['P1']);
        expect(found[0].message).toContain('person');
        expect(found[0].message).toContain('Proc');
        expect(await spofs(edit(text, 'filled-by P1', 'filled-by P1, P2'))).toEqual([]);
    });

    it('reports the only person in the role of a manual action of an executed recovery plan', async () => {
        const text = edit(BASE, 'filled-by P1, P2', 'filled-by P1') + `
recovery-plan Move "Move" {
  from Here to There
  tested 2026-10-01
  group One {
    workloads W
    after { manual Check "Check" by Ops takes 5m }
  }
}
plan Response "Response" {
  covers Proc
  response { stabilize { execute Move } }
}
`;
        expect((await spofs(text)).map(d => d.element)).toEqual(['P1']);
    });

    it('does not count owner roles, nor roles of plans that do not cover the process', async () => {
        const text = edit(edit(BASE, 'filled-by P1, P2', 'filled-by P1'), '  criticality high\n', '  criticality high\n  owner Ops\n') + `
plan Other "Other" {
  owner Ops
  response { mobilize { step Declare "Declare" by Ops takes 10m } }
}
`;
        expect(await spofs(text)).toEqual([]);
    });

    it('reports equipment without spares, and the site of equipment with spares but no alternate site', async () => {
        const noSpares = await spofs(edit(BASE, '  workloads W\n', '  workloads W\n  equipment Printers\n')
            + 'equipment Printers "Printers" { at Here alternate-site Elsewhere }\n');
        expect(noSpares.map(d => d.element)).toEqual(['Printers']);
        expect(noSpares[0].message).toContain('equipment');
        const spares = await spofs(edit(BASE, '  workloads W\n', '  workloads W\n  equipment Printers\n')
            + 'equipment Printers "Printers" { at Here spares 2 }\n');
        expect(spares.map(d => d.element)).toEqual(['Here']);
        const safe = await spofs(edit(BASE, '  workloads W\n', '  workloads W\n  equipment Printers\n')
            + 'equipment Printers "Printers" { at Here spares 2 alternate-site Elsewhere }\n');
        expect(safe).toEqual([]);
    });

    it('reports the site of a workforce without alternate site, never the workforce itself', async () => {
        const single = await spofs(edit(BASE, '  workloads W\n', '  workloads W\n  workforce Pickers\n')
            + 'workforce Pickers "Pickers" { at Here }\n');
        expect(single.map(d => d.element)).toEqual(['Here']);
        const alternate = await spofs(edit(BASE, '  workloads W\n', '  workloads W\n  workforce Pickers\n')
            + 'workforce Pickers "Pickers" { at Here alternate-site Elsewhere }\n');
        expect(alternate).toEqual([]);
    });

    it('reports the only location of a process, not one of two', async () => {
        expect((await spofs(edit(BASE, '  workloads W\n', '  workloads W\n  locations Elsewhere\n'))).map(d => d.element))
            .toEqual(['Elsewhere']);
        expect(await spofs(edit(BASE, '  workloads W\n', '  workloads W\n  locations Elsewhere, Here\n'))).toEqual([]);
    });

    it('follows data holders and transitive dependencies', async () => {
        const text = edit(BASE, '  workloads W\n', '  workloads W\n  data Ledger\n') + `
workload Vault "Vault" { runs-at There backup tape every 1d instances 2 }
workload Dns "Dns" { runs-at Elsewhere stateless instances 1 }
data Ledger "Ledger" { held-by Vault }
`;
        const found = await spofs(edit(text, 'recovery-time 10m estimated', 'recovery-time 10m estimated\n  depends-on Dns'));
        expect(found.map(d => d.element).sort()).toEqual(['Dns', 'Elsewhere', 'There']);
    });

    it('reports what an upstream process (input … from) cannot lose, for the downstream process too', async () => {
        const text = BASE + `
workload Ledger "Ledger" { runs-at Here failover-to There instances 1 backup tape every 1d }
supplier Bank "Bank" { kind vendor }
process Billing "Billing" {
  criticality low
  suppliers Bank
  workloads Ledger
}
`;
        expect(await spofs(text)).toEqual([]);
        const found = await spofs(edit(text, '  workloads W\n', '  workloads W\n  input "Invoices" from Billing\n'));
        expect(found.map(d => d.element)).toEqual(['Bank']);
        expect(found[0].message).toContain('Proc');
    });

    describe('spof-threshold', () => {
        const singleSupplier = edit(BASE, '  workloads W\n', '  workloads W\n  suppliers Gateway\n')
            + 'supplier Gateway "Gateway" { kind vendor }\n';

        it('checks processes no plan covers at high: a process without criticality (medium) is not checked', async () => {
            expect(await spofs(edit(singleSupplier, '  criticality high\n', ''))).toEqual([]);
            expect(await spofs(edit(singleSupplier, 'criticality high', 'criticality medium'))).toEqual([]);
            expect(await spofs(edit(singleSupplier, 'criticality high', 'criticality critical'))).toHaveLength(1);
        });

        it('uses the threshold of the covering plan', async () => {
            const covered = (threshold: string, criticality: string) => edit(singleSupplier, 'criticality high', `criticality ${criticality}`)
                + `plan Response "Response" {\n  covers Proc\n  policy { spof-threshold ${threshold} }\n}\n`;
            expect(await spofs(covered('critical', 'high'))).toEqual([]);
            expect(await spofs(covered('critical', 'critical'))).toHaveLength(1);
            expect(await spofs(covered('low', 'low'))).toHaveLength(1);
            expect(await spofs(covered('medium', 'low'))).toEqual([]);
        });

        it('defaults a covering plan without policy to high', async () => {
            const covered = edit(singleSupplier, 'criticality high', 'criticality medium')
                + 'plan Response "Response" {\n  covers Proc\n}\n';
            expect(await spofs(covered)).toEqual([]);
        });

        it('checks a process at or above the threshold of any plan that covers it', async () => {
            const text = edit(singleSupplier, 'criticality high', 'criticality medium')
                + 'plan Strict "Strict" {\n  covers Proc\n  policy { spof-threshold critical }\n}\n'
                + 'plan Loose "Loose" {\n  covers Proc\n  policy { spof-threshold medium }\n}\n';
            expect((await spofs(text)).map(d => d.element)).toEqual(['Gateway']);
        });
    });

    it('reports an element once, naming every process it strands', async () => {
        const text = edit(BASE, '  workloads W\n', '  workloads W\n  suppliers Gateway\n')
            + 'supplier Gateway "Gateway" { kind vendor }\nprocess Refunds "Refunds" {\n  criticality critical\n  suppliers Gateway\n}\n';
        const found = await spofs(text);
        expect(found).toHaveLength(1);
        expect(found[0].message).toContain('Proc');
        expect(found[0].message).toContain('Refunds');
    });

    it('is reported in the file that declares the lost element', async () => {
        const workspace = await buildWorkspace({
            'process.drplan': edit(BASE, '  workloads W\n', '  workloads W\n  suppliers Gateway\n'),
            'suppliers.drplan': '// suppliers\nsupplier Gateway "Gateway" { kind vendor }\n',
        });
        expect(workspace.diagnostics['process.drplan']).toEqual([]);
        expect(workspace.diagnostics['suppliers.drplan'].map(d => [d.code, d.element, d.line, d.text]))
            .toEqual([['spof', 'Gateway', 2, 'Gateway']]);
    });
});
