import { formatDuration } from './duration.js';
import type { RollUp } from './types.js';

/** One process under a simulated loss: what the CLI's `simulate` and the editor's Simulate Loss both say. */
export interface LossOutcomeFacts {
    readonly recoverable: boolean;
    readonly strandedBy: readonly string[];
    /** Its recovery time when it is recoverable (under the plan asked about, else the worst). */
    readonly recoveryTime?: Pick<RollUp, 'value' | 'complete'> | null;
    readonly rto?: number;
}

/** `recovers in 5h20m (RTO 4h, 1h20m over)`, `recovers in at least 2h (no RTO)`, `stranded by LabelPrinters (RTO 8h)`. */
export function lossOutcome(facts: LossOutcomeFacts): string {
    const rto = facts.rto !== undefined ? `RTO ${formatDuration(facts.rto)}` : 'no RTO';
    if (!facts.recoverable) {
        return `stranded by ${facts.strandedBy.join(', ')} (${rto})`;
    }
    const time = facts.recoveryTime;
    if (!time) {
        return `recoverable (${rto})`;
    }
    if (!time.complete && time.value === 0) {
        return `recovery time unknown (${rto})`;
    }
    // A lower bound when a needed recovery time is unknown (LANGUAGE.md §3.2.5).
    const recovers = `recovers in ${time.complete ? '' : 'at least '}${formatDuration(time.value)}`;
    const over = facts.rto !== undefined && time.value > facts.rto ? `, ${formatDuration(time.value - facts.rto)} over` : '';
    return `${recovers} (${rto}${over})`;
}
