import { beforeAll, describe, expect, it } from 'vitest';
import { buildSnippet, type TestWorkspace } from './workspace.js';

/** One process per kind of need, so each loss can be read off process by process. */
const WORLD = `
site Main "Main" { kind on-premises }
site Branch "Branch" { kind colocation }
site Dr "DR" { kind azure }
person Ann "Ann" { }
person Bob "Bob" { }
person Cy "Cy" { }
role Solo "Solo" { filled-by Ann }
role Pair "Pair" { filled-by Bob, Cy }
role Boss "Boss" { filled-by Ann }
supplier Single "Single" { kind vendor }
supplier Main1 "Main supplier" { kind vendor alternative Spare1 }
supplier Spare1 "Spare supplier" { kind vendor }
workforce Staff "Staff" { at Main alternate-site Branch }
workforce Crew "Crew" { at Main }
equipment Printer "Printer" { at Main }
equipment Scanner "Scanner" { at Branch spares 2 alternate-site Main }
equipment Lathe "Lathe" { at Branch spares 2 }
workload Replicated "Replicated" { runs-at Main failover-to Dr replication asr every 5m }
workload Clustered "Clustered" { runs-at Main instances 2 backup tape every 1d }
workload Lonely "Lonely" { runs-at Main backup tape every 1d }
workload Front "Front" { runs-at Dr failover-to Branch stateless depends-on Lonely }
data Ledger "Ledger" { held-by Clustered }
process WithReplicated "p" { workloads Replicated }
process WithClustered "p" { workloads Clustered }
process WithLonely "p" { workloads Lonely }
process WithFront "p" { workloads Front }
process WithLedger "p" { data Ledger }
process WithSingle "p" { suppliers Single }
process WithMain1 "p" { suppliers Main1 }
process WithStaff "p" { workforce Staff }
process WithCrew "p" { workforce Crew }
process WithPrinter "p" { equipment Printer }
process WithScanner "p" { equipment Scanner }
process WithLathe "p" { equipment Lathe }
process AtMain "p" { locations Main }
process AtBoth "p" { locations Main, Branch }
process Downstream "p" { input "Parts" from WithLonely }
process FurtherDown "p" { input "Goods" from Downstream }
process NeedsSolo "p" { owner Boss }
process NeedsPair "p" { }
recovery-plan Move "Move" {
  from Main to Dr
  group G { workloads Replicated after { manual Check "Check" by Pair takes 5m } }
}
plan SoloPlan "Solo plan" {
  owner Boss
  covers NeedsSolo
  response { mobilize { step Call "Call" by Solo takes 5m } }
}
plan PairPlan "Pair plan" {
  covers NeedsPair
  response { stabilize { execute Move } }
}
`;

let workspace: TestWorkspace;
beforeAll(async () => {
    workspace = await buildSnippet(WORLD);
});

/** The processes made unrecoverable by losing these elements, with what strands each. */
function lose(...names: string[]): Record<string, readonly string[]> {
    const outcomes = workspace.analysis.simulateLoss(names.map(name => workspace.element(name)));
    return Object.fromEntries(outcomes.filter(outcome => !outcome.recoverable)
        .map(outcome => [outcome.process.name, outcome.strandedBy]));
}

describe('simulateLoss (§3.4)', () => {
    it('strands nothing when nothing is lost', () => {
        expect(lose()).toEqual({});
        expect(workspace.analysis.simulateLoss([])).toHaveLength(workspace.model.processes.length);
    });

    describe('a workload', () => {
        it('without failover-to and with one instance is gone, for every process that needs it', () => {
            expect(lose('Lonely')).toEqual({
                WithLonely: ['Lonely'],
                // Front depends on Lonely.
                WithFront: ['Lonely'],
                Downstream: ['WithLonely'],
                FurtherDown: ['Downstream'],
            });
        });

        it('with failover-to recovers at its failover site, unless that site is lost too', () => {
            expect(lose('Replicated')).toEqual({});
            expect(Object.keys(lose('Replicated', 'Dr'))).toContain('WithReplicated');
        });

        it('with 2 instances survives the loss of one', () => {
            expect(lose('Clustered')).toEqual({});
        });
    });

    describe('a site', () => {
        it('takes down what runs there without failover, workforce and equipment without alternate site, and its only location', () => {
            expect(Object.keys(lose('Main')).sort()).toEqual([
                'AtMain', 'Downstream', 'FurtherDown', 'WithClustered', 'WithCrew', 'WithFront', 'WithLedger', 'WithLonely',
                'WithPrinter',
            ]);
        });

        it('spares the workforce and equipment with an alternate site, and the process with another location', () => {
            const stranded = lose('Main');
            for (const name of ['WithStaff', 'WithScanner', 'AtBoth', 'WithReplicated']) {
                expect(stranded[name], name).toBeUndefined();
            }
        });

        it('loses equipment with spares but no alternate site with its site', () => {
            expect(lose('Branch').WithLathe).toEqual(['Lathe']);
        });

        it('strands a process when all of its locations are lost together', () => {
            expect(lose('Branch').AtBoth).toBeUndefined();
            expect(lose('Main', 'Branch').AtBoth).toBeDefined();
            // Staff can work at Main or Branch: only losing both strands it.
            expect(lose('Main', 'Branch').WithStaff).toEqual(['Staff']);
        });

        it('loses a workload failing over to it only together with the site it runs at', () => {
            expect(lose('Dr')).toEqual({});
            expect(lose('Main', 'Dr').WithReplicated).toEqual(['Replicated']);
        });
    });

    describe('a supplier', () => {
        it('without alternative is gone', () => {
            expect(lose('Single')).toEqual({ WithSingle: ['Single'] });
        });

        it('with an alternative is replaced, unless every alternative is lost too', () => {
            expect(lose('Main1')).toEqual({});
            expect(lose('Spare1')).toEqual({});
            expect(lose('Main1', 'Spare1')).toEqual({ WithMain1: ['Main1'] });
        });
    });

    describe('a person', () => {
        it('takes down a role they fill alone, when that role runs work for the process', () => {
            expect(lose('Ann')).toEqual({ NeedsSolo: ['Solo'] });
        });

        it('leaves a role filled by two people with the other', () => {
            expect(lose('Bob')).toEqual({});
            expect(lose('Cy')).toEqual({});
            // Pair runs Check, a manual action of the recovery plan PairPlan executes.
            expect(lose('Bob', 'Cy')).toEqual({ NeedsPair: ['Pair'] });
        });

        it('does not count owner roles (Boss is filled by Ann alone): only Solo strands NeedsSolo', () => {
            expect(lose('Ann').NeedsSolo).not.toContain('Boss');
        });
    });

    describe('equipment', () => {
        it('with spares 0 (the default) is gone', () => {
            expect(lose('Printer')).toEqual({ WithPrinter: ['Printer'] });
        });

        it('with spares 2 survives the loss of a unit', () => {
            expect(lose('Scanner')).toEqual({});
            expect(lose('Lathe')).toEqual({});
        });
    });

    describe('workforce', () => {
        it('has no loss of its own: only its site takes it down', () => {
            expect(lose('Crew')).toEqual({});
            expect(lose('Main').WithCrew).toEqual(['Crew']);
        });
    });

    describe('upstream processes', () => {
        it('strand the processes that take input from them, transitively', () => {
            const stranded = lose('Lonely');
            expect(stranded.Downstream).toEqual(['WithLonely']);
            expect(stranded.FurtherDown).toEqual(['Downstream']);
        });
    });

    it('reports a data holder as needed', () => {
        expect(lose('Main').WithLedger).toEqual(['Clustered']);
    });

    it('names an upstream process once, however many inputs come from it', async () => {
        const twice = await buildSnippet('workload W { }\nprocess Up { workloads W }\n'
            + 'process Down { input "orders" from Up input "returns" from Up }\n');
        const outcomes = twice.analysis.simulateLoss([twice.element('W')]);
        expect(outcomes.map(outcome => [outcome.process.name, outcome.strandedBy]))
            .toEqual([['Up', ['W']], ['Down', ['Up']]]);
    });
});

describe('single points of failure and the spof-threshold', () => {
    it('lists no SPOF for processes below the default threshold (medium, undeclared)', () => {
        expect(workspace.analysis.spofs).toEqual([]);
    });

    it('lists each element whose loss alone strands a process at or above the threshold, with the processes', async () => {
        const critical = await buildSnippet(WORLD.replace('process WithSingle "p" { suppliers Single }',
            'process WithSingle "p" { criticality critical suppliers Single }'));
        expect(critical.analysis.spofs.map(spof => [spof.element.name, spof.processes.map(p => p.process.name)]))
            .toEqual([['Single', ['WithSingle']]]);
    });

    it('follows a plan\'s threshold: spof-threshold low checks every covered process', async () => {
        const low = await buildSnippet(WORLD.replace('  owner Boss\n  covers NeedsSolo', '  owner Boss\n  covers NeedsSolo\n  policy { spof-threshold low }'));
        expect(low.analysis.spofs.map(spof => spof.element.name)).toEqual(['Ann']);
        expect(low.withCode('spof').map(d => d.element)).toEqual(['Ann']);
    });
});
