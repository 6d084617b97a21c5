import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDrPlanServices } from '../../../packages/language/src/drplan-module.js';
import type { Document } from '../../../packages/language/src/generated/ast.js';

const notUtf8 = 'This file is not UTF-8 text: the character here could not be read, and is shown as \uFFFD. '
    + 'Save the file as UTF-8; as it is, reports and runbooks would show \uFFFD too';

/** A workspace of files on disk, read as the language server reads a file no editor has open. */
async function workspaceOf(files: Record<string, Buffer>) {
    const folder = mkdtempSync(path.join(tmpdir(), 'drplan-encoding-'));
    const services = createDrPlanServices(NodeFileSystem);
    const { LangiumDocumentFactory, LangiumDocuments, DocumentBuilder } = services.shared.workspace;
    const documents = [];
    for (const [name, bytes] of Object.entries(files)) {
        writeFileSync(path.join(folder, name), bytes);
        const document = await LangiumDocumentFactory.fromUri<Document>(URI.file(path.join(folder, name)));
        LangiumDocuments.addDocument(document);
        documents.push(document);
    }
    await DocumentBuilder.build(documents, { validation: true });
    return { folder, services, documents };
}

const errors = (document: { diagnostics?: Array<{ code?: unknown; range: { start: unknown }; message: string }> }) =>
    document.diagnostics?.map(d => [d.code, d.range.start, d.message]);

const plan = 'site Zurich "Zürich DC" { kind on-premises }\n\nsite Geneva "Genève" { kind on-premises }\n';

describe('files read from disk', () => {
    it('one that is not UTF-8 gets one syntax error at its first unreadable character, and is still parsed', async () => {
        const { documents: [latin1] } = await workspaceOf({ 'latin1.drplan': Buffer.from(plan, 'latin1') });
        expect(errors(latin1)).toEqual([['syntax', { line: 0, character: 14 }, notUtf8]]);
        expect(latin1.parseResult.value.declarations.map(declaration => declaration.name)).toEqual(['Zurich', 'Geneva']);
    });

    it('UTF-16 with its byte order mark (as Windows PowerShell 5 writes files) gets the error at its start', async () => {
        const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(plan, 'utf16le')]);
        const { documents: [document] } = await workspaceOf({ 'utf16.drplan': utf16 });
        // Beside the lexer's own errors about the same bytes.
        expect(errors(document)).toContainEqual(['syntax', { line: 0, character: 0 }, notUtf8]);
    });

    it('a U+FFFD written in UTF-8 is text like any other, and does not hide an unreadable byte after it', async () => {
        const { documents: [written, mixed] } = await workspaceOf({
            'written.drplan': Buffer.from('site A "\uFFFD is the replacement character" { }\n', 'utf8'),
            'mixed.drplan': Buffer.concat([Buffer.from('site B "\uFFFD" { }\n', 'utf8'), Buffer.from('site C "Genève" { }\n', 'latin1')]),
        });
        expect(errors(written)).toEqual([]);
        expect(errors(mixed)).toEqual([['syntax', { line: 1, character: 11 }, notUtf8]]);
    });

    it('UTF-8 with or without a byte order mark, and beyond Latin-1, is read without a diagnostic', async () => {
        const { documents } = await workspaceOf({
            'utf8.drplan': Buffer.from(plan, 'utf8'),
            'bom.drplan': Buffer.from(`\uFEFFsite Basel "Basel" { kind on-premises }\r\n`, 'utf8'),
            'wide.drplan': Buffer.from('site Tokyo "東京 データセンター 🏢" { kind on-premises }\n', 'utf8'),
        });
        expect(documents.map(errors)).toEqual([[], [], []]);
    });

    it('the error goes when the file is saved as UTF-8, and comes back when it is not', async () => {
        const { folder, services, documents: [document] } = await workspaceOf({ 'sites.drplan': Buffer.from(plan, 'latin1') });
        const uri = URI.file(path.join(folder, 'sites.drplan'));
        writeFileSync(uri.fsPath, plan, 'utf8');
        await services.shared.workspace.DocumentBuilder.update([uri], []);
        expect(errors(document)).toEqual([]);
        writeFileSync(uri.fsPath, Buffer.from(plan, 'latin1'));
        await services.shared.workspace.DocumentBuilder.update([uri], []);
        expect(errors(document)).toEqual([['syntax', { line: 0, character: 14 }, notUtf8]]);
    });
});
