import { isValidDate } from '../analysis/date.js';
import { formatDuration, MAX_DURATION } from '../analysis/duration.js';

/**
 * The validity rules of typed values, shared by validation (which reports `invalid-value`) and the
 * model builder (which then ignores the value), so the two can never disagree.
 */

/** A duration that exists and is at most 100 years. */
export function isValidDuration(seconds: number | undefined): seconds is number {
    return seconds !== undefined && Number.isFinite(seconds) && seconds >= 0 && seconds <= MAX_DURATION;
}

/** What is said of a duration over 100 years (`invalid-value`, and the hover), quoted as written. */
export function durationTooLong(written: string): string {
    return `${written} is longer than 100 years (at most ${formatDuration(MAX_DURATION)}); the value is ignored`;
}

/** An RTO or RPO: a valid duration other than `0s`. */
export function isValidObjective(seconds: number | undefined): seconds is number {
    return isValidDuration(seconds) && seconds > 0;
}

export function isValidPercentage(value: number | undefined): value is number {
    return value !== undefined && Number.isInteger(value) && value >= 1 && value <= 100;
}

export { isValidDate };
