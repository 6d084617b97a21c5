import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { sarifErrors } from '../schemas/validators.js';
import { drplan } from './run-cli.js';

/** The codes of LANGUAGE.md §3.5, and `syntax`. */
const languageCodes = [
    'rto-gap', 'rpo-gap', 'unproven', 'missing-capability', 'stale-test', 'spof', 'dependency-cycle', 'failover-order',
    'missing-from-plan', 'plan-site-mismatch', 'untested-plan', 'criticality-inversion', 'raci-accountable',
    'raci-missing', 'replication-interval', 'failover-same-site', 'unprotected', 'invalid-value', 'duplicate-name',
    'duplicate-property', 'unresolved-reference', 'syntax',
];

async function sarifOf(args: string[], cwd?: string) {
    const result = await drplan(['check', '--format', 'sarif', '--as-of', '2026-11-21', ...args], { cwd });
    expect(result.stderr).toBe('');
    const log = JSON.parse(result.stdout);
    // The official OASIS schema (test/schemas/validators.ts).
    expect(sarifErrors(log), 'SARIF schema errors').toBe('No errors');
    return { code: result.code, log };
}

describe('SARIF', () => {
    test('a report with errors and warnings validates against the official schema', async () => {
        const { code, log } = await sarifOf(['syntax', 'unresolved', 'warnings', 'duplicates', 'mixed']);
        expect(code).toBe(1);
        expect(log.version).toBe('2.1.0');
        expect(log.runs).toHaveLength(1);
        expect(log.runs[0].results.length).toBeGreaterThanOrEqual(6);
    });

    test('a clean report validates too, with no results', async () => {
        const { code, log } = await sarifOf(['clean']);
        expect(code).toBe(0);
        expect(log.runs[0].results).toEqual([]);
    });

    test('the driver is drplan with one described rule per code', async () => {
        const { log } = await sarifOf(['clean']);
        const { version } = JSON.parse(readFileSync(new URL('../../packages/cli/package.json', import.meta.url), 'utf8'));
        const driver = log.runs[0].tool.driver;
        expect(driver.name).toBe('drplan');
        expect(driver.version).toBe(version);
        expect(driver.rules.map((rule: { id: string }) => rule.id).sort()).toEqual([...languageCodes].sort());
        for (const rule of driver.rules) {
            expect(rule.shortDescription.text.length, rule.id).toBeGreaterThan(10);
            expect(rule.fullDescription.text.length, rule.id).toBeGreaterThan(rule.shortDescription.text.length);
            expect(rule.help.text.length, rule.id).toBeGreaterThan(10);
            expect(['error', 'warning', 'note'], rule.id).toContain(rule.defaultConfiguration.level);
        }
        const levelOf = (id: string) => driver.rules.find((rule: { id: string }) => rule.id === id).defaultConfiguration.level;
        expect(levelOf('rto-gap')).toBe('error');
        expect(levelOf('unprotected')).toBe('warning');
        expect(levelOf('syntax')).toBe('error');
    });

    test('each result names its rule, level, message and a relative 1-based region', async () => {
        const { log } = await sarifOf(['syntax', 'warnings']);
        const [run] = log.runs;
        expect(run.results).toHaveLength(2);
        const [syntax, unprotected] = run.results;
        expect(syntax).toEqual({
            ruleId: 'syntax',
            ruleIndex: run.tool.driver.rules.findIndex((rule: { id: string }) => rule.id === 'syntax'),
            level: 'error',
            message: { text: 'Expecting token of type \'INT\' but found `two`.' },
            locations: [{
                physicalLocation: {
                    artifactLocation: { uri: 'syntax/broken.drplan', uriBaseId: '%SRCROOT%' },
                    region: { startLine: 6, startColumn: 13, endLine: 6, endColumn: 16 },
                },
            }],
        });
        expect(unprotected).toMatchObject({
            ruleId: 'unprotected', level: 'warning', properties: { element: 'FileShare' },
            locations: [{ physicalLocation: { artifactLocation: { uri: 'warnings/unprotected.drplan', uriBaseId: '%SRCROOT%' } } }],
        });
        expect(run.tool.driver.rules[unprotected.ruleIndex].id).toBe('unprotected');
        expect(unprotected.message.text).toContain('FileShare');
    });

    test('paths with spaces become valid URI references', async () => {
        const cwd = await mkdtemp(path.join(tmpdir(), 'drplan-sarif-'));
        await writeFile(path.join(cwd, 'my plan.drplan'), 'site {');
        const { log } = await sarifOf([], cwd);
        expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('my%20plan.drplan');
    });
});
