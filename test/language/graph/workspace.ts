import { EmptyFileSystem, type LangiumDocument, URI } from 'langium';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseIsoDate } from '../../../packages/language/src/analysis/date.js';
import type { Analysis } from '../../../packages/language/src/analysis/types.js';
import { createDrPlanServices } from '../../../packages/language/src/drplan-module.js';

export const EXAMPLES = join(__dirname, '../../../examples');

/** The analysis of a set of files built together as one workspace (parseHelper builds each file alone). */
export async function analyse(files: Record<string, string>, asOf = '2026-11-21'): Promise<Analysis> {
    const services = createDrPlanServices(EmptyFileSystem);
    const documents: LangiumDocument[] = [];
    for (const [name, text] of Object.entries(files)) {
        const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`file:///ws/${name}`));
        services.shared.workspace.LangiumDocuments.addDocument(document);
        documents.push(document);
    }
    await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
    const workspace = services.DrPlan.analysis.WorkspaceAnalysis;
    workspace.setAsOf(parseIsoDate(asOf));
    return workspace.analysis;
}

/** The analysis of every .drplan file of an example folder. */
export async function analyseExample(folder: string, asOf = '2026-11-21'): Promise<Analysis> {
    const directory = join(EXAMPLES, folder);
    const files: Record<string, string> = {};
    for (const name of readdirSync(directory).filter(file => file.endsWith('.drplan'))) {
        files[name] = readFileSync(join(directory, name), 'utf8');
    }
    return analyse(files, asOf);
}
