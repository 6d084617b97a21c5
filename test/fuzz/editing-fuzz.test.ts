import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildWorkspace, type FileDiagnostic } from '../language/analysis/workspace.js';
import { fuzzParameters, fuzzTimeout } from './fuzz-settings.js';
import { exampleWorkspaces, mutatedTextArbitrary } from './mutations.js';

// Typing, as the editor sees it: an example workspace is edited file after file (each edit a mutation,
// possibly breaking the syntax, then maybe undone), and Langium rebuilds only what each edit affects.
// After every edit the editor features answer; after the last one, the diagnostics of every file are
// exactly those of the same texts built from scratch: incremental rebuilding never leaves a stale
// diagnostic behind or misses a new one.

interface Edit {
    file: string;
    text: string;
    applied: string[];
}

const sessionArbitrary = fc.integer({ min: 0, max: exampleWorkspaces.length - 1 }).chain(index => {
    const files = exampleWorkspaces[index];
    const names = Object.keys(files);
    const edit = fc.constantFrom(...names).chain(file => fc.oneof(
        { weight: 4, arbitrary: mutatedTextArbitrary(files[file], 2).map(mutated => ({ file, text: mutated.text, applied: mutated.applied })) },
        // Undo: the file back as it was.
        { weight: 1, arbitrary: fc.constant({ file, text: files[file], applied: ['undo'] }) },
    ));
    return fc.record({ files: fc.constant(files), edits: fc.array(edit, { minLength: 1, maxLength: 5 }), position: fc.nat() });
});

/** What a user sees of a diagnostic, in a stable order. */
function shown(diagnostics: FileDiagnostic[]): string[] {
    return diagnostics.map(diagnostic => `${diagnostic.file}:${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1}-`
        + `${diagnostic.range.end.line + 1}:${diagnostic.range.end.character + 1} ${diagnostic.code} ${diagnostic.message}`).sort();
}

describe('editing a workspace', () => {
    it('after any sequence of edits, the diagnostics are those of a fresh build of the same texts', async () => {
        await fc.assert(fc.asyncProperty(sessionArbitrary, async ({ files, edits, position }) => {
            // With a connection, as in the editor: findings of files an edit did not rebuild are refreshed too.
            const workspace = await buildWorkspace(files, { connection: true });
            const texts: Record<string, string> = { ...files };
            const logged: string[] = [];
            const { error } = console;
            console.error = (...args: unknown[]) => { logged.push(args.map(String).join(' ')); };
            try {
                for (const edit of edits as Edit[]) {
                    texts[edit.file] = edit.text;
                    await workspace.change(edit.file, edit.text);
                    const document = workspace.documents.get(edit.file)!;
                    const params = { textDocument: { uri: document.uri.toString() },
                        position: document.textDocument.positionAt(position % (edit.text.length + 1)) };
                    await workspace.services.DrPlan.lsp.HoverProvider!.getHoverContent(document, params);
                    await workspace.services.DrPlan.lsp.CodeLensProvider!.provideCodeLens(document, params);
                    void workspace.analysis.findings.length;
                }
            } finally {
                console.error = error;
            }
            const fresh = await buildWorkspace(texts);
            const steps = (edits as Edit[]).map(edit => `${edit.file}: ${edit.applied.join(', ')}`).join('; ');
            expect(logged, steps).toEqual([]);
            expect(shown(workspace.all()), steps).toEqual(shown(fresh.all()));
        }), fuzzParameters(12));
    }, fuzzTimeout(40_000));
});
