import { EmptyFileSystem, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { createDrPlanServices } from '../../packages/language/src/drplan-module.js';
import { MAX_FILE_SIZE } from '../../packages/language/src/workspace/document-factory.js';
import { buildSnippet, codesOf } from '../language/analysis/workspace.js';

// Limits with clear messages: values past any real plan are `invalid-value` and then ignored (never
// Infinity or NaN in a roll-up, a hover or a runbook), and a file over the size limit is skipped with a
// diagnostic instead of stalling the editor.

const sites = 'site Seattle { kind on-premises }\nsite Azure { kind azure }\n';
const workload = (recoveryTime: string) =>
    `workload Db { runs-at Seattle failover-to Azure replication asr every 5m recovery-time ${recoveryTime} estimated }\n`;

describe('durations over 100 years', () => {
    const tooLong = ['36501d', '5215w', '876001h', '52560001m', '3153600001s', '99999999999999999999h', '18446744073709551616s',
        '36500d1s', '99999999999999999999999w', '100w100w100w100w100w100w100w100w100w100w100w100w100w100w100w100w100w100w100w100w100w100w100w100w100w100w100w100w100w100w100w100w100w100w100w100w100w100w100w100w100w100w100w100w100w100w100w100w100w100w100w100w100w'];

    for (const value of tooLong) {
        it(`\`rto ${value.length > 30 ? `${value.slice(0, 30)}…` : value}\` is invalid-value, counts as no RTO, and nothing shows ∞ or NaN`, async () => {
            const workspace = await buildSnippet(`${sites}${workload('1h')}process Orders { rto ${value} workloads Db }\n`);
            const invalid = workspace.withCode('invalid-value');
            expect(invalid).toHaveLength(1);
            expect(invalid[0].message).toMatch(/longer than 100 years \(at most 36500d\); the value is ignored/);
            expect(invalid[0].text).toBe(value);
            expect(codesOf(workspace.all())).not.toContain('rto-gap');
            const orders = workspace.analysis.processes.get(workspace.model.processes[0])!;
            expect(orders.rtoMet).toBeUndefined();
            for (const diagnostic of workspace.all()) {
                expect(diagnostic.message).not.toMatch(/∞|NaN|Infinity|e\+\d/);
            }
        });
    }

    it('`recovery-time 99999999999999999999h` is invalid-value and the capability is unknown, not infinite', async () => {
        const workspace = await buildSnippet(`${sites}${workload('99999999999999999999h')}process Orders { rto 4h workloads Db }\n`);
        expect(workspace.withCode('invalid-value').map(diagnostic => diagnostic.text)).toEqual(['99999999999999999999h']);
        const orders = workspace.analysis.processes.get(workspace.model.processes[0])!;
        expect(Number.isFinite(orders.worst.recoveryTime.value)).toBe(true);
        expect(orders.worst.recoveryTime.unknown).toEqual(['Db']);
        expect(codesOf(workspace.all())).toContain('missing-capability');
    });

    it('exactly 100 years is still valid: 36500d, 876000h', async () => {
        const workspace = await buildSnippet(`${sites}${workload('876000h')}process Orders { rto 36500d workloads Db }\n`);
        expect(workspace.withCode('invalid-value')).toEqual([]);
        expect(workspace.analysis.processes.get(workspace.model.processes[0])!.worst.recoveryTime.value).toBe(876000 * 3600);
    });

    for (const [property, text] of [
        ['replication interval', 'workload W { replication asr every 36501d }'],
        ['backup retention', 'workload W { backup tape every 1d retain 99999999999999999999w }'],
        ['step duration', 'role R { }\nplan P { response { mobilize { step S by R takes 9999999999999999h } } }'],
        ['test-validity', 'plan P { policy { test-validity 99999999999999999999d } }'],
    ]) {
        it(`${property} over 100 years is invalid-value too`, async () => {
            const workspace = await buildSnippet(text);
            expect(workspace.withCode('invalid-value')).toHaveLength(1);
            for (const diagnostic of workspace.all()) {
                expect(diagnostic.message).not.toMatch(/∞|NaN|Infinity/);
            }
        });
    }
});

describe('other impossible values', () => {
    for (const [what, text, shown] of [
        ['a month 13', 'workload W { recovery-time 1h tested 2026-13-45 }', '2026-13-45'],
        ['day 0 of month 0', 'recovery-plan R { tested 0000-00-00 }', '0000-00-00'],
        ['a percentage past 2^64', 'plan P { policy { staff-effectiveness 99999999999999999999% } }', '99999999999999999999%'],
        ['a percentage of 0', 'plan P { policy { staff-effectiveness 0% } }', '0%'],
        ['0 instances', 'workload W { instances 0 }', '0'],
    ]) {
        it(`${what} is invalid-value, with the value in the message or under the range`, async () => {
            const workspace = await buildSnippet(text);
            const invalid = workspace.withCode('invalid-value');
            expect(invalid).toHaveLength(1);
            expect(invalid[0].text).toContain(shown);
            expect(invalid[0].message).not.toMatch(/NaN|Infinity|undefined|Invalid Date/);
        });
    }

    it('a value the parser could not read is a syntax error only, not also an impossible value', async () => {
        for (const text of ['plan P { policy { staff-effectiveness 1 } }', 'plan P { policy { staff-effectiveness } }',
            'process P { rto }', 'workload W { instances }']) {
            const workspace = await buildSnippet(text);
            expect(codesOf(workspace.all())).toContain('syntax');
            expect(workspace.withCode('invalid-value')).toEqual([]);
        }
    });

    it('a huge instance or spares count is taken as written, without overflow', async () => {
        const workspace = await buildSnippet(`${sites}workload W { runs-at Seattle instances 99999999999999999999 }\n`
            + 'equipment E { at Seattle spares 99999999999999999999 }\nprocess P { criticality critical workloads W equipment E }\n');
        expect(workspace.withCode('spof')).toEqual([expect.objectContaining({ element: 'Seattle' })]);
        for (const diagnostic of workspace.all()) {
            expect(diagnostic.message).not.toMatch(/NaN|Infinity|e\+\d/);
        }
    });
});

describe('a file over the size limit', () => {
    const services = createDrPlanServices(EmptyFileSystem);

    async function build(text: string) {
        const started = performance.now();
        const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`file:///limits/${text.length}.drplan`));
        services.shared.workspace.LangiumDocuments.addDocument(document);
        const other = services.shared.workspace.LangiumDocumentFactory.fromString('workload Lonely { }\n', URI.parse(`file:///limits/${text.length}-other.drplan`));
        services.shared.workspace.LangiumDocuments.addDocument(other);
        await services.shared.workspace.DocumentBuilder.build([document, other], { validation: true });
        console.log(`a ${(text.length / 1024 / 1024).toFixed(1)} MB file: parsed and built in ${Math.round(performance.now() - started)} ms`);
        return { document, other };
    }

    it('is skipped with one diagnostic that says why; the other files are analysed', async () => {
        // Declarations past the limit would be a name clash with the other file if they were read.
        const text = `workload Lonely { }\n/*${' '.repeat(MAX_FILE_SIZE)}*/\n`;
        const { document, other } = await build(text);
        expect(document.diagnostics).toEqual([expect.objectContaining({ code: 'syntax', severity: 1,
            message: expect.stringMatching(/^This file is 20\.0 MB, over drplan's limit of 20 MB: it is skipped$/) })]);
        expect(document.diagnostics![0].range.start).toEqual({ line: 0, character: 0 });
        expect(other.diagnostics?.map(diagnostic => diagnostic.code)).toEqual(['unprotected']);
    }, 60_000);

    it('at exactly the limit is read', async () => {
        const text = `workload Lonely { }\n/*${' '.repeat(MAX_FILE_SIZE - 25)}*/\n`;
        expect(text.length).toBe(MAX_FILE_SIZE);
        const { document, other } = await build(text);
        expect(document.diagnostics?.map(diagnostic => diagnostic.code)).toContain('duplicate-name');
        expect(other.diagnostics?.map(diagnostic => diagnostic.code)).toContain('duplicate-name');
    }, 60_000);
});
