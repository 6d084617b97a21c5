import fc from 'fast-check';

/**
 * Grammar-aware generator of valid workspaces (packages/language/src/drplan.langium): every declaration
 * kind with any subset of its properties in any order, references to declared names of the right
 * kind only, values in range, hostile free text (markup, bidi, emoji, NUL) correctly escaped, random
 * whitespace and comments, split over one to three files. Such a workspace must raise no `syntax`,
 * `unresolved-reference`, `duplicate-*` or `invalid-value` diagnostic.
 */
export interface GeneratedWorkspace {
    files: Record<string, string>;
    /** Every declared name by kind, for oracles and for picking elements to lose. */
    names: Names;
    /** The free texts written into the files (titles, instructions, paths, e-mails), as the user meant them. */
    texts: string[];
}

export interface Names {
    sites: string[];
    people: string[];
    roles: string[];
    suppliers: string[];
    customers: string[];
    workforce: string[];
    equipment: string[];
    data: string[];
    workloads: string[];
    processes: string[];
    recoveryPlans: string[];
    plans: string[];
    /** Groups, steps and actions: named in the same namespace. */
    groups: string[];
    steps: string[];
    actions: string[];
}

/**
 * Random choices from one seed. fast-check's `gen()` costs about 20 µs a draw and a workspace takes
 * thousands of draws, so a generated workspace is a pure function of one fast-check integer instead:
 * the counterexample fast-check prints is reproducible (shrinking is off in the fuzz suite anyway).
 */
export class Draw {
    private state: number;

    constructor(seed: number) {
        this.state = seed >>> 0;
    }

    /** mulberry32: small, fast and good enough to spread test inputs. */
    next(): number {
        this.state = (this.state + 0x6D2B79F5) >>> 0;
        let t = this.state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    }

    integer(min: number, max: number): number {
        return min + Math.floor(this.next() * (max - min + 1));
    }

    boolean(): boolean {
        return this.next() < 0.5;
    }

    pick<T>(items: readonly T[]): T {
        return items[this.integer(0, items.length - 1)];
    }

    /** Some of the items (at least `min`), in their order. */
    subset<T>(items: readonly T[], min = 0): T[] {
        const chosen = items.filter(() => this.boolean());
        while (chosen.length < Math.min(min, items.length)) {
            const missing = items.filter(item => !chosen.includes(item));
            chosen.push(this.pick(missing));
        }
        return chosen;
    }

    shuffle<T>(items: readonly T[]): T[] {
        const result = [...items];
        for (let index = result.length - 1; index > 0; index--) {
            const other = this.integer(0, index);
            [result[index], result[other]] = [result[other], result[index]];
        }
        return result;
    }
}

/** Free text a user might write, including what would break an unescaped HTML, Markdown or SVG output. */
export const hostileTexts = [
    '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "' onmouseover='alert(1)", '</title><h1>x',
    '[click](javascript:alert(1))', '![x](http://evil.example/x.png)', '| a | b |\n|---|---|', '# Heading', '`code`',
    '**bold** _it_', '<!-- comment -->', ']]><x/>', '&amp; &lt;', '${process.env.HOME}', '{{constructor}}',
    '\u202Egnp.exe', '\u2066isolated\u2069', 'emoji 👩‍👩‍👧 🚒', 'nul\u0000byte', 'line\u2028separator',
    'tab\tand\fform', 'C:\\Windows\\System32', '../../../etc/passwd', 'file:///etc/passwd', 'command:workbench.action.terminal.new',
    'jane.doe@contoso.example', 'a\\"quote', '\uFEFFbom', '\uD800lone', '',
];

/** A name as the ID terminal allows it; a capital or `_` first, so that no name is a keyword. */
function drawName(draw: Draw): string {
    let name = draw.pick([...'ABCDJKQXZ_']);
    for (let length = draw.integer(0, 10); length > 0; length--) {
        name += draw.pick([...'abcdeopqrsxyzABCXYZ0189_']);
    }
    return name;
}

/** Code points from every plane, controls and lone surrogates included. */
const codePointRanges: Array<[number, number]> = [[0x20, 0x7E], [0x20, 0x7E], [0x00, 0x1F], [0x80, 0x2FF], [0x2000, 0x206F],
    [0x0590, 0x06FF], [0x4E00, 0x4FFF], [0xD800, 0xDFFF], [0xFE00, 0xFFFF], [0x1F300, 0x1FAFF], [0x10000, 0x10FFFF]];

function drawText(draw: Draw): string {
    if (draw.boolean()) {
        return draw.pick(hostileTexts);
    }
    let text = '';
    for (let length = draw.integer(0, 24); length > 0; length--) {
        const [low, high] = draw.pick(codePointRanges);
        const codePoint = draw.integer(low, high);
        text += codePoint >= 0xD800 && codePoint <= 0xDFFF ? String.fromCharCode(codePoint) : String.fromCodePoint(codePoint);
    }
    return text;
}

/** The text as a .drplan string literal (`\"` and `\\`, and escapes for the line breaks a string cannot hold). */
export function quote(text: string): string {
    return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r')}"`;
}

const separators = [' ', ' ', ' ', '\n', '\n    ', '\t', '\r\n', '  ', ' /* c */ ', ' // note\n', '\n\n', '\u00A0', ' /* } { */ '];

export const workspaceArbitrary: fc.Arbitrary<GeneratedWorkspace> = fc.noShrink(fc.integer()).map(seed => generateWorkspace(new Draw(seed)));

export function generateWorkspace(g: Draw): GeneratedWorkspace {
    const count = (max: number, min = 0) => g.integer(min, max);
    const sizes = {
        sites: count(3, 1), people: count(3), roles: count(3, 1), suppliers: count(2), customers: count(2),
        workforce: count(2), equipment: count(2), data: count(2), workloads: count(6, 1), processes: count(4, 1),
        recoveryPlans: count(2), plans: count(2), groups: count(4), steps: count(6), actions: count(4),
    };
    const total = Object.values(sizes).reduce((sum, size) => sum + size, 0);
    const unique = new Set<string>();
    while (unique.size < total) {
        unique.add(drawName(g));
    }
    const pool = [...unique];
    let next = 0;
    const take = (size: number) => pool.slice(next, next += size);
    const names: Names = {
        sites: take(sizes.sites), people: take(sizes.people), roles: take(sizes.roles), suppliers: take(sizes.suppliers),
        customers: take(sizes.customers), workforce: take(sizes.workforce), equipment: take(sizes.equipment),
        data: take(sizes.data), workloads: take(sizes.workloads), processes: take(sizes.processes),
        recoveryPlans: take(sizes.recoveryPlans), plans: take(sizes.plans), groups: take(sizes.groups),
        steps: take(sizes.steps), actions: take(sizes.actions),
    };
    const writer = new DeclarationWriter(g, names);
    const declarations = [
        ...names.sites.map(name => writer.site(name)),
        ...names.people.map(name => writer.person(name)),
        ...names.roles.map(name => writer.role(name)),
        ...names.suppliers.map(name => writer.supplier(name)),
        ...names.customers.map(name => writer.customer(name)),
        ...names.workforce.map(name => writer.workforce(name)),
        ...names.equipment.map(name => writer.equipment(name)),
        ...names.data.map(name => writer.data(name)),
        ...names.workloads.map(name => writer.workload(name)),
        ...names.processes.map(name => writer.process(name)),
        ...writer.recoveryPlans(),
        ...writer.plans(),
    ];
    const order = g.shuffle(declarations.map((_, index) => index));
    const fileCount = count(3, 1);
    const layout = Array.from({ length: count(12, 1) }, () => g.pick(separators));
    const files: Record<string, string> = {};
    for (let file = 0; file < fileCount; file++) {
        files[`part${file}.drplan`] = '';
    }
    let gap = 0;
    for (const index of order) {
        const file = `part${g.integer(0, fileCount - 1)}.drplan`;
        const tokens = declarations[index];
        files[file] += tokens.map(token => token + layout[gap++ % layout.length]).join('') + '\n';
    }
    return { files, names, texts: writer.texts };
}

/** Writes declarations as token lists; each property appears at most once unless the grammar repeats it. */
class DeclarationWriter {
    readonly texts: string[] = [];
    /** Steps and actions actually written, the activities RACI rows may name. */
    private readonly declaredSteps: string[] = [];
    private readonly declaredActions: string[] = [];
    private readonly assignedGroups: string[];
    private readonly assignedSteps: string[];
    private readonly assignedActions: string[];

    constructor(private readonly g: Draw, private readonly names: Names) {
        this.assignedGroups = [...names.groups];
        this.assignedSteps = [...names.steps];
        this.assignedActions = [...names.actions];
    }

    site(name: string): string[] {
        return this.declaration('site', name, [
            ['kind', this.pick(['on-premises', 'colocation', 'azure', 'aws', 'gcp', 'other'])],
            ['region', this.text()],
        ]);
    }

    person(name: string): string[] {
        return this.declaration('person', name, [['email', this.text()], ['phone', this.text()]]);
    }

    role(name: string): string[] {
        return this.declaration('role', name, [this.list('filled-by', this.names.people)]);
    }

    supplier(name: string): string[] {
        return this.declaration('supplier', name, [
            ['kind', this.pick(['vendor', 'partner', 'internal', 'external'])],
            this.list('alternative', this.names.suppliers),
        ]);
    }

    customer(name: string): string[] {
        return this.declaration('customer', name, [['kind', this.pick(['internal', 'external'])]]);
    }

    workforce(name: string): string[] {
        return this.declaration('workforce', name, [this.reference('at', this.names.sites), this.list('alternate-site', this.names.sites)]);
    }

    equipment(name: string): string[] {
        return this.declaration('equipment', name, [
            this.reference('at', this.names.sites), this.list('alternate-site', this.names.sites),
            ['spares', String(this.g.integer(0, 5))],
        ]);
    }

    data(name: string): string[] {
        return this.declaration('data', name, [this.reference('held-by', this.names.workloads), ['vital']]);
    }

    workload(name: string): string[] {
        const evidence = () => this.g.boolean() ? ['tested', this.date()] : ['estimated'];
        return this.declaration('workload', name, [
            ['kind', this.pick(['application', 'database', 'identity', 'network', 'storage', 'service', 'other'])],
            this.reference('owner', this.names.roles),
            this.reference('runs-at', this.names.sites),
            this.reference('failover-to', this.names.sites),
            ['instances', String(this.g.integer(1, 4))],
            ['stateless'],
            ['native-availability', this.text()],
            ['replication', this.pick(['hyper-v-replica', 'asr', 'sql-always-on', 'storage', 'log-shipping', 'other']), 'every', this.duration()],
            ['backup', this.pick(['azure-backup', 'dpm', 'vss', 'snapshot', 'tape', 'other']), 'every', this.duration(),
                ...(this.g.boolean() ? ['retain', this.duration()] : [])],
            ['recovery-time', this.duration(), ...evidence()],
            ['recovery-point', this.duration(), ...evidence()],
            this.list('depends-on', this.names.workloads),
        ]);
    }

    process(name: string): string[] {
        const sources = [...this.names.processes, ...this.names.suppliers];
        const targets = [...this.names.customers, ...this.names.processes];
        const inputs = sources.length === 0 ? [] : Array.from({ length: this.g.integer(0, 2) }, () => this.g.pick(sources))
            .map(source => ['input', this.text(), 'from', source]);
        const outputs = targets.length === 0 ? [] : Array.from({ length: this.g.integer(0, 2) }, () => this.g.pick(targets))
            .map(target => ['output', this.text(), 'to', target]);
        return this.declaration('process', name, [
            ['criticality', this.criticality()],
            ['rto', this.duration(true)],
            ['rpo', this.duration()],
            this.reference('owner', this.names.roles),
            this.list('suppliers', this.names.suppliers),
            ...inputs, ...outputs,
            this.list('customers', this.names.customers),
            this.list('workloads', this.names.workloads),
            this.list('workforce', this.names.workforce),
            this.list('locations', this.names.sites),
            this.list('equipment', this.names.equipment),
            this.list('data', this.names.data),
        ]);
    }

    recoveryPlans(): string[][] {
        // Groups are always written: their actions are named in RACI rows.
        return this.names.recoveryPlans.map((name, index) => {
            const last = index === this.names.recoveryPlans.length - 1;
            const groupCount = last ? this.assignedGroups.length : this.g.integer(0, this.assignedGroups.length);
            const groups = this.assignedGroups.splice(0, groupCount).map(group => this.group(group));
            return this.declaration('recovery-plan', name, [
                this.names.sites.length > 0 ? ['from', this.pick(this.names.sites), 'to', this.pick(this.names.sites)] : undefined,
                ['tested', this.date()],
            ], groups);
        });
    }

    plans(): string[][] {
        // Responses and RACI blocks are always written: RACI rows may name the steps declared before them.
        return this.names.plans.map((name, index) => {
            const last = index === this.names.plans.length - 1;
            const stepCount = last ? this.assignedSteps.length : this.g.integer(0, this.assignedSteps.length);
            const steps = this.assignedSteps.splice(0, stepCount);
            return this.declaration('plan', name, [
                this.reference('owner', this.names.roles),
                this.list('covers', this.names.processes),
                ['policy', '{', ...this.subset([
                    ['test-validity', this.duration(true)],
                    ['staff-effectiveness', `${this.g.integer(1, 100)}%`],
                    ['spof-threshold', this.criticality()],
                ]).flat(), '}'],
            ], [this.response(steps), this.raci()]);
        });
    }

    private group(name: string): string[] {
        const actions = (keyword: string) => () => {
            const count = this.g.integer(0, Math.min(2, this.assignedActions.length));
            const taken = this.assignedActions.splice(0, count);
            this.declaredActions.push(...taken);
            return [keyword, '{', ...taken.flatMap(action => this.action(action)), '}'];
        };
        const workloads = () => this.list('workloads', this.names.workloads) ?? [];
        // Actions are named only when their block is written, so that RACI rows never name an undeclared one.
        const properties = this.g.shuffle(this.g.subset([workloads, actions('before'), actions('after')]));
        return ['group', name, ...this.title(), '{', ...properties.flatMap(write => write()), '}'];
    }

    private action(name: string): string[] {
        const duration = this.duration();
        const only = this.g.boolean() ? [] : ['only', ...this.commaList(this.g.subset(['planned', 'unplanned', 'test'], 1))];
        const location = () => this.pick(['primary', 'recovery']);
        switch (this.g.integer(0, 2)) {
            case 0:
                return ['manual', name, this.text(), 'by', this.pick(this.names.roles), 'takes', duration, ...only];
            case 1:
                return ['script', name, this.text(), 'on', location(), 'takes', duration, ...only];
            default:
                return ['automation', name, this.text(), ...(this.g.boolean() ? ['on', location()] : []), 'takes', duration, ...only];
        }
    }

    private response(steps: string[]): string[] | undefined {
        const phases = ['watch', 'mobilize', 'assess', 'stabilize', 'close'].filter(() => this.g.boolean());
        if (phases.length === 0 && steps.length === 0) {
            return this.g.boolean() ? ['response', '{', '}'] : undefined;
        }
        const items = new Map<string, string[]>(phases.map(phase => [phase, []]));
        const phaseList = [...items.keys()];
        for (const step of steps) {
            if (phaseList.length === 0) {
                break;
            }
            const phase = this.pick(phaseList);
            items.get(phase)!.push('step', step, ...this.title(), 'by', this.pick(this.names.roles), 'takes', this.duration());
            this.declaredSteps.push(step);
        }
        if (items.has('stabilize')) {
            for (const recoveryPlan of this.g.subset(this.names.recoveryPlans)) {
                items.get('stabilize')!.push('execute', recoveryPlan);
            }
        }
        return ['response', '{', ...[...items].flatMap(([phase, tokens]) => [phase, '{', ...tokens, '}']), '}'];
    }

    private raci(): string[] | undefined {
        const activities = [...this.declaredSteps, ...this.declaredActions];
        if (activities.length === 0 || this.g.boolean()) {
            return undefined;
        }
        const rows = this.g.subset(activities).map(activity => [activity, ':', ...this.subset(
            ['accountable', 'responsible', 'consulted', 'informed'].map(letter =>
                [letter, ...this.commaList(this.g.subset(this.names.roles, 1))]),
        ).flat()]);
        return ['raci', '{', ...rows.flat(), '}'];
    }

    /** `keyword Name "title"? { properties }` with a random subset of the properties in random order. */
    private declaration(keyword: string, name: string, properties: Array<string[] | undefined>,
        required: Array<string[] | undefined> = []): string[] {
        const chosen = [...this.subset(properties), ...required.filter(property => property !== undefined)];
        return [keyword, name, ...this.title(), '{', ...this.g.shuffle(chosen).flat(), '}'];
    }

    private subset(properties: Array<string[] | undefined>): string[][] {
        const present = properties.filter((property): property is string[] => property !== undefined);
        return this.g.shuffle(this.g.subset(present));
    }

    private reference(keyword: string, candidates: string[]): string[] | undefined {
        return candidates.length === 0 ? undefined : [keyword, this.pick(candidates)];
    }

    private list(keyword: string, candidates: string[]): string[] | undefined {
        return candidates.length === 0 ? undefined
            : [keyword, ...this.commaList(this.g.subset(candidates, 1))];
    }

    private commaList(items: string[]): string[] {
        return items.flatMap((item, index) => index === 0 ? [item] : [',', item]);
    }

    private title(): string[] {
        return this.g.boolean() ? [this.text()] : [];
    }

    private text(): string {
        const text = drawText(this.g);
        this.texts.push(text);
        return quote(text);
    }

    private pick(candidates: readonly string[]): string {
        return this.g.pick(candidates);
    }

    private criticality(): string {
        return this.pick(['critical', 'high', 'medium', 'low']);
    }

    /** A duration of one to three parts, at most 100 years; `nonZero` for `rto` and `test-validity`. */
    private duration(nonZero = false): string {
        const parts = Array.from({ length: this.g.integer(1, 3) },
            () => [this.g.integer(0, 400), this.g.pick(['s', 'm', 'h', 'd', 'w'])] as [number, string]);
        if (nonZero && parts.every(([amount]) => amount === 0)) {
            parts[0] = [1, parts[0][1]];
        }
        return parts.map(([amount, unit]) => `${amount}${unit}`).join('');
    }

    private date(): string {
        const day = new Date(Date.UTC(2000, 0, 1) + this.g.integer(0, 36 * 365) * 86_400_000);
        return day.toISOString().slice(0, 10);
    }
}
