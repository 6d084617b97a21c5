import { describe, expect, it } from 'vitest';
import { buildDependencyMap } from '../../packages/language/src/graph/dependency-map.js';
import { buildTimed, lines } from './timed-workspace.js';

// Graphs far beyond any real plan: correct answers and no stack overflow (the engine iterates, it does
// not recurse). Timings are printed for docs/performance.md, never asserted: the CI machine is shared.

const sites = 'site Primary { kind on-premises }\nsite Recovery { kind azure }\n';
/** Fails over, holds no data: no warning of its own, so the diagnostics are the graph's. */
const protectedWorkload = (name: string, extra = '') =>
    `workload ${name} { runs-at Primary failover-to Recovery stateless recovery-time 1m estimated ${extra}}`;

describe('a 20,000-deep dependency chain', () => {
    const depth = 20_000;
    const text = sites
        + lines(depth, index => protectedWorkload(`W${index}`, index === 0 ? '' : `depends-on W${index - 1} `))
        + `\nprocess Orders { criticality critical rto 1h workloads W${depth - 1} }\n`;

    it('is analysed: the roll-up adds up every link; hover, code lens, the map, the loss engine and rename answer', async () => {
        const workspace = await buildTimed('chain', { 'chain.drplan': text });
        const { services, document, time } = workspace;
        const analysis = await time('analysis', () => services.DrPlan.analysis.WorkspaceAnalysis.analysis);
        const orders = analysis.processes.get(analysis.model.processes[0])!;
        expect(orders.worst.recoveryTime.value).toBe(depth * 60);
        expect(orders.needs).toHaveLength(depth);
        expect(orders.worst.criticalPath).toHaveLength(depth);
        const gap = workspace.diagnostics.filter(diagnostic => diagnostic.code === 'rto-gap');
        expect(gap).toHaveLength(1);
        expect(gap[0].message).toContain('Orders recovers in 13d21h20m');
        expect(workspace.diagnostics.filter(diagnostic => diagnostic.code !== 'rto-gap' && diagnostic.code !== 'unproven')).toEqual([]);

        const processOffset = document.textDocument.getText().indexOf('Orders');
        const hover = await time('hover', () => services.DrPlan.lsp.HoverProvider!.getHoverContent(document, workspace.at(processOffset)));
        expect(JSON.stringify(hover)).toContain('13d21h20m');
        const lenses = await time('code lens', () => services.DrPlan.lsp.CodeLensProvider!.provideCodeLens(document, workspace.at(0)));
        expect(lenses?.[0].command?.title).toContain('recovers in 13d21h20m');
        const map = await time('dependency map', () => buildDependencyMap(analysis, { process: 'Orders' }));
        expect(map.nodes).toHaveLength(depth + 1);
        expect(map.edges.filter(edge => edge.kind === 'depends-on')).toHaveLength(depth - 1);
        const lost = await time('loss of the chain\'s root', () => analysis.simulateLoss([analysis.model.byName.get('W0')!]));
        expect(lost[0].recoverable).toBe(true);
        const rootOffset = document.textDocument.getText().indexOf('W0 ');
        const rename = await time('rename of the root', () => services.DrPlan.lsp.RenameProvider!.rename(document,
            { ...workspace.at(rootOffset), newName: 'Root' }));
        expect(Object.values(rename?.changes ?? {}).flat()).toHaveLength(2);
    }, 120_000);
});

describe('a 5,000-long dependency cycle', () => {
    const length = 5_000;
    const text = sites
        + lines(length, index => protectedWorkload(`W${index}`, `depends-on W${(index + length - 1) % length} `))
        + '\nprocess Orders { rto 365d workloads W0 }\n';

    it('is reported on every reference of the cycle, and timing ignores its closing edge', async () => {
        const workspace = await buildTimed('cycle', { 'cycle.drplan': text });
        const { services, time } = workspace;
        const cycle = workspace.diagnostics.filter(diagnostic => diagnostic.code === 'dependency-cycle');
        expect(cycle).toHaveLength(length);
        expect(cycle[0].message).toMatch(/W\d+ → W\d+/);
        const analysis = await time('analysis', () => services.DrPlan.analysis.WorkspaceAnalysis.analysis);
        const orders = analysis.processes.get(analysis.model.processes[0])!;
        expect(orders.worst.recoveryTime.value).toBe(length * 60);
        const size = cycle.reduce((total, diagnostic) => total + diagnostic.message.length, 0);
        console.log(`cycle: ${cycle.length} dependency-cycle messages, ${(size / 1e6).toFixed(1)} MB of message text`);
    }, 120_000);
});

describe('a workload that 10,000 others depend on', () => {
    const fanIn = 10_000;
    const processes = 100;
    const perProcess = fanIn / processes;
    const text = sites
        + 'workload Base { runs-at Primary replication asr every 5m recovery-time 10m estimated }\n'
        + lines(fanIn, index => protectedWorkload(`W${index}`, 'depends-on Base '))
        + '\n' + lines(processes, process => `process P${process} { criticality critical rto 1h workloads `
            + Array.from({ length: perProcess }, (_, index) => `W${process * perProcess + index}`).join(', ') + ' }')
        + `\nprocess Everything { criticality critical rto 1h workloads ${Array.from({ length: fanIn }, (_, index) => `W${index}`).join(', ')} }\n`;

    it('is a SPOF of every process, reported once naming all of them; roll-ups are right', async () => {
        const workspace = await buildTimed('fan-in', { 'fan-in.drplan': text });
        const { services, document, time } = workspace;
        const analysis = await time('analysis', () => services.DrPlan.analysis.WorkspaceAnalysis.analysis);
        // Base has no failover site; losing its site loses it too.
        const spofs = workspace.diagnostics.filter(diagnostic => diagnostic.code === 'spof');
        expect(spofs.map(spof => (spof.data as { element: string }).element).sort()).toEqual(['Base', 'Primary']);
        for (const spof of analysis.spofs) {
            expect(spof.processes).toHaveLength(processes + 1);
        }
        for (const result of analysis.processes.values()) {
            expect(result.worst.recoveryTime.value).toBe(11 * 60);
        }
        const baseOffset = document.textDocument.getText().indexOf('Base');
        const hover = await time('hover on Base', () => services.DrPlan.lsp.HoverProvider!.getHoverContent(document, workspace.at(baseOffset)));
        expect(JSON.stringify(hover)).toContain('Everything');
        const references = await time('references of Base', () => services.DrPlan.lsp.ReferencesProvider!.findReferences(document,
            { ...workspace.at(baseOffset), context: { includeDeclaration: false } }));
        expect(references).toHaveLength(fanIn);
        const map = await time('dependency map', () => buildDependencyMap(analysis));
        expect(map.nodes).toHaveLength(fanIn + 1 + processes + 1);
    }, 120_000);
});

describe('a 10 MB file', () => {
    // Long comments and titles, as a generated or exported plan has: the size is in the text, not the tokens.
    const declarations = 4_000;
    const note = `/* ${'The runbook for this component lives in the operations wiki, page 12, with the vendor contacts. '.repeat(28)}*/\n`;
    const text = sites + lines(declarations, index => `${note}workload W${index} "Component ${index} of the plant floor" {\n`
        + `  native-availability "${'Clustered pair with a witness in the second hall; '.repeat(4)}"\n`
        + `  runs-at Primary failover-to Recovery stateless recovery-time 1m estimated${index > 0 ? ` depends-on W${index - 1}` : ''}\n}`)
        + `\nprocess Orders { rto 365d workloads W${declarations - 1} }\n`;

    it('is parsed, linked and analysed whole', async () => {
        expect(text.length).toBeGreaterThan(10 * 1024 * 1024);
        const workspace = await buildTimed(`${(text.length / 1024 / 1024).toFixed(1)} MB`, { 'large.drplan': text });
        const { services, document, time } = workspace;
        expect(workspace.diagnostics.map(diagnostic => diagnostic.code)).toEqual(['unproven']);
        const analysis = await time('analysis', () => services.DrPlan.analysis.WorkspaceAnalysis.analysis);
        expect(analysis.processes.get(analysis.model.processes[0])!.worst.recoveryTime.value).toBe(declarations * 60);
        const symbols = await time('outline', () => services.DrPlan.lsp.DocumentSymbolProvider!.getSymbols(document, workspace.at(0)));
        expect(symbols).toHaveLength(declarations + 3);
    }, 120_000);
});
