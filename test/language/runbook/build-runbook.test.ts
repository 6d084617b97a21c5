import { describe, expect, test } from 'vitest';
import type { FailoverType } from '../../../packages/language/src/model/plan-model.js';
import {
    buildRunbook, renderRunbookJson, renderRunbookMarkdown, renderTimelineSvg, type Runbook, type RunbookGap, RunbookPlanError,
} from '../../../packages/language/src/runbook/index.js';
import { buildWorkspace, type TestWorkspace } from '../analysis/workspace.js';

const PEOPLE = `
person Ann "Ann Lee" { email "ann@example.org" phone "+1 555 0100" }
person Bob { }
role Lead "Incident lead" { filled-by Ann, Bob }
role Dba { filled-by Bob }
role Cio { filled-by Ann }
role Nobody "Role nobody fills" { }
site Primary { kind on-premises }
site Cloud { kind azure }
`;

const WORKLOADS = `
workload Db { owner Dba runs-at Primary failover-to Cloud replication asr every 5m recovery-time 1h tested 2026-09-01 recovery-point 5m tested 2026-09-01 }
workload App { runs-at Primary failover-to Cloud stateless depends-on Db }
workload Batch { runs-at Primary failover-to Cloud stateless recovery-time 2h estimated }
process Orders "Order taking" { criticality critical rto 2h rpo 15m owner Cio workloads App }
process Reports { criticality low workloads Batch }
process Archive { criticality low rto 90d workloads Db }
recovery-plan Failover { from Primary to Cloud tested 2026-09-01
  group Data { workloads Db after { manual Check "Check replication" by Dba takes 10m only planned, unplanned } }
  group Apps { before { script Dns "dns.sh" on recovery takes 5m only test } workloads App, Batch }
}
`;

async function compile(files: Record<string, string>, options: { plan?: string; failover?: FailoverType } = {}):
    Promise<{ workspace: TestWorkspace; runbook: Runbook }> {
    const workspace = await buildWorkspace(files);
    const gaps: RunbookGap[] = workspace.all().map(diagnostic => ({
        file: diagnostic.file, line: diagnostic.line, column: diagnostic.range.start.character + 1,
        endLine: diagnostic.range.end.line + 1, endColumn: diagnostic.range.end.character + 1,
        severity: diagnostic.severity === 'hint' ? 'info' : diagnostic.severity, code: diagnostic.code,
        element: diagnostic.element ?? null, message: diagnostic.message,
    }));
    const analysis = workspace.workspaceAnalysis.forFailover(options.failover ?? 'unplanned');
    return { workspace, runbook: buildRunbook(analysis, { plan: options.plan, gaps }) };
}

const PLAN = `
plan Response "Order tier response" {
  owner Cio
  covers Orders, Reports, Archive
  policy { staff-effectiveness 50% }
  response {
    watch { step Watch "Watch alerts" by Lead takes 0s }
    mobilize { step Declare "Declare" by Lead takes 15m }
    stabilize { execute Failover step Verify "Verify orders" by Nobody takes 10m }
  }
  raci {
    Declare: accountable Cio, Lead consulted Dba
    Check: accountable Lead
  }
}
`;

describe('choosing the plan', () => {
    const second = 'plan Other { owner Lead covers Reports }';

    test('one plan needs no name; several need one; an unknown name is refused with the names there are', async () => {
        expect((await compile({ 'a.drplan': PEOPLE + WORKLOADS + PLAN })).runbook.plan).toBe('Response');
        await expect(compile({ 'a.drplan': PEOPLE + WORKLOADS + PLAN + second }))
            .rejects.toThrow(new RunbookPlanError('the workspace declares 2 plans (Response, Other): choose one with --plan'));
        expect((await compile({ 'a.drplan': PEOPLE + WORKLOADS + PLAN + second }, { plan: 'Other' })).runbook.plan).toBe('Other');
        await expect(compile({ 'a.drplan': PEOPLE + WORKLOADS + PLAN }, { plan: 'Respons' }))
            .rejects.toThrow('there is no plan Respons; the workspace declares Response');
        await expect(compile({ 'a.drplan': PEOPLE })).rejects.toThrow('the workspace declares no plan');
    });
});

describe('the runbook of a plan', () => {
    test('objectives: null where the process has no RTO or RPO; a lower bound when a capability is unknown', async () => {
        const { runbook } = await compile({ 'a.drplan': PEOPLE + WORKLOADS + PLAN });
        const json = JSON.parse(renderRunbookJson(runbook));
        const [orders, reports] = json.objectives;
        // App's RT is unknown (counts as 0): Orders' recovery time is a lower bound.
        expect(orders).toMatchObject({ process: 'Orders', rto: 7200, rpo: 900, complete: false, proven: false });
        expect(reports).toMatchObject({ process: 'Reports', rto: null, rpo: null, rtoMet: null, rpoMet: null });
        const markdown = renderRunbookMarkdown(runbook);
        // Declare 15m at 50% = 30m, group Data: Db 1h + Check 10m at 50% = 1h20m, then App (unknown) in group Apps.
        expect(markdown).toContain('| **Orders** Order taking | critical | 2h | ≥ 1h50m (lower bound: App unknown; estimate: Batch) ✓ met |');
        expect(markdown).toContain('- **Orders** ≥ 1h50m: Declare 30m → Data 1h20m → Apps 0s → App 0s');
        expect(markdown).toContain('| **Reports** | low | — |');
        expect(markdown).toContain('· no RTO');
    });

    test('actions follow the failover type: Check only for planned and unplanned, Dns only for test', async () => {
        const files = { 'a.drplan': PEOPLE + WORKLOADS + PLAN };
        const ids = (runbook: Runbook) => runbook.steps.map(step => step.id);
        expect(ids((await compile(files, { failover: 'unplanned' })).runbook)).toEqual(['Watch', 'Declare', 'Data', 'Check', 'Apps', 'Verify']);
        expect(ids((await compile(files, { failover: 'test' })).runbook)).toEqual(['Watch', 'Declare', 'Data', 'Apps', 'Dns', 'Verify']);
        const test = (await compile(files, { failover: 'test' })).runbook;
        // Numbers follow what happens in the group: Dns before the workloads, then App and Batch.
        const apps = test.phases.find(phase => phase.name === 'stabilize')!.items[0];
        expect(apps.kind === 'execute' && apps.groups[1].parts.map(part => part.kind === 'action' ? part.action.number
            : `${part.failover.number} ${part.failover.workload}`)).toEqual(['2.1', '2.2 App', '2.3 Batch']);
        expect(renderRunbookMarkdown(test)).toContain('for **a test failover**');
    });

    test('roles: accountable is null unless exactly one; the by role is responsible; a role nobody fills is shown', async () => {
        const { runbook } = await compile({ 'a.drplan': PEOPLE + WORKLOADS + PLAN });
        const json = JSON.parse(renderRunbookJson(runbook));
        expect(json.steps.find((step: { id: string }) => step.id === 'Declare')).toMatchObject({ responsible: 'Lead', accountable: null });
        expect(json.raci.find((row: { activity: string }) => row.activity === 'Declare'))
            .toEqual({ activity: 'Declare', accountable: null, responsible: ['Lead'], consulted: ['Dba'], informed: [] });
        expect(json.steps.find((step: { id: string }) => step.id === 'Verify')).toMatchObject({ responsible: 'Nobody', accountable: null });
        const markdown = renderRunbookMarkdown(runbook);
        expect(markdown).toContain('Responsible: Lead · Accountable: unclear: Cio, Lead');
        expect(markdown).toContain('Responsible: Nobody · Accountable: nobody');
        expect(markdown).toContain('| Declare (step) ⚠ several accountable roles |');
        expect(markdown).toContain('| **Nobody** Role nobody fills | ⚠ nobody fills this role | | |');
        // A person without a title is shown by name; missing e-mail and phone are null in JSON.
        expect(json.contacts.find((contact: { role: string }) => contact.role === 'Dba').people)
            .toEqual([{ name: 'Bob', email: null, phone: null }]);
        // Contacts: owner first, then in the order of the response, then process and workload owners.
        expect(json.contacts.map((contact: { role: string }) => contact.role)).toEqual(['Cio', 'Lead', 'Dba', 'Nobody']);
        expect(json.contacts[0].duties).toEqual(['owns plan Response', 'accountable for Declare', 'owns process Orders']);
    });

    test('an action whose instruction the parser lost has a null title and is named by its id', async () => {
        const lost = WORKLOADS.replace('manual Check "Check replication" by', 'manual Check by');
        const { workspace, runbook } = await compile({ 'a.drplan': PEOPLE + lost + PLAN });
        expect(workspace.withCode('syntax')).toHaveLength(1);
        const json = JSON.parse(renderRunbookJson(runbook));
        expect(json.steps.find((step: { id: string }) => step.id === 'Check')).toMatchObject({ kind: 'manual', title: null });
        expect(renderRunbookMarkdown(runbook)).toMatch(/\*\*Check\*\* \(Check: manual/);
    });

    test('a plan without a raci block: only the by roles, no warnings in the matrix', async () => {
        const plan = 'plan Quick { owner Lead covers Reports response { mobilize { step Go "Go" by Lead takes 5m } } }';
        const { runbook } = await compile({ 'a.drplan': PEOPLE + WORKLOADS + plan });
        expect(runbook.raci).toEqual({ declared: false, roles: ['Lead'],
            rows: [{ activity: 'Go', kind: 'step', accountable: [], responsible: ['Lead'], consulted: [], informed: [] }] });
        const markdown = renderRunbookMarkdown(runbook);
        expect(markdown).toContain('The plan has no `raci` block: only the `by` roles are known.');
        expect(markdown).not.toContain('⚠ no accountable role');
        expect(markdown).not.toContain('Accountable: nobody');
    });
});

describe('open gaps, grouped by process', () => {
    test('covered processes first, then the plan\'s response, then processes it does not cover; errors of the plan in the banner', async () => {
        const other = `
process Payroll { criticality high rto 1h workloads Payslips }
workload Payslips { runs-at Primary recovery-time 3h estimated stateless }
plan Other { owner Lead covers Payroll }
`;
        const { runbook } = await compile({ 'a.drplan': PEOPLE + WORKLOADS + PLAN, 'b.drplan': other }, { plan: 'Response' });
        const groups = runbook.gapGroups.map(group => group.kind === 'process' ? `${group.process}${group.covered ? '' : ' (other)'}`
            : group.kind);
        expect(groups[0]).toBe('Orders');
        expect(groups).toContain('plan');
        expect(groups.indexOf('plan')).toBeLessThan(groups.indexOf('Payroll (other)'));
        const codes = (name: string) => runbook.gapGroups.flatMap(group => group.kind === 'process' && group.process === name
            || group.kind === name ? group.entries.map(entry => entry.gap.code) : []);
        expect(codes('plan')).toEqual(expect.arrayContaining(['raci-accountable', 'raci-missing']));
        expect(codes('Payroll')).toContain('rto-gap');
        // The banner holds the errors of this plan, not Payroll's RTO gap, which another plan answers for.
        expect(runbook.errors.map(gap => gap.code)).toContain('raci-accountable');
        expect(runbook.errors.map(gap => gap.element)).not.toContain('Payroll');
        // Every diagnostic is listed exactly once.
        expect(runbook.gapGroups.flatMap(group => group.entries).length).toBe(runbook.gaps.length);
    });

    test('a syntax error anywhere is in the banner', async () => {
        const { runbook } = await compile({ 'a.drplan': PEOPLE + WORKLOADS + PLAN, 'b.drplan': 'site Broken { kind }' });
        expect(runbook.errors.some(gap => gap.code === 'syntax')).toBe(true);
        expect(runbook.gapGroups.at(-1)).toMatchObject({ kind: 'workspace' });
        expect(renderRunbookMarkdown(runbook)).toContain('### Elsewhere in the workspace');
    });
});

describe('timeline chart', () => {
    test('a bar per timed step, group and action, coloured by phase; a labelled line per RTO; the far RTO at the edge', async () => {
        const { runbook } = await compile({ 'a.drplan': PEOPLE + WORKLOADS + PLAN });
        const svg = renderTimelineSvg(runbook);
        const bars = [...svg.matchAll(/<g class="bar (\w+)" data-id="(\w+)">.*?fill="(#[0-9a-f]{6})"/g)]
            .map(match => [match[2], match[1], match[3]]);
        expect(bars).toEqual([
            ['Declare', 'step', '#b45309'],
            ['Data', 'group', '#1d4ed8'],
            ['Check', 'action', '#1d4ed8'],
            ['Apps', 'group', '#1d4ed8'],
            ['Verify', 'step', '#1d4ed8'],
        ]);
        expect(svg).toContain('ongoing, before T+0');
        const labels = [...svg.matchAll(/<g class="rto[^"]*"><text[^>]*>([^<]*)<\/text>/g)].map(match => match[1]);
        // Archive's 90 days would squeeze every bar into a corner: it is drawn at the edge with an arrow.
        expect(labels).toEqual(['Orders: RTO 2h', 'Archive: RTO 90d (beyond the chart) →']);
        expect(svg).toMatch(/<g class="milestone">.*Orders/);
    });
});
