/** Durations are whole seconds everywhere inside drplan; they are formatted only at the edges. */

const unitSeconds: Record<string, number> = { w: 604800, d: 86400, h: 3600, m: 60, s: 1 };

/** The longest duration drplan accepts (100 years); longer values are `invalid-value`. */
export const MAX_DURATION = 100 * 365 * 86400;

/** Parses `1h30m`, `15m`, `0s`, `2w` into seconds. Returns NaN for text that is not a duration. */
export function parseDuration(text: string): number {
    const parts = /^(?:[0-9]+[smhdw])+$/.test(text) ? text.match(/[0-9]+[smhdw]/g) ?? [] : [];
    if (parts.length === 0) {
        return NaN;
    }
    let seconds = 0;
    for (const part of parts) {
        seconds += Number(part.slice(0, -1)) * unitSeconds[part[part.length - 1]];
    }
    return seconds;
}

/**
 * Formats seconds the way a plan writes them: `5h20m`, `30s`, `2d4h`, `0s`.
 * Weeks are not used on output: `14d` reads better than `2w` next to hours.
 */
export function formatDuration(seconds: number): string {
    if (!Number.isFinite(seconds)) {
        return '∞';
    }
    let rest = Math.round(seconds);
    if (rest === 0) {
        return '0s';
    }
    const sign = rest < 0 ? '-' : '';
    rest = Math.abs(rest);
    let text = '';
    for (const unit of ['d', 'h', 'm', 's']) {
        const size = unitSeconds[unit];
        const count = Math.floor(rest / size);
        if (count > 0) {
            text += `${count}${unit}`;
            rest -= count * size;
        }
    }
    return sign + text;
}

/** Formats seconds as the runbook's clock offset from the declaration of the disaster: `T+5:20`. */
export function formatOffset(seconds: number): string {
    const minutes = Math.round(seconds / 60);
    const hours = Math.floor(minutes / 60);
    return `T+${hours}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Describes a duration in plain words for hovers: `5 hours 20 minutes`. */
export function describeDuration(seconds: number): string {
    if (seconds === 0) {
        return '0 seconds';
    }
    const words: string[] = [];
    let rest = seconds;
    for (const [unit, name] of [['d', 'day'], ['h', 'hour'], ['m', 'minute'], ['s', 'second']] as const) {
        const count = Math.floor(rest / unitSeconds[unit]);
        if (count > 0) {
            words.push(`${count} ${name}${count === 1 ? '' : 's'}`);
            rest -= count * unitSeconds[unit];
        }
    }
    return words.join(' ');
}
