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
