import type { AnalysisContext } from '../analyze.js';
import type { Finding } from '../types.js';

/** A rule reads the analysis context and reports findings. */
export type Rule = (context: AnalysisContext, report: (finding: Finding) => void) => void;

/** `A, B and C`; long lists end with `and N more`. */
export function listNames(names: readonly string[], limit = 6): string {
    if (names.length <= 1) {
        return names.join('');
    }
    if (names.length > limit) {
        return `${names.slice(0, limit).join(', ')} and ${names.length - limit} more`;
    }
    return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * `A → B → … → Z`, keeping the first and last few links of a long chain; `text` writes a link and
 * is called only for those shown (critical paths run to dozens of steps).
 */
export function chain<T>(links: readonly T[], text: (link: T) => string, keep = 4): string {
    if (links.length <= keep * 2 + 1) {
        return links.map(text).join(' → ');
    }
    const hidden = links.length - keep * 2;
    return [...links.slice(0, keep).map(text), `… (${hidden} more)`, ...links.slice(-keep).map(text)].join(' → ');
}
