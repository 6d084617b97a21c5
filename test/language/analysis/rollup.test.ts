import { describe, expect, it } from 'vitest';
import type { Analysis, ProcessResult, Timeline } from '../../../packages/language/src/analysis/types.js';
import type { Plan, Process, Workload } from '../../../packages/language/src/model/plan-model.js';
import { WORKED_EXAMPLE } from './worked-example.js';
import { buildSnippet, edit, type TestWorkspace } from './workspace.js';

const h = 3600;
const m = 60;

function processResult(workspace: TestWorkspace, name: string, analysis: Analysis = workspace.analysis): ProcessResult {
    const result = analysis.processes.get(workspace.element(name) as Process);
    if (!result) {
        throw new Error(`no result for process ${name}`);
    }
    return result;
}

function timeline(workspace: TestWorkspace, plan: string, analysis: Analysis = workspace.analysis): Timeline {
    return analysis.timelines.get(workspace.element(plan) as Plan)!;
}

/** start–end of each timeline entry, by name. */
function bars(line: Timeline): Record<string, [number | undefined, number | undefined]> {
    return Object.fromEntries(line.entries.map(entry => [entry.item.name, [entry.start, entry.end]]));
}

function ready(line: Timeline, workspace: TestWorkspace, workload: string): number | undefined {
    return line.ready.get(workspace.element(workload) as Workload);
}

describe('the worked example of LANGUAGE.md §3.2', () => {
    it('recovers OrderFulfilment in exactly 5h20m under ContosoRetail, proven and complete', async () => {
        const workspace = await buildSnippet(WORKED_EXAMPLE);
        const result = processResult(workspace, 'OrderFulfilment');
        expect(result.worst.plan?.name).toBe('ContosoRetail');
        expect(result.worst.recoveryTime).toEqual({ value: 5 * h + 20 * m, proven: true, complete: true, estimates: [], unknown: [] });
        expect(result.evaluations).toHaveLength(1);
        expect(result.rtoMet).toBe(false);
    });

    it('has the critical path Declare 1h, Damage 1h30m, Identity 30m, Data 1h30m, Apps 5m, OrderApp 45m', async () => {
        const workspace = await buildSnippet(WORKED_EXAMPLE);
        const path = processResult(workspace, 'OrderFulfilment').worst.criticalPath;
        expect(path.map(step => [step.name, step.duration])).toEqual([
            ['Declare', 1 * h], ['Damage', 1 * h + 30 * m], ['Identity', 30 * m], ['Data', 1 * h + 30 * m],
            ['Apps', 5 * m], ['OrderApp', 45 * m],
        ]);
        expect(path.reduce((sum, step) => sum + step.duration, 0)).toBe(5 * h + 20 * m);
    });

    it('lays out the timeline step by step: L = 2h30m, groups in order, stabilize after the execute, watch uncounted', async () => {
        const workspace = await buildSnippet(WORKED_EXAMPLE);
        const line = timeline(workspace, 'ContosoRetail');
        expect(line.lead).toBe(2 * h + 30 * m);
        expect(bars(line)).toEqual({
            Monitor: [undefined, undefined],
            Declare: [0, 1 * h],
            Damage: [1 * h, 2 * h + 30 * m],
            Identity: [2 * h + 30 * m, 3 * h],
            Data: [3 * h, 4 * h + 30 * m],
            VerifyListener: [4 * h, 4 * h + 30 * m],
            Apps: [4 * h + 30 * m, 5 * h + 30 * m],
            UpdateDns: [4 * h + 30 * m, 4 * h + 35 * m],
            // Automation is not slowed by staff-effectiveness.
            WarmCaches: [5 * h + 20 * m, 5 * h + 30 * m],
            // A stabilize step after an execute starts when the recovery plan's last group ended.
            SmokeTest: [5 * h + 30 * m, 6 * h + 10 * m],
            Review: [6 * h + 10 * m, 10 * h + 10 * m],
        });
        expect(line.started.get(workspace.element('OrderApp') as Workload)).toBe(4 * h + 35 * m);
        expect(line.started.get(workspace.element('OrderDb') as Workload)).toBe(3 * h);
        expect(ready(line, workspace, 'ActiveDirectory')).toBe(3 * h);
        expect(ready(line, workspace, 'OrderDb')).toBe(4 * h);
        expect(ready(line, workspace, 'OrderApp')).toBe(5 * h + 20 * m);
        expect(ready(line, workspace, 'WebShop')).toBe(5 * h + 5 * m);
        // Not a member: RT after the lead time.
        expect(ready(line, workspace, 'CoreNetwork')).toBe(2 * h + 50 * m);
    });

    it('does not count the watch phase: a 1h watch step changes nothing', async () => {
        const workspace = await buildSnippet(edit(WORKED_EXAMPLE, 'by NOC takes 0s', 'by NOC takes 1h'));
        expect(processResult(workspace, 'OrderFulfilment').worst.recoveryTime.value).toBe(5 * h + 20 * m);
    });
});

describe('staff-effectiveness', () => {
    it('defaults to 100%: without a policy the example recovers in 3h50m and meets its RTO', async () => {
        const workspace = await buildSnippet(edit(WORKED_EXAMPLE, 'staff-effectiveness 50%', ''));
        // L = 1h15m; Identity → 1h45m; OrderDb ready 2h45m, VerifyListener 15m → 3h; UpdateDns → 3h05m; OrderApp 3h50m.
        expect(timeline(workspace, 'ContosoRetail').lead).toBe(1 * h + 15 * m);
        expect(processResult(workspace, 'OrderFulfilment').worst.recoveryTime.value).toBe(3 * h + 50 * m);
        expect(workspace.withCode('rto-gap')).toEqual([]);
    });

    it('divides manual work only: at 80%, 30m → 37m30s and 45m → 56m15s, scripts unchanged', async () => {
        const workspace = await buildSnippet(edit(WORKED_EXAMPLE, 'staff-effectiveness 50%', 'staff-effectiveness 80%'));
        const lead = 2250 + 3375;
        expect(timeline(workspace, 'ContosoRetail').lead).toBe(lead);
        // + Identity 30m + OrderDb 1h + VerifyListener 18m45s + UpdateDns 5m + OrderApp 45m.
        expect(processResult(workspace, 'OrderFulfilment').worst.recoveryTime.value).toBe(lead + 1800 + 3600 + 1125 + 300 + 2700);
    });

    it('applies to the timeline of the plan that declares it only; the worst plan wins and is named', async () => {
        const second = `
plan Calm "Calm" {
  covers OrderFulfilment
  response {
    mobilize { step Gather "Gather" by IncidentCommander takes 30m }
    assess { step Look "Look" by OpsLead takes 45m }
    stabilize { execute OrderTierFailover }
  }
}
`;
        const workspace = await buildSnippet(WORKED_EXAMPLE + second);
        const result = processResult(workspace, 'OrderFulfilment');
        const byPlan = Object.fromEntries(result.evaluations.map(e => [e.plan?.name, e.recoveryTime.value]));
        expect(byPlan).toEqual({ ContosoRetail: 5 * h + 20 * m, Calm: 3 * h + 50 * m });
        expect(result.worst.plan?.name).toBe('ContosoRetail');
        const [gap] = workspace.withCode('rto-gap');
        expect(gap.message).toContain('ContosoRetail');
        expect(gap.message).toContain('5h20m');
    });

    it('names the other plan when it is the worst', async () => {
        const slow = `
plan Slow "Slow" {
  covers OrderFulfilment
  response {
    mobilize { step Gather "Gather" by IncidentCommander takes 4h }
    stabilize { execute OrderTierFailover }
  }
}
`;
        const workspace = await buildSnippet(WORKED_EXAMPLE + slow);
        const result = processResult(workspace, 'OrderFulfilment');
        // L = 4h; Identity → 4h30m; OrderDb 5h30m; VerifyListener 15m → 5h45m; UpdateDns → 5h50m; OrderApp → 6h35m.
        expect(result.worst.plan?.name).toBe('Slow');
        expect(result.worst.recoveryTime.value).toBe(6 * h + 35 * m);
        expect(workspace.withCode('rto-gap')[0].message).toContain('Slow');
    });
});

describe('failover types and `only`', () => {
    const beforeOnlyTest = edit(WORKED_EXAMPLE, 'on recovery takes 5m', 'on recovery takes 5m only test');

    it('gives no time to an action whose only excludes the failover type evaluated', async () => {
        const workspace = await buildSnippet(beforeOnlyTest);
        // Unplanned (diagnostics): UpdateDns does not run, OrderApp starts at 4h30m.
        expect(processResult(workspace, 'OrderFulfilment').worst.recoveryTime.value).toBe(5 * h + 15 * m);
        const entry = timeline(workspace, 'ContosoRetail').entries.find(e => e.item.name === 'UpdateDns')!;
        expect(entry).toMatchObject({ runs: false, duration: 0 });
    });

    it('evaluates each failover type on demand: forFailover(test) runs it, forFailover(planned) does not', async () => {
        const workspace = await buildSnippet(beforeOnlyTest);
        const test = workspace.workspaceAnalysis.forFailover('test');
        const planned = workspace.workspaceAnalysis.forFailover('planned');
        expect(test.options.failover).toBe('test');
        expect(processResult(workspace, 'OrderFulfilment', test).worst.recoveryTime.value).toBe(5 * h + 20 * m);
        expect(processResult(workspace, 'OrderFulfilment', planned).worst.recoveryTime.value).toBe(5 * h + 15 * m);
        expect(workspace.analysis.options.failover).toBe('unplanned');
    });

    it('skips WarmCaches (only planned, unplanned) in a test failover: Apps ends at 5h20m', async () => {
        const workspace = await buildSnippet(WORKED_EXAMPLE);
        const test = workspace.workspaceAnalysis.forFailover('test');
        const line = timeline(workspace, 'ContosoRetail', test);
        expect(bars(line).Apps).toEqual([4 * h + 30 * m, 5 * h + 20 * m]);
        expect(bars(line).SmokeTest).toEqual([5 * h + 20 * m, 6 * h]);
        expect(bars(timeline(workspace, 'ContosoRetail', workspace.workspaceAnalysis.forFailover('planned'))).Apps)
            .toEqual([4 * h + 30 * m, 5 * h + 30 * m]);
    });
});

describe('ready times', () => {
    it('makes a non-member that depends on a member wait for it: RT + max(L, ready of dependencies)', async () => {
        const workspace = await buildSnippet(WORKED_EXAMPLE + `
workload Reporting "Reporting" { stateless recovery-time 10m tested 2026-09-12 depends-on OrderDb }
process Reports "Reports" { criticality low workloads Reporting }
plan ReportsPlan "Reports plan" {
  covers Reports
  response { mobilize { step Wake "Wake" by NOC takes 1h } }
}
`);
        // Under ContosoRetail OrderDb is ready at 4h: Reporting at 4h10m.
        expect(ready(timeline(workspace, 'ContosoRetail'), workspace, 'Reporting')).toBe(4 * h + 10 * m);
        // Under ReportsPlan (L = 1h, nothing executed): AD 1h30m → OrderDb 2h30m (CoreNetwork 1h20m) → Reporting 2h40m.
        expect(processResult(workspace, 'Reports').worst.recoveryTime.value).toBe(2 * h + 40 * m);
    });

    it('makes a member wait for a slower dependency outside the plan, without stretching its group', async () => {
        const workspace = await buildSnippet(edit(WORKED_EXAMPLE, 'recovery-time 20m tested 2026-09-12', 'recovery-time 2h tested 2026-09-12'));
        const line = timeline(workspace, 'ContosoRetail');
        // CoreNetwork: 2h30m + 2h = 4h30m; OrderDb started 3h, RT 1h, but waits: ready 4h30m.
        expect(ready(line, workspace, 'CoreNetwork')).toBe(4 * h + 30 * m);
        expect(ready(line, workspace, 'OrderDb')).toBe(4 * h + 30 * m);
        // The group ends at start + max RT + after, as before.
        expect(bars(line).Data).toEqual([3 * h, 4 * h + 30 * m]);
        expect(processResult(workspace, 'OrderFulfilment').worst.recoveryTime.value).toBe(5 * h + 20 * m);
    });

    it('starts groups after stabilize steps that precede the execute', async () => {
        const workspace = await buildSnippet(edit(WORKED_EXAMPLE, '      execute OrderTierFailover\n',
            '      step Prepare "Prepare the DR site" by OpsLead takes 10m\n      execute OrderTierFailover\n'));
        expect(processResult(workspace, 'OrderFulfilment').worst.recoveryTime.value).toBe(5 * h + 40 * m);
    });

    it('sums several before actions before the members start', async () => {
        const workspace = await buildSnippet(edit(WORKED_EXAMPLE, 'before { script UpdateDns "scripts/update-dns.ps1" on recovery takes 5m }',
            'before { script UpdateDns "scripts/update-dns.ps1" on recovery takes 5m manual Approve "Approve" by OpsLead takes 5m }'));
        expect(processResult(workspace, 'OrderFulfilment').worst.recoveryTime.value).toBe(5 * h + 30 * m);
    });
});

describe('processes and plans', () => {
    it('evaluates a process that no plan covers with L = 0 on the pure critical path', async () => {
        const workspace = await buildSnippet(edit(WORKED_EXAMPLE, '  covers OrderFulfilment\n', ''));
        const result = processResult(workspace, 'OrderFulfilment');
        expect(result.worst.plan).toBeUndefined();
        // AD 30m → OrderDb 1h → OrderApp 45m (CoreNetwork 20m is shorter than AD).
        expect(result.worst.recoveryTime.value).toBe(2 * h + 15 * m);
        expect(result.worst.criticalPath.map(s => s.name)).toEqual(['ActiveDirectory', 'OrderDb', 'OrderApp']);
    });

    it('includes the holders of a process\'s data and their dependencies', async () => {
        const workspace = await buildSnippet(WORKED_EXAMPLE + `
workload Archive "Archive" { runs-at Seattle failover-to AzureWestUS2 backup tape every 1d recovery-time 3h estimated depends-on CoreNetwork }
data Invoices "Invoices" { held-by Archive }
process Accounting "Accounting" { criticality low data Invoices }
`);
        const result = processResult(workspace, 'Accounting');
        expect(result.needs.map(w => w.name).sort()).toEqual(['Archive', 'CoreNetwork']);
        expect(result.worst.recoveryTime).toMatchObject({ value: 3 * h + 20 * m, proven: false, complete: true, estimates: ['Archive'] });
        expect(result.recoveryPoint).toMatchObject({ value: 86400, proven: false, estimates: ['Archive'] });
    });

    it('takes the worst recovery time of an upstream process (input … from), path ending with it', async () => {
        const workspace = await buildSnippet(WORKED_EXAMPLE + `
process Reporting "Reporting" {
  criticality low
  input "Orders" from OrderFulfilment
  workloads CoreNetwork
}
`);
        const result = processResult(workspace, 'Reporting');
        // Its own need: CoreNetwork, 20m with L = 0; its upstream: 5h20m.
        expect(result.worst.recoveryTime.value).toBe(5 * h + 20 * m);
        expect(result.worst.criticalPath.at(-1)).toMatchObject({ name: 'OrderFulfilment', kind: 'process' });
        expect(result.worst.criticalPath.map(s => s.name)).toContain('OrderApp');
    });

    it('keeps its own time when the upstream process is faster', async () => {
        const workspace = await buildSnippet(WORKED_EXAMPLE + `
workload Batch "Batch" { stateless recovery-time 9h tested 2026-09-12 }
process Reporting "Reporting" {
  criticality low
  input "Orders" from OrderFulfilment
  workloads Batch
}
`);
        expect(processResult(workspace, 'Reporting').worst.recoveryTime.value).toBe(9 * h);
    });
});

describe('unknown and estimated capabilities', () => {
    it('counts an unknown recovery time as 0, marks the roll-up incomplete and names the workload', async () => {
        const workspace = await buildSnippet(edit(WORKED_EXAMPLE, '  recovery-time 45m tested 2026-09-12\n', ''));
        const result = processResult(workspace, 'OrderFulfilment');
        // OrderApp is ready when started, at 4h35m.
        expect(result.worst.recoveryTime).toEqual({ value: 4 * h + 35 * m, proven: false, complete: false, estimates: [], unknown: ['OrderApp'] });
        expect(workspace.withCode('rto-gap')[0].message).toContain('at least 4h35m');
        expect(workspace.withCode('missing-capability').map(d => d.element)).toEqual(['OrderApp']);
    });

    it('marks a roll-up that used an estimate as not proven, naming the estimate', async () => {
        const workspace = await buildSnippet(edit(WORKED_EXAMPLE, 'recovery-time 20m tested 2026-09-12', 'recovery-time 20m estimated'));
        const result = processResult(workspace, 'OrderFulfilment');
        expect(result.worst.recoveryTime).toMatchObject({ value: 5 * h + 20 * m, proven: false, complete: true, estimates: ['CoreNetwork'] });
    });
});

describe('capabilities of group mates the timeline used', () => {
    /** Slow shares the first group with ActiveDirectory: its RT decides when that group ends and Data starts. */
    const withGroupMate = (capability: string) => edit(WORKED_EXAMPLE, 'group Identity { workloads ActiveDirectory }',
        'group Identity { workloads ActiveDirectory, Slow }') + `
workload Slow "Slow" { runs-at Seattle failover-to AzureWestUS2 stateless ${capability} }
`;

    it('lets a slower group mate stretch the group: 1h instead of 30m delays OrderApp to 5h50m', async () => {
        const workspace = await buildSnippet(withGroupMate('recovery-time 1h tested 2026-09-12'));
        const result = processResult(workspace, 'OrderFulfilment');
        expect(result.worst.recoveryTime.value).toBe(5 * h + 50 * m);
        expect(result.worst.criticalPath.map(s => [s.name, s.duration])).toContainEqual(['Identity', 1 * h]);
    });

    it('is not proven when a group mate\'s estimated RT decided when a needed member started', async () => {
        const workspace = await buildSnippet(withGroupMate('recovery-time 1h estimated'));
        const result = processResult(workspace, 'OrderFulfilment');
        expect(result.worst.recoveryTime.value).toBe(5 * h + 50 * m);
        expect(result.worst.recoveryTime.proven).toBe(false);
        expect(result.worst.recoveryTime.estimates).toContain('Slow');
    });

    it('leaves out the members of groups that run after the last group a needed workload is in', async () => {
        const later = edit(WORKED_EXAMPLE, '    after  { automation WarmCaches "rb-warm-caches" takes 10m only planned, unplanned }\n  }',
            '    after  { automation WarmCaches "rb-warm-caches" takes 10m only planned, unplanned }\n  }\n'
            + '  group Reports { workloads Slow, Unknown }') + `
workload Slow "Slow" { runs-at Seattle failover-to AzureWestUS2 stateless recovery-time 1h estimated }
workload Unknown "Unknown" { runs-at Seattle failover-to AzureWestUS2 stateless }
`;
        const result = processResult(await buildSnippet(later), 'OrderFulfilment');
        expect(result.worst.recoveryTime).toEqual({ value: 5 * h + 20 * m, proven: true, complete: true, estimates: [], unknown: [] });
    });

    it('counts each group mate once, in the order the groups run, after the needed workloads', async () => {
        const mates = edit(WORKED_EXAMPLE, 'group Identity { workloads ActiveDirectory }',
            'group Identity { workloads ActiveDirectory, SlowB, SlowA }\n  group Again { workloads SlowA }') + `
workload SlowA "Slow A" { runs-at Seattle failover-to AzureWestUS2 stateless recovery-time 10m estimated }
workload SlowB "Slow B" { runs-at Seattle failover-to AzureWestUS2 stateless recovery-time 10m estimated }
`;
        // OrderApp (needed) is estimated too: it comes first, then the mates as their groups run.
        const withEstimatedApp = edit(mates, 'recovery-time 45m tested 2026-09-12', 'recovery-time 45m estimated');
        const result = processResult(await buildSnippet(withEstimatedApp), 'OrderFulfilment');
        expect(result.worst.recoveryTime.estimates).toEqual(['OrderApp', 'SlowB', 'SlowA']);
    });

    it('is a lower bound when a group mate\'s RT is unknown', async () => {
        const workspace = await buildSnippet(withGroupMate(''));
        const result = processResult(workspace, 'OrderFulfilment');
        expect(result.worst.recoveryTime.value).toBe(5 * h + 20 * m);
        expect(result.worst.recoveryTime.complete).toBe(false);
        expect(result.worst.recoveryTime.unknown).toContain('Slow');
    });
});

describe('recovery points', () => {
    it('is the largest recovery point of the stateful workloads needed', async () => {
        const workspace = await buildSnippet(edit(WORKED_EXAMPLE, 'recovery-point 30s tested 2026-09-12\n}', 'recovery-point 2m tested 2026-09-12\n}'));
        // ActiveDirectory's block ends with its recovery point; OrderDb's is followed by depends-on.
        expect(processResult(workspace, 'OrderFulfilment').recoveryPoint).toEqual({ value: 120, proven: true, complete: true, estimates: [], unknown: [] });
    });

    it('derives a recovery point from replication or backup as an estimate', async () => {
        const workspace = await buildSnippet(edit(edit(WORKED_EXAMPLE, '  recovery-point 30s tested 2026-09-12\n  depends-on', '  depends-on'),
            '  recovery-point 30s tested 2026-09-12\n}', '}'));
        const result = processResult(workspace, 'OrderFulfilment');
        // Both from replication every 30s.
        expect(result.recoveryPoint).toMatchObject({ value: 30, proven: false, complete: true });
        expect([...result.recoveryPoint.estimates].sort()).toEqual(['ActiveDirectory', 'OrderDb']);
        const db = workspace.analysis.capabilities.get(workspace.element('OrderDb') as Workload)!;
        expect(db.point).toEqual({ status: 'estimate', value: 30, source: 'replication' });
    });

    it('ignores stateless workloads and counts an unknown point as 0 (lower bound)', async () => {
        const workspace = await buildSnippet(WORKED_EXAMPLE + `
workload Cache "Cache" { stateless replication asr every 1h recovery-time 1m estimated recovery-point 1h estimated }
workload Queue "Queue" { failover-to AzureWestUS2 recovery-time 1m estimated }
process Messaging "Messaging" { criticality low workloads Cache, Queue }
`);
        const result = processResult(workspace, 'Messaging');
        expect(result.recoveryPoint).toEqual({ value: 0, proven: false, complete: false, estimates: [], unknown: ['Queue'] });
        expect(workspace.analysis.capabilities.get(workspace.element('Cache') as Workload)!.point).toBeUndefined();
    });

    it('includes upstream processes\' recovery points', async () => {
        const workspace = await buildSnippet(WORKED_EXAMPLE + `
workload Ledger "Ledger" { runs-at Seattle failover-to AzureWestUS2 backup dpm every 4h recovery-time 1m tested 2026-09-12 recovery-point 4h tested 2026-09-12 }
process Billing "Billing" { criticality critical workloads Ledger }
process Shipping "Shipping" { criticality critical input "Invoices" from Billing workloads CoreNetwork }
`);
        expect(processResult(workspace, 'Shipping').recoveryPoint).toMatchObject({ value: 4 * h, proven: true });
    });
});
