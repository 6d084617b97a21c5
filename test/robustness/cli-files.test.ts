import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync,
    writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drplan } from '../cli/run-cli.js';

// What the CLI touches on disk, proven by tracing the built CLI (fs-tracer.mjs records every open, read,
// write, rename and removal, and every child process): it reads the .drplan files it was given and its
// own code, writes only its --out file (through a temporary file beside it), and never reads or runs
// the scripts and runbooks a plan names.

const repository = fileURLToPath(new URL('../../', import.meta.url));
const tracer = fileURLToPath(new URL('./fs-tracer.mjs', import.meta.url));
const driver = fileURLToPath(new URL('./run-traced.mjs', import.meta.url));

const plan = `
site Seattle { kind on-premises }
site Azure { kind azure }
person Jane { email "jane@contoso.example" }
role Dba { filled-by Jane }
workload OrderDb { runs-at Seattle failover-to Azure replication asr every 5m recovery-time 1h estimated }
workload OrderApp { runs-at Seattle failover-to Azure replication asr every 5m recovery-time 30m estimated depends-on OrderDb }
process Orders { criticality high rto 4h workloads OrderApp }
recovery-plan Failover { from Seattle to Azure
  group Data { workloads OrderDb before { script Dns "scripts/update-dns.sh" on recovery takes 5m }
    after { manual Verify "Run ./scripts/verify.sh and ../outside/evil.sh" by Dba takes 15m } }
  group Apps { before { script Escape "../outside/evil.sh" on primary takes 1m } workloads OrderApp
    after { automation Warm "RUNBOOK" takes 10m } } }
plan Retail { owner Dba covers Orders response { mobilize { step Declare "Declare" by Dba takes 30m }
  stabilize { execute Failover } } raci { Declare: accountable Dba } }
`;

let root: string;
/** Files a plan names as scripts: if the CLI ran one, it would create its marker file. */
let markers: string[];
let traced: { results: Array<{ args: string[]; code: number; stdout: string; stderr: string }>; events: TraceEvent[] };

interface TraceEvent {
    op: string;
    path: string;
    to?: string;
    write?: boolean;
    whole?: boolean;
    child?: boolean;
    args?: string[];
}

const asOf = ['--as-of', '2026-11-21'];
const outputs = ['ws/reports/check.sarif', 'ws/reports/runbook.md', 'ws/reports/runbook.html', 'ws/reports/map.svg', 'ws/reports/asr.json'];
const commandLines = [
    ['check', 'ws', '--format', 'json', ...asOf],
    ['check', 'ws', '--format', 'sarif', '--out', outputs[0], ...asOf],
    ['runbook', 'ws', '--format', 'md', '--out', outputs[1], ...asOf],
    ['runbook', 'ws', '--format', 'html', '--out', outputs[2], ...asOf],
    ['runbook', 'ws', '--format', 'json', '--failover', 'test', ...asOf],
    ['graph', 'ws', '--format', 'svg', '--out', outputs[3], ...asOf],
    ['graph', 'ws', '--format', 'json', ...asOf],
    ['simulate', 'ws', '--lose', 'Seattle', ...asOf],
    ['export', 'asr', 'ws', '--recovery-plan', 'Failover', '--out', outputs[4]],
    ['check', 'big', '--format', 'json', ...asOf],
];

beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'drplan-cli-files-'));
    mkdirSync(join(root, 'ws', 'scripts'), { recursive: true });
    mkdirSync(join(root, 'outside'));
    mkdirSync(join(root, 'big'));
    writeFileSync(join(root, 'ws', 'plan.drplan'), plan.replace('RUNBOOK', join(root, 'outside', 'runbook.ps1')));
    markers = ['ws/scripts/update-dns.sh', 'ws/scripts/verify.sh', 'outside/evil.sh', 'outside/runbook.ps1'].map(script => {
        const marker = join(root, `${script.replace(/[/.]/g, '-')}.ran`);
        writeFileSync(join(root, script), `#!/bin/sh\ntouch '${marker}'\n`);
        chmodSync(join(root, script), 0o755);
        return marker;
    });
    // Over the 20 MB limit, and sparse: it costs no disk.
    writeFileSync(join(root, 'big', 'huge.drplan'), '');
    truncateSync(join(root, 'big', 'huge.drplan'), 30 * 1024 * 1024);
    writeFileSync(join(root, 'big', 'small.drplan'), 'workload Lonely { }\n');

    const traceFile = join(root, 'trace.json');
    const child = spawnSync(process.execPath, ['--import', tracer, driver, JSON.stringify(commandLines)],
        { cwd: root, encoding: 'utf8', env: { ...process.env, DRPLAN_TRACE_FILE: traceFile }, maxBuffer: 64 * 1024 * 1024 });
    expect(child.stderr).toBe('');
    traced = { results: JSON.parse(child.stdout), events: JSON.parse(readFileSync(traceFile, 'utf8')) };
    rmSync(traceFile);
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The events of each command, by its place in `commandLines`. */
function eventsByCommand(): TraceEvent[][] {
    const byCommand: TraceEvent[][] = [];
    for (const event of traced.events) {
        if (event.op === 'command') {
            byCommand.push([]);
        } else if (byCommand.length > 0) {
            byCommand[byCommand.length - 1].push(event);
        }
    }
    return byCommand;
}

const isCode = (path: string) => path.startsWith(repository) && !path.startsWith(root);
const inRoot = (path: string) => relative(root, path).split(sep).join('/');

describe('the commands ran', () => {
    it('every command did its job', () => {
        expect(traced.results.map(result => [result.args.slice(0, 2).join(' '), result.code, result.stderr]))
            .toEqual(commandLines.map(args => [args.slice(0, 2).join(' '), args.includes('big') ? 1 : expect.any(Number), '']));
        for (const result of traced.results) {
            expect(result.code, result.args.join(' ')).toBeLessThan(2);
        }
    });
});

describe('scripts and runbooks a plan names', () => {
    it('are never run: no child process is started and no script left its marker', () => {
        expect(traced.events.filter(event => event.child)).toEqual([]);
        expect(markers.filter(marker => existsSync(marker))).toEqual([]);
    });

    it('are never opened, read or written', () => {
        const touched = traced.events.filter(event => /scripts|outside/.test(inRoot(event.path)) && !isCode(event.path));
        expect(touched).toEqual([]);
    });
});

describe('what the CLI reads', () => {
    it('is its own code and the .drplan files it was given, nothing else', () => {
        const reads = traced.events.filter(event => !event.write && !isCode(event.path) && event.op !== 'command');
        // huge.drplan is over the size limit: only its size is looked at (see the next test).
        expect([...new Set(reads.map(event => inRoot(event.path)))].sort()).toEqual(['big/small.drplan', 'ws/plan.drplan']);
    });

    it('never reads a file over the 20 MB limit, and still reports it as skipped', () => {
        const hugeReads = traced.events.filter(event => event.path.endsWith('huge.drplan') && event.whole);
        expect(hugeReads).toEqual([]);
    });

    it('reports a file over the 20 MB limit as skipped and checks the others', () => {
        const report = JSON.parse(traced.results[traced.results.length - 1].stdout);
        const huge = report.diagnostics.filter((diagnostic: { file: string }) => diagnostic.file.endsWith('huge.drplan'));
        expect(huge).toEqual([expect.objectContaining({ line: 1, severity: 'error', code: 'syntax',
            message: expect.stringMatching(/30\.0 MB, over drplan's limit of 20 MB: it is skipped/) })]);
        expect(report.diagnostics.some((diagnostic: { code: string; element: string }) =>
            diagnostic.code === 'unprotected' && diagnostic.element === 'Lonely')).toBe(true);
    });
});

describe('what the CLI writes', () => {
    it('is only the --out file of each command, through a temporary file beside it', () => {
        const byCommand = eventsByCommand();
        expect(byCommand).toHaveLength(commandLines.length);
        byCommand.forEach((events, index) => {
            const args = commandLines[index];
            const out = args.includes('--out') ? join(root, args[args.indexOf('--out') + 1]) : undefined;
            const allowed = (path: string) => out !== undefined && (path === out || path === dirname(out)
                || (dirname(path) === dirname(out) && path.startsWith(join(dirname(out), `.${out.slice(dirname(out).length + 1)}.`)) && path.endsWith('.tmp')));
            const writes = events.filter(event => event.write);
            const outside = writes.filter(event => !allowed(event.path) || (event.to !== undefined && event.to !== out));
            expect(outside, args.join(' ')).toEqual([]);
            if (out) {
                expect(writes.some(event => event.op === 'rename' && event.to === out), `${args.join(' ')} renames its temporary file`).toBe(true);
            }
        });
    });

    it('leaves exactly the output files, no temporary file', () => {
        expect(readdirSync(join(root, 'ws', 'reports')).sort()).toEqual(outputs.map(out => out.split('/').pop()).sort());
        expect(readdirSync(join(root, 'ws')).sort()).toEqual(['plan.drplan', 'reports', 'scripts']);
    });
});

describe('--out on failure', () => {
    const failing = [
        ['runbook', 'ws', '--plan', 'Nope', ...asOf],
        ['graph', 'ws', '--process', 'Nope', ...asOf],
        ['export', 'asr', 'ws', '--recovery-plan', 'Nope'],
        ['check', 'ws/missing.drplan', ...asOf],
        ['runbook', 'ws', '--as-of', '2026-13-45'],
    ];
    for (const args of failing) {
        it(`drplan ${args.join(' ')} --out old.txt: exits 2 with one line and leaves the old file untouched`, async () => {
            const out = join(root, 'ws', 'reports', 'old.txt');
            writeFileSync(out, 'the previous report\n');
            const result = await drplan([...args, '--out', 'ws/reports/old.txt'], { cwd: root });
            expect(result.code).toBe(2);
            expect(result.stderr).toMatch(/^drplan: [^\n]+\n$/);
            expect(result.stdout).toBe('');
            expect(readFileSync(out, 'utf8')).toBe('the previous report\n');
            expect(readdirSync(join(root, 'ws', 'reports')).filter(name => name.endsWith('.tmp'))).toEqual([]);
            rmSync(out);
        });
    }

    it('--out whose folder is a file: exits 2 with one line and creates nothing', async () => {
        const result = await drplan(['runbook', 'ws', '--out', 'ws/plan.drplan/runbook.md', ...asOf], { cwd: root });
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(/^drplan: cannot [^\n]+\n$/);
        expect(lstatSync(join(root, 'ws', 'plan.drplan')).isFile()).toBe(true);
    });

    it('--out that is a symbolic link: the link is replaced, the file it pointed to outside is untouched', async () => {
        const target = join(root, 'outside', 'precious.txt');
        writeFileSync(target, 'not yours\n');
        const link = join(root, 'ws', 'reports', 'link.md');
        symlinkSync(target, link);
        const result = await drplan(['runbook', 'ws', '--out', 'ws/reports/link.md', ...asOf], { cwd: root });
        expect(result.code).toBeLessThan(2);
        expect(readFileSync(target, 'utf8')).toBe('not yours\n');
        expect(lstatSync(link).isFile()).toBe(true);
        expect(readFileSync(link, 'utf8')).toMatch(/^# /);
        rmSync(link);
    });
});
