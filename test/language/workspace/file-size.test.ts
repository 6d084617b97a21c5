import { EmptyFileSystem, URI } from 'langium';
import { expect, it } from 'vitest';
import { createDrPlanServices } from '../../../packages/language/src/drplan-module.js';
import { MAX_FILE_SIZE } from '../../../packages/language/src/workspace/document-factory.js';

it('skips a file over the size limit with one syntax diagnostic, and keeps the rest of the workspace', async () => {
    const services = createDrPlanServices(EmptyFileSystem);
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const line = 'site Huge { kind on-premises }\n';
    const big = factory.fromString(line.repeat(Math.ceil((MAX_FILE_SIZE + 1) / line.length)), URI.parse('file:///ws/big.drplan'));
    const small = factory.fromString('workload W { runs-at Seattle stateless }\nsite Seattle { }', URI.parse('file:///ws/small.drplan'));
    services.shared.workspace.LangiumDocuments.addDocument(big);
    services.shared.workspace.LangiumDocuments.addDocument(small);
    await services.shared.workspace.DocumentBuilder.build([big, small], { validation: true });
    expect(big.diagnostics?.map(d => [d.code, d.message])).toEqual([
        ['syntax', 'This file is 20.0 MB, over drplan\'s limit of 20 MB: it is skipped'],
    ]);
    expect(small.diagnostics).toEqual([]);
});

it('the editor loads the files the CLI checks: node_modules and dot-folders are skipped, out/ is not', async () => {
    const services = createDrPlanServices(EmptyFileSystem);
    const manager = services.shared.workspace.WorkspaceManager;
    const entry = (path: string, isDirectory: boolean) => ({ uri: URI.parse(`file:///ws/${path}`), isDirectory, isFile: !isDirectory });
    expect(manager.shouldIncludeEntry(entry('out', true))).toBe(true);
    expect(manager.shouldIncludeEntry(entry('node_modules', true))).toBe(false);
    expect(manager.shouldIncludeEntry(entry('.git', true))).toBe(false);
    expect(manager.shouldIncludeEntry(entry('plan.drplan', false))).toBe(true);
    expect(manager.shouldIncludeEntry(entry('notes.md', false))).toBe(false);
});
