import { type AstNode, EmptyFileSystem, isReference, type LangiumDocument } from 'langium';
import { expectFormatting, parseHelper } from 'langium/test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { FormattingOptions } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createDrPlanServices } from '../../../packages/language/src/drplan-module.js';

const services = createDrPlanServices(EmptyFileSystem);
const parse = parseHelper(services.DrPlan);
const formatter = services.DrPlan.lsp.Formatter!;
const expectFormat = expectFormatting(services.DrPlan);
const repositoryRoot = join(import.meta.dirname, '../../..');

async function format(text: string, options: FormattingOptions = { tabSize: 4, insertSpaces: true }): Promise<string> {
    const document = await parse(text);
    const edits = await formatter.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options });
    return TextDocument.applyEdits(document.textDocument, edits);
}

/** The AST without positions or CST: what a document means, independent of its layout. */
function shape(node: unknown): unknown {
    if (Array.isArray(node)) {
        return node.map(shape);
    }
    if (isReference(node)) {
        return { ref: node.$refText };
    }
    if (node instanceof Date) {
        return node.getTime();
    }
    if (node && typeof node === 'object') {
        const result: Record<string, unknown> = { $type: (node as AstNode).$type };
        for (const [key, value] of Object.entries(node)) {
            if (!key.startsWith('$')) {
                result[key] = shape(value);
            }
        }
        return result;
    }
    return node;
}

function drplanFiles(folder: string): string[] {
    let entries: string[];
    try {
        entries = readdirSync(folder);
    } catch {
        return [];
    }
    return entries.flatMap(entry => {
        const path = join(folder, entry);
        if (statSync(path).isDirectory()) {
            return drplanFiles(path);
        }
        return entry.endsWith('.drplan') ? [path] : [];
    }).sort();
}

describe('formatter: canonical layout', () => {
    test('puts each declaration on its own lines, a blank line between, properties indented by two spaces', async () => {
        await expectFormat({
            before: 'site Seattle "Seattle primary datacenter" { kind on-premises } site AzureWestUS2 "Azure West US 2" { kind azure region "westus2" }',
            after: [
                'site Seattle "Seattle primary datacenter" {',
                '  kind on-premises',
                '}',
                '',
                'site AzureWestUS2 "Azure West US 2" {',
                '  kind azure',
                '  region "westus2"',
                '}',
                '',
            ].join('\n'),
            disposeAfterCheck: true,
        });
    });

    test('indents nested blocks by four spaces and more: groups, actions, policy, phases, steps, RACI rows', async () => {
        await expectFormat({
            before: [
                'recovery-plan OrderTierFailover "Fail the order tier over" { from Seattle to AzureWestUS2 tested 2026-09-12',
                'group Data { workloads OrderDb after { manual VerifyListener "Verify the AG listener" by DBA takes 15m } }',
                'group Apps { before { script UpdateDns "scripts/update-dns.ps1" on recovery takes 5m } workloads OrderApp ,WebShop',
                '  after  { automation WarmCaches "rb-warm-caches" takes 10m only planned ,  unplanned } } }',
                'plan ContosoRetail { owner CIO covers OrderFulfilment,Payments policy { test-validity 365d staff-effectiveness 50% }',
                'response { mobilize { step Declare "Declare a disaster" by IncidentCommander takes 30m }',
                'stabilize { execute OrderTierFailover step SmokeTest "Smoke-test order entry" by AppTeam takes 20m } }',
                'raci { Declare : accountable CIO responsible IncidentCommander VerifyListener: accountable OpsLead } }',
            ].join('\n'),
            after: [
                'recovery-plan OrderTierFailover "Fail the order tier over" {',
                '  from Seattle to AzureWestUS2',
                '  tested 2026-09-12',
                '  group Data {',
                '    workloads OrderDb',
                '    after {',
                '      manual VerifyListener "Verify the AG listener" by DBA takes 15m',
                '    }',
                '  }',
                '  group Apps {',
                '    before {',
                '      script UpdateDns "scripts/update-dns.ps1" on recovery takes 5m',
                '    }',
                '    workloads OrderApp, WebShop',
                '    after {',
                '      automation WarmCaches "rb-warm-caches" takes 10m only planned, unplanned',
                '    }',
                '  }',
                '}',
                '',
                'plan ContosoRetail {',
                '  owner CIO',
                '  covers OrderFulfilment, Payments',
                '  policy {',
                '    test-validity 365d',
                '    staff-effectiveness 50%',
                '  }',
                '  response {',
                '    mobilize {',
                '      step Declare "Declare a disaster" by IncidentCommander takes 30m',
                '    }',
                '    stabilize {',
                '      execute OrderTierFailover',
                '      step SmokeTest "Smoke-test order entry" by AppTeam takes 20m',
                '    }',
                '  }',
                '  raci {',
                '    Declare: accountable CIO responsible IncidentCommander',
                '    VerifyListener: accountable OpsLead',
                '  }',
                '}',
                '',
            ].join('\n'),
            disposeAfterCheck: true,
        });
    });

    test('writes a declaration without properties as `{}`', async () => {
        expect(await format('site Empty {   }\nrole R "R" {\n\n}\nrecovery-plan P { group G { } }')).toBe([
            'site Empty {}',
            '',
            'role R "R" {}',
            '',
            'recovery-plan P {',
            '  group G {}',
            '}',
            '',
        ].join('\n'));
    });

    test('collapses extra spaces, tabs and blank lines, removes trailing whitespace and ends with one newline', async () => {
        const before = '\n\n\tworkload  OrderDb   "Order DB"{ \t\n\t\tkind   database   \n\n\n\n  runs-at Seattle\n\n}\n\n\n\nsite Seattle {}   \n\n\n';
        expect(await format(before)).toBe([
            'workload OrderDb "Order DB" {',
            '  kind database',
            '',
            '  runs-at Seattle',
            '}',
            '',
            'site Seattle {}',
            '',
        ].join('\n'));
    });

    test('uses two spaces per level whatever the editor\'s tab settings are', async () => {
        const expected = 'site S {\n  kind azure\n}\n';
        expect(await format('site S { kind azure }', { tabSize: 8, insertSpaces: false })).toBe(expected);
        expect(await format('site S { kind azure }', { tabSize: 4, insertSpaces: true })).toBe(expected);
    });

    test('keeps Windows line endings', async () => {
        expect(await format('site A { kind azure }\r\nsite B {}\r\n')).toBe('site A {\r\n  kind azure\r\n}\r\n\r\nsite B {}\r\n');
    });

    test('leaves a document with syntax errors alone', async () => {
        const document = await parse('site A { kind azure \nsite B {   kind');
        const edits = await formatter.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options: { tabSize: 2, insertSpaces: true } });
        expect(edits).toEqual([]);
    });

    test('formats only the lines of a requested range', async () => {
        const document = await parse('site A {   kind azure }\n\nsite B {   kind aws }\n');
        const edits = await formatter.formatDocumentRange(document, {
            textDocument: { uri: document.uri.toString() },
            options: { tabSize: 2, insertSpaces: true },
            range: { start: { line: 2, character: 0 }, end: { line: 2, character: 21 } },
        });
        expect(TextDocument.applyEdits(document.textDocument, edits)).toBe('site A {   kind azure }\n\nsite B {\n  kind aws\n}\n');
    });
});

describe('formatter: comments', () => {
    test('keeps trailing comments on their line and own-line comments above what they describe', async () => {
        const before = [
            '// Contoso sites',
            'site Seattle { kind on-premises }   // primary',
            '/* the DR site',
            '   in Azure */',
            'site AzureWestUS2 {',
            '      // where workloads fail over',
            '   kind azure     // public cloud',
            '',
            '',
            '  /* region */ region "westus2"',
            '    // the end of the block',
            '}',
            '// end of file',
        ].join('\n');
        expect(await format(before)).toBe([
            '// Contoso sites',
            'site Seattle {',
            '  kind on-premises',
            '} // primary',
            '',
            '/* the DR site',
            '   in Azure */',
            'site AzureWestUS2 {',
            '  // where workloads fail over',
            '  kind azure // public cloud',
            '',
            '  /* region */ region "westus2"',
            '  // the end of the block',
            '}',
            '',
            '// end of file',
            '',
        ].join('\n'));
    });

    test('puts a blank line between a declaration and the comment that introduces the next one', async () => {
        expect(await format('site A {}\n// about B\nsite B {}\n')).toBe('site A {}\n\n// about B\nsite B {}\n');
    });

    test('continues an item on the next line after a line comment inside it', async () => {
        expect(await format('workload W { depends-on A, // the first\nB runs-at S }')).toBe([
            'workload W {',
            '  depends-on A, // the first',
            '    B',
            '  runs-at S',
            '}',
            '',
        ].join('\n'));
    });

    test('keeps a block that holds only a comment open on two lines', async () => {
        expect(await format('site S { // nothing yet\n}\nsite T {\n/* later */ }')).toBe([
            'site S { // nothing yet',
            '}',
            '',
            'site T {',
            '  /* later */',
            '}',
            '',
        ].join('\n'));
    });

    test('keeps every comment of the document, in order', async () => {
        const before = readFileSync(join(import.meta.dirname, 'fixtures/messy-layout.drplan'), 'utf8');
        const comments = (text: string) => text.match(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g)?.map(comment => comment.trim());
        expect(comments(await format(before))).toEqual(comments(before));
    });
});

describe('formatter: idempotent and meaning-preserving on realistic documents', () => {
    const fixtures = drplanFiles(join(import.meta.dirname, 'fixtures'));
    // The examples a newcomer opens (written in examples/); each must already be stable under formatting.
    const examples = drplanFiles(join(repositoryRoot, 'examples'));
    const documents = [...fixtures, ...examples];

    test('has documents to check', () => {
        expect(fixtures.length).toBeGreaterThanOrEqual(2);
    });

    test.each(documents.map(path => [relative(repositoryRoot, path), path]))('%s', async (_name, path) => {
        const text = readFileSync(path, 'utf8');
        const original: LangiumDocument = await parse(text);
        expect(original.parseResult.parserErrors).toEqual([]);
        const once = await format(text);
        const twice = await format(once);
        expect(twice).toBe(once);
        const formatted = await parse(once);
        expect(formatted.parseResult.lexerErrors).toEqual([]);
        expect(formatted.parseResult.parserErrors).toEqual([]);
        expect(shape(formatted.parseResult.value)).toEqual(shape(original.parseResult.value));
        for (const line of once.split('\n')) {
            expect(line).not.toMatch(/\s$|^\t/);
        }
    });
});

describe('formatter: any layout of the same tokens', () => {
    const text = readFileSync(join(import.meta.dirname, 'fixtures/contoso-retail.drplan'), 'utf8');
    // Whitespace runs of the fixture, outside strings and comments: each may become any other run.
    const pieces = text.split(/("(?:\\.|[^"\\\n])*"|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/|\s+)/).filter(piece => piece.length > 0);
    const whitespace = fc.array(fc.constantFrom(' ', '\t', '\n', '\r\n'), { minLength: 1, maxLength: 4 }).map(parts => parts.join(''));

    test('formats to a stable text with the same meaning', async () => {
        const original = shape((await parse(text)).parseResult.value);
        await fc.assert(fc.asyncProperty(fc.array(whitespace, { minLength: pieces.length, maxLength: pieces.length }), async layout => {
            const shuffled = pieces.map((piece, index) => /^\s+$/.test(piece) ? layout[index] : piece).join('');
            const once = await format(shuffled);
            expect(await format(once)).toBe(once);
            expect(shape((await parse(once)).parseResult.value)).toEqual(original);
        }), { numRuns: 40 });
    });
});
