import type { Element, ElementKind, PlanModel } from '@drplan/language';
import { CliError } from './cli-error.js';

/** How a kind of element is named in messages: `a site`, `an equipment`, … */
const kindWords: Readonly<Record<ElementKind, string>> = {
    'site': 'a site',
    'person': 'a person',
    'role': 'a role',
    'supplier': 'a supplier',
    'customer': 'a customer',
    'workforce': 'a workforce',
    'equipment': 'equipment',
    'data': 'a data set',
    'workload': 'a workload',
    'process': 'a process',
    'recovery-plan': 'a recovery plan',
    'group': 'a recovery-plan group',
    'plan': 'a plan',
    'step': 'a step',
    'manual': 'a manual action',
    'script': 'a script action',
    'automation': 'an automation action',
};

export function describeKind(kind: ElementKind): string {
    return kindWords[kind];
}

/**
 * The element a command-line option names, or a one-line CliError (exit 2) that says what is wrong:
 * `--plan Contoso: no plan is named Contoso (did you mean ContosoRetail?)` or
 * `--lose OrderFulfilment: OrderFulfilment is a process; only … can be lost`.
 * `expected` is the phrase for the kinds allowed (`a plan`, `a site, workload, …`).
 */
export function resolveElement<K extends ElementKind>(model: PlanModel, option: string, name: string,
    kinds: readonly K[], expected: string, wrongKind?: (element: Element) => string): Extract<Element, { kind: K }> {
    const element = model.byName.get(name);
    if (element && (kinds as readonly ElementKind[]).includes(element.kind)) {
        return element as Extract<Element, { kind: K }>;
    }
    if (element) {
        throw new CliError(`${option} ${name}: ${wrongKind?.(element) ?? `${name} is ${describeKind(element.kind)}, not ${expected}`}`);
    }
    const candidates = [...model.byName.values()].filter(candidate => (kinds as readonly ElementKind[]).includes(candidate.kind))
        .map(candidate => candidate.name);
    throw new CliError(`${option} ${name}: no ${expected.replace(/^an? /, '')} is named ${name}${hint(name, candidates)}`);
}

/** `(did you mean X?)` for a near miss, or the few names there are, so that the user can retry at once. */
function hint(name: string, candidates: readonly string[]): string {
    const near = nearest(name, candidates);
    if (near !== undefined) {
        return ` (did you mean ${near}?)`;
    }
    if (candidates.length === 0) {
        return ' (there is none in these files)';
    }
    return candidates.length <= 5 ? ` (declared: ${candidates.join(', ')})` : '';
}

/** The candidate closest to `name`: the same but for case, else within a third of its length in edits. */
function nearest(name: string, candidates: readonly string[]): string | undefined {
    const lower = name.toLowerCase();
    const sameButCase = candidates.find(candidate => candidate.toLowerCase() === lower);
    if (sameButCase !== undefined) {
        return sameButCase;
    }
    let best: string | undefined;
    let bestDistance = Math.max(1, Math.floor(name.length / 3)) + 1;
    for (const candidate of candidates) {
        const distance = editDistance(lower, candidate.toLowerCase());
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best;
}

/** Levenshtein distance, one row at a time. */
function editDistance(a: string, b: string): number {
    let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        previous = current;
    }
    return previous[b.length];
}
