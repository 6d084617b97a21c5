import { describe, expect, it } from 'vitest';
import { buildSnippet } from '../analysis/workspace.js';

describe('duplicate-property', () => {
    it('is an error on the second occurrence, naming the declaration; the first one counts', async () => {
        const workspace = await buildSnippet(`
workload Db "Db" { stateless recovery-time 5h estimated }
process Orders "Orders" {
  rto 4h
  rto 8h
  workloads Db
}
`);
        const found = workspace.withCode('duplicate-property');
        expect(found).toHaveLength(1);
        expect(found[0]).toMatchObject({ severity: 'error', element: 'Orders', line: 5, text: 'rto 8h' });
        expect(found[0].message).toContain('rto');
        // Only `rto 4h` counts: 5h exceeds it.
        expect(workspace.withCode('rto-gap').map(d => d.text)).toEqual(['rto 4h']);
    });

    it('applies to list properties and to single-value properties of every kind of declaration', async () => {
        const workspace = await buildSnippet(`
site Here "Here" { kind on-premises kind azure }
workload A "A" { stateless }
workload B "B" { stateless depends-on A depends-on A }
recovery-plan Move "Move" {
  tested 2026-10-01
  tested 2026-10-02
}
plan Response "Response" {
  policy {
    staff-effectiveness 50%
    staff-effectiveness 60%
  }
}
`);
        const found = workspace.withCode('duplicate-property');
        expect(found.map(d => [d.line, d.element, d.text])).toEqual([
            [2, 'Here', 'kind azure'],
            [4, 'B', 'depends-on A'],
            [7, 'Move', 'tested 2026-10-02'],
            [12, 'Response', 'staff-effectiveness 60%'],
        ]);
        // The second `depends-on A`, not the first (column 27).
        expect(found[1].range.start.character).toBe(40);
    });

    it('applies to a repeated phase of a response; only the first counts for the timeline', async () => {
        const workspace = await buildSnippet(`
person P1 "P1" { }
role Ops "Ops" { filled-by P1 }
workload Db "Db" { stateless recovery-time 1h estimated }
process Orders "Orders" { workloads Db }
plan Response "Response" {
  covers Orders
  response {
    mobilize { step First "First" by Ops takes 10m }
    mobilize { step Second "Second" by Ops takes 5h }
  }
}
`);
        const found = workspace.withCode('duplicate-property');
        expect(found.map(d => [d.line, d.element])).toEqual([[10, 'Response']]);
        expect(found[0].text).toMatch(/^mobilize/);
        // L = 10m, then Db 1h.
        expect([...workspace.analysis.processes.values()][0].worst.recoveryTime.value).toBe(70 * 60);
    });

    it('allows repeatable properties: input, output and group', async () => {
        const workspace = await buildSnippet(`
site Here "Here" { kind on-premises }
site There "There" { kind azure }
supplier Bank "Bank" { kind vendor alternative Bank2 }
supplier Bank2 "Bank2" { kind vendor alternative Bank }
customer Shop "Shop" { kind external }
customer Office "Office" { kind internal }
process Orders "Orders" {
  input "Money" from Bank
  input "Refunds" from Bank2
  output "Goods" to Shop
  output "Reports" to Office
}
recovery-plan Move "Move" {
  from Here to There
  tested 2026-10-01
  group G1 { }
  group G2 { }
}
`);
        expect(workspace.all()).toEqual([]);
    });
});
