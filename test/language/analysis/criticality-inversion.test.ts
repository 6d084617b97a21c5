import { describe, expect, it } from 'vitest';
import { buildSnippet } from './workspace.js';

const pair = (downstream: string, upstream: string) => `
process Orders "Orders" {
  ${downstream}
  input "Stock levels" from Stock
}
process Stock "Stock" {
  ${upstream}
}
`;

async function inversions(downstream: string, upstream: string) {
    return (await buildSnippet(pair(downstream, upstream))).withCode('criticality-inversion');
}

describe('criticality-inversion', () => {
    it('warns on the input when the upstream process is less critical, naming both and their criticalities', async () => {
        const found = await inversions('criticality critical', 'criticality high');
        expect(found).toHaveLength(1);
        expect(found[0]).toMatchObject({ severity: 'warning', element: 'Orders', line: 4 });
        expect(found[0].text).toBe('input "Stock levels" from Stock');
        expect(found[0].message).toContain('Stock');
        expect(found[0].message).toContain('critical');
        expect(found[0].message).toContain('high');
    });

    it('says "input" for an input whose description the parser lost, never "undefined"', async () => {
        const workspace = await buildSnippet(pair('criticality critical', 'criticality high').replace('"Stock levels" ', ''));
        const [found] = workspace.withCode('criticality-inversion');
        expect(found.message).toMatch(/^Orders takes input from Stock, which is planned to recover later/);
        expect(workspace.withCode('syntax')).toHaveLength(1);
    });

    it('warns when the upstream process has a longer RTO, naming both RTOs', async () => {
        const found = await inversions('criticality high rto 4h', 'criticality high rto 6h');
        expect(found).toHaveLength(1);
        expect(found[0].message).toContain('6h');
        expect(found[0].message).toContain('4h');
    });

    it('stays silent when the upstream process is as critical and recovers as fast or faster', async () => {
        expect(await inversions('criticality high rto 4h', 'criticality high rto 4h')).toEqual([]);
        expect(await inversions('criticality high rto 4h', 'criticality critical rto 1h')).toEqual([]);
    });

    it('treats an undeclared criticality as medium', async () => {
        expect(await inversions('criticality high', '')).toHaveLength(1);
        expect(await inversions('criticality medium', '')).toEqual([]);
        expect(await inversions('', 'criticality low')).toHaveLength(1);
    });

    it('stays silent for an input from a supplier', async () => {
        const workspace = await buildSnippet(`
supplier Bank "Bank" { kind vendor alternative Bank2 }
supplier Bank2 "Bank2" { kind vendor alternative Bank }
process Orders "Orders" {
  criticality critical
  rto 1h
  input "Money" from Bank
}
`);
        expect(workspace.all()).toEqual([]);
    });
});
