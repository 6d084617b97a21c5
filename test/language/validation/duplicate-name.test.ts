import { describe, expect, it } from 'vitest';
import { buildSnippet, buildWorkspace } from '../analysis/workspace.js';

describe('duplicate-name', () => {
    it('is an error on every occurrence, across files, each naming its own declaration', async () => {
        const workspace = await buildWorkspace({
            'a.drplan': 'site Seattle "Seattle" { kind on-premises }\n',
            'b.drplan': '// the same name again\nsite Seattle "Seattle again" { kind azure }\n',
        });
        const found = workspace.withCode('duplicate-name');
        expect(found.map(d => [d.file, d.line, d.text, d.element, d.severity])).toEqual([
            ['a.drplan', 1, 'Seattle', 'Seattle', 'error'],
            ['b.drplan', 2, 'Seattle', 'Seattle', 'error'],
        ]);
        expect(found.every(d => d.message.includes('Seattle'))).toBe(true);
    });

    it('counts declarations of different kinds under one name', async () => {
        const workspace = await buildSnippet(`
site Orders "Orders site" { kind other }
process Orders "Orders" { }
`);
        const found = workspace.withCode('duplicate-name');
        expect(found.map(d => [d.line, d.element])).toEqual([[2, 'Orders'], [3, 'Orders']]);
    });

    it('reports every one of three occurrences', async () => {
        const workspace = await buildWorkspace({
            'a.drplan': 'customer Shop "Shop" { }\n',
            'b.drplan': 'customer Shop "Shop" { }\n',
            'c.drplan': 'supplier Shop "Shop" { }\n',
        });
        expect(workspace.withCode('duplicate-name').map(d => d.file)).toEqual(['a.drplan', 'b.drplan', 'c.drplan']);
    });

    it('includes groups, steps and actions, naming their enclosing declaration as the element', async () => {
        const workspace = await buildWorkspace({
            'workloads.drplan': 'workload Db "Db" { stateless }\n',
            'plans.drplan': `recovery-plan Move "Move" {
  group Db { workloads Db }
  group Apps {
    after { script Check "check.ps1" on recovery takes 1m }
  }
}
role Ops "Ops" { }
plan Response "Response" {
  response { mobilize { step Check "Check" by Ops takes 1m } }
}
`,
        });
        const found = workspace.withCode('duplicate-name');
        expect(found.map(d => [d.file, d.line, d.text, d.element])).toEqual([
            ['workloads.drplan', 1, 'Db', 'Db'],
            ['plans.drplan', 2, 'Db', 'Move'],
            ['plans.drplan', 4, 'Check', 'Move'],
            ['plans.drplan', 9, 'Check', 'Response'],
        ]);
    });

    it('stays silent for distinct names, and names differing only in case are distinct', async () => {
        const workspace = await buildSnippet('site Seattle "S" { kind other }\nsite seattle "s" { kind other }\n');
        expect(workspace.all()).toEqual([]);
    });
});
