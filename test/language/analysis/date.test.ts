import { describe, expect, it } from 'vitest';
import { formatIsoDate, parseIsoDate } from '../../../packages/language/src/analysis/date.js';

describe('calendar dates', () => {
    it.each(['2026-09-12', '2024-02-29', '0999-01-01', '9999-12-31', '2026-10-05'])('%s is written as it was read', (text) => {
        expect(formatIsoDate(parseIsoDate(text))).toBe(text);
        expect(formatIsoDate(parseIsoDate(text))).toBe(parseIsoDate(text).toISOString().slice(0, 10));
    });

    it('an impossible date reads as invalid', () => {
        expect(Number.isNaN(parseIsoDate('2026-02-30').getTime())).toBe(true);
    });
});
