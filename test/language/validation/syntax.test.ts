import { describe, expect, it } from 'vitest';
import { buildSnippet, buildWorkspace } from '../analysis/workspace.js';

describe('syntax', () => {
    it('uses the code syntax and no element, keeping the parser\'s message', async () => {
        const workspace = await buildSnippet('workload Db "Db" { kind databse }\n');
        const found = workspace.withCode('syntax');
        expect(found.length).toBeGreaterThan(0);
        for (const diagnostic of found) {
            expect(diagnostic.severity).toBe('error');
            expect(diagnostic.element ?? null).toBeNull();
            expect(diagnostic.message.length).toBeGreaterThan(0);
        }
        expect(found[0].line).toBe(1);
        expect(found[0].message).toMatch(/databse|Expecting/);
    });

    it('reports a lexing error (a character no token starts with) as syntax too', async () => {
        const workspace = await buildSnippet('site Here "Here" { kind on-premises } #\n');
        const found = workspace.withCode('syntax');
        expect(found.length).toBeGreaterThan(0);
        expect(found.every(d => d.element == null)).toBe(true);
    });

    it('reports an unclosed declaration', async () => {
        const workspace = await buildSnippet('process Orders "Orders" {\n  rto 4h\n');
        expect(workspace.withCode('syntax').length).toBeGreaterThan(0);
    });

    it('gives every diagnostic of a broken file a code: nothing is left without one', async () => {
        const workspace = await buildSnippet('workload { runs-at }\nprocess P "P" { rto }\n');
        expect(workspace.all().length).toBeGreaterThan(0);
        expect(workspace.all().every(d => d.code !== '')).toBe(true);
    });

    it('does not stop the analysis of the other files', async () => {
        const workspace = await buildWorkspace({
            'broken.drplan': 'site Here "Here" { kind nowhere }\n',
            'fine.drplan': 'workload Db "Db" { runs-at Elsewhere }\nsite Elsewhere "Elsewhere" { kind other }\n',
        });
        expect(workspace.diagnostics['broken.drplan'].map(d => d.code)).toContain('syntax');
        expect(workspace.diagnostics['fine.drplan'].map(d => d.code)).toEqual(['unprotected']);
    });
});
