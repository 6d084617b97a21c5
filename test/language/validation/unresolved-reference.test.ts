import { describe, expect, it } from 'vitest';
import { buildSnippet, buildWorkspace } from '../analysis/workspace.js';

describe('unresolved-reference', () => {
    it('is an error on the reference, naming what it looked for, with the declaration as the element', async () => {
        const workspace = await buildSnippet(`
workload Db "Db" {
  runs-at Nowhere
}
`);
        const found = workspace.withCode('unresolved-reference');
        expect(found).toHaveLength(1);
        expect(found[0]).toMatchObject({ severity: 'error', element: 'Db', line: 3, text: 'Nowhere' });
        expect(found[0].message).toContain('Nowhere');
    });

    it('fires for a name of the wrong kind', async () => {
        const workspace = await buildSnippet(`
customer Shop "Shop" { }
workload Db "Db" { stateless runs-at Db }
process Orders "Orders" {
  input "Orders" from Shop
  workloads Shop
}
`);
        const found = workspace.withCode('unresolved-reference');
        expect(found.map(d => [d.line, d.text, d.element])).toEqual([
            [3, 'Db', 'Db'],
            [5, 'Shop', 'Orders'],
            [6, 'Shop', 'Orders'],
        ]);
    });

    it('names the enclosing top-level declaration for references inside steps, actions and RACI rows', async () => {
        const workspace = await buildSnippet(`
recovery-plan Move "Move" {
  group G1 {
    after { manual Check "Check" by Ghost takes 5m }
  }
}
plan Response "Response" {
  response { mobilize { step Declare "Declare" by Phantom takes 5m } }
  raci {
    Nothing: accountable Spectre
  }
}
`);
        const found = workspace.withCode('unresolved-reference');
        expect(found.map(d => [d.line, d.text, d.element])).toEqual([
            [4, 'Ghost', 'Move'],
            [8, 'Phantom', 'Response'],
            [10, 'Nothing', 'Response'],
            [10, 'Spectre', 'Response'],
        ]);
    });

    it('does not let a RACI row name something that is not a step or action', async () => {
        const workspace = await buildSnippet(`
role Ops "Ops" { }
workload Db "Db" { stateless }
plan Response "Response" {
  raci {
    Db: accountable Ops
  }
}
`);
        expect(workspace.withCode('unresolved-reference').map(d => [d.text, d.element])).toEqual([['Db', 'Response']]);
    });

    it('resolves names declared in other files, in any order', async () => {
        const workspace = await buildWorkspace({
            'a.drplan': 'workload Db "Db" { runs-at Seattle failover-to Azure replication asr every 5m }\n',
            'b.drplan': 'site Seattle "Seattle" { kind on-premises }\nsite Azure "Azure" { kind azure }\n',
        });
        expect(workspace.all()).toEqual([]);
    });
});
