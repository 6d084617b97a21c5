import MarkdownIt from 'markdown-it';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drplan } from '../cli/run-cli.js';
import { hostileTexts, quote } from '../fuzz/plan-generator.js';
import { activeContent, scanMarkup } from './markup-scan.js';

// Every user-written string (titles, instructions, paths, runbook ids, e-mails, phones, regions, input and
// output descriptions) is hostile, and every output of every command must carry it as text: never as
// markup, a link, a table cell, a terminal escape or an ARM expression. The same workspace with plain
// words in the same places is the reference: escaped output has the same structure as the plain one.

/** Beyond plan-generator's list: terminal escapes, line breaks, ARM template expressions. */
const extraHostile = [
    '\u001b[31mred\u001b[0m\u001b[2J', '\u001b]8;;http://evil.example\u0007link\u001b]8;;\u0007', 'two\nlines', 'cr\rreturn',
    '<svg onload=alert(1)>', 'javascript:alert(1)', '=cmd|calc!A1',
];
const hostile = [...hostileTexts.filter(text => text !== ''), ...extraHostile];

/** The workspace with a slot (`§`) in every place the grammar takes free text. */
const template = `
site Seattle § { kind on-premises region § }
site Azure § { kind azure region § }
person Jane § { email § phone § }
person Ravi § { email § phone § }
person Kim § { email § phone § }
role Commander § { filled-by Jane, Ravi, Kim }
role Dba § { filled-by Ravi }
supplier Gateway § { kind vendor }
customer Shoppers § { kind external }
workforce Staff § { at Seattle }
equipment Printers § { at Seattle }
data Records § { held-by OrderDb vital }
workload OrderDb § { kind database owner Dba runs-at Seattle failover-to Azure native-availability §
  replication asr every 5m recovery-time 1h tested 2026-09-12 recovery-point 5m estimated }
workload OrderApp § { runs-at Seattle failover-to Azure replication asr every 5m recovery-time 45m estimated depends-on OrderDb }
workload Billing § { runs-at Seattle recovery-time 2h estimated }
process Orders § { criticality critical rto 1h rpo 15m owner Commander suppliers Gateway input § from Gateway
  output § to Shoppers customers Shoppers workloads OrderApp, Billing workforce Staff locations Seattle
  equipment Printers data Records }
recovery-plan Failover § { from Seattle to Azure
  group Data § { workloads OrderDb before { manual Quiesce § by Dba takes 5m } after { manual Verify §arm§ by Dba takes 15m } }
  group Apps § { before { script Dns §arm§ on recovery takes 5m } workloads OrderApp
    after { automation Warm §arm§ takes 10m only planned, unplanned } } }
plan Retail § { owner Commander covers Orders
  response { mobilize { step Declare § by Commander takes 30m step Notify § by Commander takes 5m } stabilize { execute Failover step Smoke § by Dba takes 20m }
    close { step Review § by Commander takes 1h } }
  raci { Declare: accountable Commander } }
`;

/** What ARM would evaluate if the exporter did not escape it: instructions, script paths and runbook ids. */
const armExpressions = ["[concat('user','text')]", "[parameters('userParameter')]", "[resourceGroup().location]"];

function fill(texts: (slot: number) => string): string {
    let slot = 0;
    let arm = 0;
    return template.replace(/§(arm§)?/g, (_, isArm?: string) => quote(isArm ? armExpressions[arm++] : texts(slot++)));
}

const slotCount = template.replace(/§arm§/g, '').split('§').length - 1;
/** Each slot's hostile text; every hostile text is used at least once. */
const hostileAt = (slot: number) => hostile[slot % hostile.length];
/** A plain word about as long as the hostile text, so that layout and wrapping stay alike. */
const plainAt = (slot: number) => `Plain${slot}${'x'.repeat(Math.max(0, hostileAt(slot).length - 7))}`;
/** The text as the file holds it: a lone surrogate is written to UTF-8 as U+FFFD. */
const asWritten = (text: string) => text.toWellFormed();

const folders: Record<'hostile' | 'plain', string> = { hostile: '', plain: '' };
const outputs = new Map<string, { hostile: string; plain: string; stderr: string }>();

const commands: Record<string, string[]> = {
    'runbook md': ['runbook', '--format', 'md'],
    'runbook html': ['runbook', '--format', 'html'],
    'runbook json': ['runbook', '--format', 'json'],
    'graph svg': ['graph', '--format', 'svg'],
    'graph json': ['graph', '--format', 'json'],
    'check text': ['check'],
    'check json': ['check', '--format', 'json'],
    'check sarif': ['check', '--format', 'sarif'],
    'simulate text': ['simulate', '--lose', 'Seattle,Jane,Gateway'],
    'simulate json': ['simulate', '--lose', 'Seattle,Jane,Gateway', '--format', 'json'],
    'export asr': ['export', 'asr', '--recovery-plan', 'Failover'],
};
const structural = new Set(['runbook md', 'runbook html', 'graph svg']);
/** Commands that analyse take the evaluation date. */
const asOf = (args: string[]) => args[0] === 'export' ? args : [...args, '--as-of', '2026-11-21'];

/**
 * A file name is user text too (a cloned repository names its files): it is printed in check's lines and
 * in the runbook's gaps. Its declaration raises a warning so that it is printed.
 */
const fileNames = { hostile: 'x\u001b[31m\u001b]8;;http:evil.example\u0007\u202Egnp.exe [a](javascript:x) <b>|*.drplan', plain: 'x-a-plain-file-name-of-about-the-same-length.drplan' };

beforeAll(async () => {
    expect(slotCount).toBeGreaterThanOrEqual(hostile.length);
    for (const kind of ['hostile', 'plain'] as const) {
        folders[kind] = mkdtempSync(join(tmpdir(), `drplan-escaping-${kind}-`));
        writeFileSync(join(folders[kind], 'plan.drplan'), fill(kind === 'hostile' ? hostileAt : plainAt));
        writeFileSync(join(folders[kind], fileNames[kind]), 'workload Lonely { runs-at Seattle }\nprocess Side { criticality low workloads Lonely }\n');
    }
    for (const [name, args] of Object.entries(commands)) {
        const hostileRun = await drplan(asOf(args), { cwd: folders.hostile });
        // The plain workspace is the reference for structure: only the markup formats need it.
        const plainRun = structural.has(name) ? await drplan(asOf(args), { cwd: folders.plain }) : { stdout: '', stderr: '' };
        outputs.set(name, { hostile: hostileRun.stdout, plain: plainRun.stdout, stderr: hostileRun.stderr + plainRun.stderr });
    }
}, 120_000);

afterAll(() => {
    for (const folder of Object.values(folders)) {
        rmSync(folder, { recursive: true, force: true });
    }
});

/** The outputs of a command on both workspaces; both runs must have done their job. */
function output(name: string): { hostile: string; plain: string } {
    const run = outputs.get(name)!;
    expect(run.stderr, name).toBe('');
    return run;
}

describe('Markdown runbook', () => {
    // GitHub's reading of Markdown: CommonMark with tables and autolinks, raw HTML passed through.
    const markdown = new MarkdownIt({ html: true, linkify: true });
    /** The token structure: block tokens and the kinds of inline tokens, adjacent text runs merged. */
    const structure = (text: string) => markdown.parse(text, {}).flatMap(token => [
        `${token.type}${token.tag ? `<${token.tag}>` : ''}`,
        ...(token.children ?? [])
            // A contact's e-mail may become a mailto link, as on GitHub; any other link is injected.
            .filter(child => !(child.type === 'link_open' && (child.attrGet('href') ?? '').startsWith('mailto:')) && child.type !== 'link_close')
            .map(child => child.type)
            .filter((type, index, all) => type !== 'text' || all[index - 1] !== 'text'),
    ]);

    it('has the structure of the plain runbook: no injected link, image, HTML, heading, table cell or line', () => {
        const { hostile: text, plain } = output('runbook md');
        expect(structure(text)).toEqual(structure(plain));
        const html = markdown.render(text);
        expect(activeContent(scanMarkup(html))).toEqual([]);
        expect(scanMarkup(html).tags.filter(tag => tag.name === 'img')).toEqual([]);
    });

    it('still shows each step title, as text', () => {
        const html = markdown.render(output('runbook md').hostile);
        const shown = normalize(scanMarkup(html).texts.join(' '));
        const titles: string[] = JSON.parse(output('runbook json').hostile).steps
            .map((step: { title?: string }) => step.title).filter((title: unknown) => typeof title === 'string');
        expect(titles.length).toBeGreaterThan(3);
        for (const title of titles) {
            expect(shown, JSON.stringify(title)).toContain(normalize(title));
        }
    });
});

describe('Markdown runbook: a title with spaces at its ends', () => {
    it('still renders the step heading bold', async () => {
        const folder = mkdtempSync(join(tmpdir(), 'drplan-escaping-spaces-'));
        try {
            writeFileSync(join(folder, 'plan.drplan'), 'role Lead { }\nplan Retail { response { mobilize {\n'
                + '  step Declare " Declare the disaster " by Lead takes 30m\n  step Call "Call the team\\n" by Lead takes 5m } } }\n');
            const run = await drplan(['runbook', '--as-of', '2026-11-21'], { cwd: folder });
            const html = new MarkdownIt().render(run.stdout);
            expect(html).not.toContain('**');
            expect(html).toMatch(/<strong>1\. Declare the disaster<\/strong>/);
            expect(html).toMatch(/<strong>2\. Call the team<\/strong>/);
        } finally {
            rmSync(folder, { recursive: true, force: true });
        }
    });
});

describe('HTML runbook and SVG map', () => {
    for (const name of ['runbook html', 'graph svg']) {
        it(`${name}: no script, event handler, remote or javascript: URL, or unescaped < from user text`, () => {
            const markup = scanMarkup(output(name).hostile);
            expect(activeContent(markup)).toEqual([]);
            expect(markup.strayBrackets.map(offset => output(name).hostile.slice(offset, offset + 30))).toEqual([]);
            expect(markup.tags.filter(tag => tag.name === 'script')).toEqual([]);
        });

        it(`${name}: the same elements as the plain version, with the hostile text shown as text`, () => {
            const tagNames = (text: string) => scanMarkup(text).tags.map(tag => `${tag.closing ? '/' : ''}${tag.name}`);
            expect(tagNames(output(name).hostile)).toEqual(tagNames(output(name).plain));
            expect(scanMarkup(output(name).hostile).texts.join(' ')).toContain('<script>alert(1)</script>');
        });
    }

    it('runbook html: fetches nothing: no remote stylesheet, font, image or frame', () => {
        const html = output('runbook html').hostile;
        expect(html).not.toMatch(/(?:src|href)\s*=\s*["']?(?:https?:)?\/\//i);
        expect(html).not.toMatch(/@import|url\(\s*["']?(?:https?:)?\/\//i);
    });
});

describe('JSON, SARIF and the ARM template', () => {
    for (const name of ['runbook json', 'graph json', 'check json', 'check sarif', 'simulate json', 'export asr']) {
        it(`${name}: parses, and every hostile text that appears comes back exactly`, () => {
            const data = JSON.parse(output(name).hostile);
            const strings = collectStrings(data);
            for (const text of hostile.map(asWritten)) {
                // A value holds the whole text or none of its distinctive middle: nothing is cut or re-encoded.
                const middle = text.slice(1, -1);
                if (middle.length >= 8) {
                    for (const value of strings.filter(value => value.includes(middle))) {
                        expect(value.includes(text), `${name}: ${JSON.stringify(value)} holds part of ${JSON.stringify(text)}`).toBe(true);
                    }
                }
            }
        });
    }

    it('runbook json: step titles, instructions, paths and contacts are the user\'s text, unchanged', () => {
        const runbook = JSON.parse(output('runbook json').hostile);
        const written = new Set([...Array.from({ length: slotCount }, (_, slot) => asWritten(hostileAt(slot))), ...armExpressions]);
        const titles: string[] = runbook.steps.map((step: { title?: string }) => step.title).filter((title: unknown) => typeof title === 'string');
        expect(titles.length).toBeGreaterThan(0);
        for (const title of titles) {
            expect(written.has(title), JSON.stringify(title)).toBe(true);
        }
        const emails = runbook.contacts.flatMap((contact: { people: Array<{ email?: string }> }) => contact.people.map(person => person.email));
        expect(emails.every((email: string | undefined) => email === undefined || written.has(email))).toBe(true);
    });

    it('export asr: a text in brackets is escaped as an ARM literal, never evaluated as an expression', () => {
        const armTemplate = JSON.parse(output('export asr').hostile);
        const expressions = collectStrings(armTemplate).filter(value => value.startsWith('[') && !value.startsWith('[['));
        expect(expressions.length).toBeGreaterThan(0);
        for (const expression of expressions) {
            for (const user of armExpressions) {
                expect(expression, 'an ARM expression built from user text').not.toContain(user.slice(1, -1));
            }
        }
        const strings = collectStrings(armTemplate);
        for (const expression of armExpressions) {
            expect(strings.some(value => value.includes(`[${expression}`)), `${expression} escaped as [${expression}`).toBe(true);
        }
    });
});

describe('terminal output', () => {
    it('simulate text: no escape sequence or other control character reaches the terminal', () => {
        // eslint-disable-next-line no-control-regex
        expect(output('simulate text').hostile).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F\u009B]/);
    });

    it('check text: the lines about the other files carry no control character', () => {
        const lines = output('check text').hostile.split('\n').filter(line => !line.includes('Lonely'));
        // eslint-disable-next-line no-control-regex
        expect(lines.filter(line => /[\u0000-\u0008\u000B-\u001F\u007F\u009B]/.test(line))).toEqual([]);
    });

    it('check text: a syntax error quoting a string with terminal escapes prints none of them', async () => {
        const folder = mkdtempSync(join(tmpdir(), 'drplan-escaping-terminal-'));
        try {
            writeFileSync(join(folder, 'plan.drplan'), 'site S "title" "\u001b[31mRED\u001b]8;;http://evil.example\u0007" { }\nsite T { }\u001b[2J\n');
            const run = await drplan(['check'], { cwd: folder });
            expect(run.code).toBe(1);
            expect(run.stdout).toMatch(/error syntax/);
            // eslint-disable-next-line no-control-regex
            expect(run.stdout).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F\u009B]/);
        } finally {
            rmSync(folder, { recursive: true, force: true });
        }
    });

    it('check text: a file name with terminal escapes is printed without them', () => {
        const line = output('check text').hostile.split('\n').find(each => each.includes('unprotected: Lonely'));
        expect(line).toBeDefined();
        // eslint-disable-next-line no-control-regex
        expect(line).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F\u009B]/);
    });
});

/** Text as a reader sees it: runs of white space (line breaks included) as one space, controls dropped. */
function normalize(text: string): string {
    // eslint-disable-next-line no-control-regex
    return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').replace(/\s+/g, ' ').trim();
}

function collectStrings(value: unknown, into: string[] = []): string[] {
    const stack: unknown[] = [value];
    while (stack.length > 0) {
        const next = stack.pop();
        if (typeof next === 'string') {
            into.push(next);
        } else if (Array.isArray(next)) {
            stack.push(...next);
        } else if (next && typeof next === 'object') {
            stack.push(...Object.keys(next), ...Object.values(next));
        }
    }
    return into;
}
