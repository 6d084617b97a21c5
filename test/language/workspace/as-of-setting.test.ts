import { DocumentState, EmptyFileSystem, URI } from 'langium';
import { expect, it } from 'vitest';
import { createDrPlanServices } from '../../../packages/language/src/drplan-module.js';

it('changing the drplan.asOf setting validates every document again with the new evaluation date', async () => {
    const services = createDrPlanServices(EmptyFileSystem);
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const document = factory.fromString('workload W { stateless recovery-time 1h tested 2026-09-12 }', URI.parse('file:///ws/a.drplan'));
    services.shared.workspace.LangiumDocuments.addDocument(document);
    services.shared.workspace.ConfigurationProvider.updateConfiguration({ settings: { drplan: { asOf: '2026-11-21' } } });
    await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
    expect(document.diagnostics?.map(d => d.code)).toEqual([]);

    const validated = new Promise<void>(resolve => services.shared.workspace.DocumentBuilder
        .onBuildPhase(DocumentState.Validated, () => resolve()));
    services.shared.workspace.ConfigurationProvider.updateConfiguration({ settings: { drplan: { asOf: '2028-01-01' } } });
    await validated;
    expect(document.diagnostics?.map(d => d.code)).toEqual(['stale-test']);
    expect(services.DrPlan.analysis.WorkspaceAnalysis.evaluationDate.toISOString().slice(0, 10)).toBe('2028-01-01');
});
