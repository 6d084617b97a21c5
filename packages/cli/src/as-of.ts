import { isValidDate, parseIsoDate, today } from '@drplan/language';
import { CliError } from './cli-error.js';

/** The evaluation date from `--as-of YYYY-MM-DD`, or today (a UTC calendar date, as the language uses). */
export function resolveAsOf(text: string | undefined, now: Date): Date {
    if (text === undefined) {
        return today(now);
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) {
        throw new CliError(`--as-of expects a date as YYYY-MM-DD, not '${text}'`);
    }
    const date = parseIsoDate(text);
    if (!isValidDate(date)) {
        throw new CliError(`--as-of ${text} is not a real date`);
    }
    return date;
}
