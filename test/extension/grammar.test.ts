import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

// The highlighting injected into the generated grammar (keywords only): what each pattern marks on
// real lines of a plan. Oniguruma and JavaScript agree on these expressions (lookarounds, classes).
const grammar = JSON.parse(readFileSync(new URL('../../packages/extension/syntaxes/drplan-values.tmLanguage.json', import.meta.url), 'utf8')) as {
    injectionSelector: string;
    repository: Record<string, { match: string; name?: string; captures?: Record<string, { name: string }> }>;
};

/** The texts a pattern marks in a line, with the scope of each (the capture's, or the pattern's own). */
function marks(pattern: string, line: string): Array<[string, string]> {
    const rule = grammar.repository[pattern];
    const found: Array<[string, string]> = [];
    for (const match of line.matchAll(new RegExp(rule.match, 'g'))) {
        if (rule.captures) {
            for (const [group, capture] of Object.entries(rule.captures)) {
                if (match[Number(group)] !== undefined) found.push([match[Number(group)], capture.name]);
            }
        } else {
            found.push([match[0], rule.name!]);
        }
    }
    return found;
}

describe('the injected value grammar', () => {
    test('is injected into drplan outside comments and strings', () => {
        expect(grammar.injectionSelector).toBe('L:source.drplan -comment -string');
    });

    test('marks declared names, for declarations that always name and for blocks', () => {
        expect(marks('declaration', 'process OrderFulfilment "Order fulfilment" {')).toEqual([
            ['process', 'keyword.control.drplan'], ['OrderFulfilment', 'entity.name.type.drplan'],
        ]);
        expect(marks('declaration', 'recovery-plan OrderTierFailover "Fail over" {')[1]).toEqual(['OrderTierFailover', 'entity.name.type.drplan']);
        expect(marks('declaration', '    mobilize  { step Declare "Declare a disaster" by IncidentCommander takes 30m }')[1])
            .toEqual(['Declare', 'entity.name.type.drplan']);
        expect(marks('block-declaration', 'data CustomerRecords "Customer master records" {')[1]).toEqual(['CustomerRecords', 'entity.name.type.drplan']);
        // Inside a process, `data` and `workforce` list references: not declarations.
        expect(marks('block-declaration', '  data CustomerRecords')).toEqual([]);
        expect(marks('block-declaration', '  workforce WarehouseStaff')).toEqual([]);
        // `workloads`, `suppliers`: plural property keywords, not declarations.
        expect(marks('declaration', '  workloads OrderApp')).toEqual([]);
    });

    test('marks durations, dates, percentages and counts as numbers', () => {
        expect(marks('duration', '  recovery-time 1h30m tested 2026-09-12')).toEqual([['1h30m', 'constant.numeric.duration.drplan']]);
        expect(marks('duration', '  backup azure-backup every 24h retain 30d')).toEqual([
            ['24h', 'constant.numeric.duration.drplan'], ['30d', 'constant.numeric.duration.drplan'],
        ]);
        expect(marks('date', '  recovery-time 1h tested 2026-09-12')).toEqual([['2026-09-12', 'constant.numeric.date.drplan']]);
        expect(marks('percentage', '    staff-effectiveness 50%')).toEqual([['50%', 'constant.numeric.percentage.drplan']]);
        expect(marks('number', '  instances 2')).toEqual([['2', 'constant.numeric.integer.drplan']]);
        // A name with digits is no number, and a date is no duration.
        expect(marks('number', 'site Region2 {}')).toEqual([]);
        expect(marks('duration', 'tested 2026-09-12')).toEqual([]);
    });

    test('marks the step or action a RACI row is about', () => {
        expect(marks('raci-row', '    Declare: accountable CIO responsible IncidentCommander')).toEqual([
            ['Declare', 'variable.other.activity.drplan'], [':', 'punctuation.separator.key-value.drplan'],
        ]);
    });
});
