import { describe, expect, it } from 'vitest';
import { openWorkspace } from './fixture.js';

const plan = `
site Seattle { kind on-premises }
site Azure { kind azure }
role Ops { }
workload Db "Order database" { runs-at Seattle failover-to Azure replication asr every 5m
  recovery-time 1h tested 2026-09-12 }
workload App { runs-at Seattle failover-to Azure replication asr every 5m recovery-time 30m estimated depends-on Db }
process Orders "Order entry" { criticality high rto 4h rpo 15m workloads App }
process Slow { rto 1h workloads App }
plan P { covers Orders, Slow response { mobilize { step Declare "Declare" by Ops takes 1h } } }
`;

/** The hover text in a one-file workspace at offset `at`, or at the offset `at` finds in the text. */
async function hoverText(text: string, at: number | ((text: string) => number)): Promise<string> {
    const { services, byName } = await openWorkspace({ 'a.drplan': text });
    const document = byName('a.drplan');
    const offset = typeof at === 'number' ? at : at(text);
    const hover = await services.DrPlan.lsp.HoverProvider!.getHoverContent(document,
        { textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset) });
    return (hover?.contents as { value: string }).value;
}

describe('hover', () => {
    it('shows a process roll-up against its objectives with the plan and critical path', async () => {
        const text = await hoverText(plan, source => source.indexOf('Orders "Order entry"') + 2);
        expect(text).toContain('**Orders** — Order entry');
        expect(text).toContain('| Recovery time | RTO 4h | 2h30m (estimate) | ✓ met |');
        expect(text).toContain('| Recovery point | RPO 15m | 5m (estimate) | ✓ met |');
        expect(text).toContain('Under plan **P**');
        expect(text).toContain('Critical path: Declare 1h → Db 1h → App 30m');
    });

    it('marks a roll-up with an unknown capability as a lower bound and names the unknown under the table', async () => {
        const withUnknown = plan.replace('recovery-time 1h tested 2026-09-12 }', '}');
        const text = await hoverText(withUnknown, source => source.indexOf('Orders "Order entry"') + 2);
        expect(text).toContain('| Recovery time | RTO 4h | ≥ 1h30m (lower bound) | ✓ met |');
        expect(text).toContain('Unknown (counted as 0): Db');
    });

    it('shows a workload capabilities, test dates and the processes that need it', async () => {
        const text = await hoverText(plan, source => source.indexOf('depends-on Db') + 'depends-on '.length);
        expect(text).toContain('**Db** — Order database');
        expect(text).toContain('Recovery time: 1h, proven (tested 2026-09-12)');
        expect(text).toContain('Recovery point: 5m, estimate (replication interval)');
        expect(text).toContain('Needed by: Orders, Slow');
    });

    it('shows replication and backup, leaving out a method the parser lost rather than showing undefined', async () => {
        const text = await hoverText('site A { kind on-premises }\nworkload W { runs-at A replication asr every 5m backup tape every 24h retain 30d }\n'
            + 'workload Lost { runs-at A backup every 24h retain 30d replication every 5m }\n', source => source.indexOf('Lost') + 1);
        expect(text).toContain('- Replication: every 5m\n- Backup: every 1d, kept 30d');
        const declared = await hoverText('site A { kind on-premises }\nworkload W { runs-at A replication asr every 5m backup tape every 24h retain 30d }\n',
            source => source.indexOf('W {'));
        expect(declared).toContain('- Replication: asr every 5m\n- Backup: tape every 1d, kept 30d');
    });

    it('explains a duration in words', async () => {
        expect(await hoverText('process X { rto 1h30m }', 18)).toBe('1h30m = 1 hour 30 minutes (1h30m)');
    });

    it('says a duration over 100 years is ignored, instead of spelling out 7e+30 days', async () => {
        const huge = '99999999999999999999999999999999999w';
        expect(await hoverText(`process X { rto ${huge} }`, 18))
            .toBe(`${huge} is longer than 100 years (at most 36500d); the value is ignored`);
    });
});

describe('code lens', () => {
    it('sits above each process with its roll-up, marking gaps', async () => {
        const { services, byName } = await openWorkspace({ 'a.drplan': plan });
        const document = byName('a.drplan');
        const lenses = await services.DrPlan.lsp.CodeLensProvider!.provideCodeLens(document,
            { textDocument: { uri: document.uri.toString() } });
        expect(lenses?.map(lens => lens.command?.title)).toEqual([
            'recovers in 2h30m ✓ RTO 4h · RP 5m ✓ RPO 15m',
            'recovers in 2h30m ✗ RTO 1h · RP 5m',
        ]);
        expect(lenses?.[0].range.start.line).toBe(7);
    });

    it('marks lower bounds with ≥ when a capability is unknown', async () => {
        const { services, byName } = await openWorkspace({ 'a.drplan': 'workload W { stateless } process X { rto 1h workloads W }' });
        const document = byName('a.drplan');
        const lenses = await services.DrPlan.lsp.CodeLensProvider!.provideCodeLens(document,
            { textDocument: { uri: document.uri.toString() } });
        expect(lenses?.[0].command?.title).toBe('recovers in ≥ 0s ✓ RTO 1h · RP 0s');
    });
});
