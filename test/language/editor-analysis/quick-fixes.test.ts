import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CodeAction } from 'vscode-languageserver';
import { applyAction, diagnosticsWithCode, openWorkspace } from './fixture.js';

/** The code actions for the first diagnostic with `code` in `file` (whose message starts with `message`, if given). */
async function fixes(files: Record<string, string>, file: string, code: string, message = '') {
    const { services, byName } = await openWorkspace(files);
    const document = byName(file);
    const diagnostics = diagnosticsWithCode(document, code).filter(diagnostic => diagnostic.message.startsWith(message));
    expect(diagnostics.length, `no ${code} in ${file}`).toBeGreaterThan(0);
    const actions = await services.DrPlan.lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument: { uri: document.uri.toString() }, range: diagnostics[0].range, context: { diagnostics: [diagnostics[0]] },
    }) as CodeAction[];
    return actions;
}

async function codesAfter(files: Record<string, string>, file: string): Promise<string[]> {
    const { byName } = await openWorkspace(files);
    return (byName(file).diagnostics ?? []).map(diagnostic => String(diagnostic.code));
}

describe('quick fixes', () => {
    it('adds a failover-to to an unprotected workload, offering each other site', async () => {
        const files = { 'a.drplan': 'site A { kind on-premises }\nsite B { kind azure }\nworkload W {\n  runs-at A\n}\n' };
        const actions = await fixes(files, 'a.drplan', 'unprotected');
        expect(actions.map(action => action.title)).toEqual(['Add `failover-to B` to W']);
        const fixed = applyAction(actions[0], files);
        expect(fixed['a.drplan']).toBe('site A { kind on-premises }\nsite B { kind azure }\nworkload W {\n  runs-at A\n  failover-to B\n}\n');
        expect(await codesAfter(fixed, 'a.drplan')).not.toContain('unprotected');
    });

    it('adds the recovery plan\'s target site to a member declared in another file', async () => {
        const files = {
            'w.drplan': 'site A { }\nsite B { }\nsite C { }\nworkload W {\n  runs-at A\n  backup tape every 1d\n}\n',
            'rp.drplan': 'recovery-plan R { from A to C tested 2026-10-01 group G { workloads W } }\n',
        };
        const actions = await fixes(files, 'rp.drplan', 'plan-site-mismatch');
        const preferred = actions.find(action => action.isPreferred)!;
        expect(preferred.title).toBe('Add `failover-to C` to W');
        const fixed = applyAction(preferred, files);
        expect(fixed['w.drplan']).toContain('  runs-at A\n  failover-to C\n');
        expect(await codesAfter(fixed, 'rp.drplan')).not.toContain('plan-site-mismatch');
    });

    it('moves a workload into the group after its dependency', async () => {
        const rp = 'recovery-plan R {\n  group One {\n    workloads App, Other\n  }\n  group Two {\n    workloads Db\n  }\n  group Three {\n    workloads Web\n  }\n}\n';
        const files = {
            'w.drplan': 'workload Db { stateless } workload App { stateless depends-on Db } workload Other { stateless } workload Web { stateless }',
            'rp.drplan': rp,
        };
        const actions = await fixes(files, 'rp.drplan', 'failover-order');
        expect(actions[0].title).toBe('Move App to group Three, after Two');
        const fixed = applyAction(actions[0], files);
        expect(fixed['rp.drplan']).toBe(rp.replace('workloads App, Other', 'workloads Other').replace('workloads Web', 'workloads Web, App'));
        expect(await codesAfter(fixed, 'rp.drplan')).not.toContain('failover-order');
    });

    it('creates a new group when the dependency is in the last group', async () => {
        const rp = 'recovery-plan R {\n  group One {\n    workloads App\n  }\n  group Two {\n    workloads Db\n  }\n}\n';
        const files = { 'w.drplan': 'workload Db { stateless } workload App { stateless depends-on Db }', 'rp.drplan': rp };
        const actions = await fixes(files, 'rp.drplan', 'failover-order');
        const fixed = applyAction(actions[0], files);
        expect(fixed['rp.drplan']).toBe('recovery-plan R {\n  group One {\n  }\n  group Two {\n    workloads Db\n  }\n  group AppGroup { workloads App }\n}\n');
        expect(await codesAfter(fixed, 'rp.drplan')).not.toContain('failover-order');
    });

    it('moves the dependency earlier when moving the member later would put it after its own dependents', async () => {
        // As in the hospital example: Pharmacy depends on Engine (a later group), and Gateway on Pharmacy.
        const rp = 'recovery-plan R {\n  group Base {\n    workloads Ad\n  }\n  group Data {\n    workloads Db\n  }\n'
            + '  group Apps {\n    workloads Pharmacy\n  }\n  group Tier {\n    workloads Engine, Gateway\n  }\n}\n';
        const files = {
            'w.drplan': 'workload Ad { stateless } workload Db { stateless depends-on Ad } workload Engine { stateless depends-on Ad }\n'
                + 'workload Pharmacy { stateless depends-on Engine } workload Gateway { stateless depends-on Pharmacy }',
            'rp.drplan': rp,
        };
        const actions = await fixes(files, 'rp.drplan', 'failover-order', 'Pharmacy fails over');
        // Moving Pharmacy after Tier would put it after Gateway, which depends on it: not offered.
        expect(actions.map(action => [action.title, action.isPreferred])).toEqual([['Move Engine to group Data, before Apps', true]]);
        const fixed = applyAction(actions[0], files);
        expect(fixed['rp.drplan']).toBe(rp.replace('workloads Db', 'workloads Db, Engine').replace('workloads Engine, Gateway', 'workloads Gateway'));
        expect(await codesAfter(fixed, 'rp.drplan')).not.toContain('failover-order');
    });

    it('fixes the hospital example\'s failover order as its comment says: the interface engine into ClinicalData', async () => {
        const folder = path.resolve(__dirname, '../../../examples/hospital-ehr');
        const files = Object.fromEntries(readdirSync(folder).filter(name => name.endsWith('.drplan'))
            .map(name => [name, readFileSync(path.join(folder, name), 'utf8')]));
        const actions = await fixes(files, 'failover.drplan', 'failover-order');
        expect(actions.map(action => action.title)).toEqual(['Move InterfaceEngine to group ClinicalData, before Clinical']);
        const fixed = applyAction(actions[0], files);
        const after = await codesAfter(fixed, 'failover.drplan');
        expect(after).not.toContain('failover-order');
    });

    it('puts the dependency in a new group before the member when no earlier group can take it', async () => {
        const rp = 'recovery-plan R {\n  group One {\n    workloads App\n  }\n  group Two {\n    workloads Db, Web\n  }\n}\n';
        const files = {
            'w.drplan': 'workload Db { stateless } workload App { stateless depends-on Db } workload Web { stateless depends-on App }',
            'rp.drplan': rp,
        };
        const actions = await fixes(files, 'rp.drplan', 'failover-order');
        expect(actions.map(action => action.title)).toEqual(['Move Db to a new group DbGroup before One']);
        const fixed = applyAction(actions[0], files);
        expect(fixed['rp.drplan']).toBe('recovery-plan R {\n  group DbGroup { workloads Db }\n  group One {\n    workloads App\n  }\n'
            + '  group Two {\n    workloads Web\n  }\n}\n');
        expect(await codesAfter(fixed, 'rp.drplan')).not.toContain('failover-order');
    });

    it('adds a RACI row with an accountable role', async () => {
        const plan = 'role Boss { }\nrole Ops { }\nplan P {\n  owner Boss\n  response { mobilize { step Declare "Declare" by Ops takes 5m } }\n  raci {\n  }\n}\n';
        const files = { 'p.drplan': plan };
        const actions = await fixes(files, 'p.drplan', 'raci-missing');
        expect(actions[0].title).toBe('Add a RACI row for Declare (accountable Boss)');
        const fixed = applyAction(actions[0], files);
        expect(fixed['p.drplan']).toContain('  raci {\n    Declare: accountable Boss\n  }\n');
        const codes = await codesAfter(fixed, 'p.drplan');
        expect(codes).not.toContain('raci-missing');
        expect(codes).not.toContain('raci-accountable');
    });

    it('marks a stale tested capability as estimated', async () => {
        const files = { 'a.drplan': 'workload W { stateless recovery-time 1h tested 2020-01-01 }' };
        const actions = await fixes(files, 'a.drplan', 'stale-test');
        const fixed = applyAction(actions[0], files);
        expect(fixed['a.drplan']).toBe('workload W { stateless recovery-time 1h estimated }');
        expect(await codesAfter(fixed, 'a.drplan')).not.toContain('stale-test');
    });

    it('snaps a Hyper-V Replica interval to the nearest allowed one', async () => {
        const files = { 'a.drplan': 'workload W { replication hyper-v-replica every 4m }' };
        const actions = await fixes(files, 'a.drplan', 'replication-interval');
        expect(actions[0].title).toBe('Replicate every 5m (an interval Hyper-V Replica offers)');
        const fixed = applyAction(actions[0], files);
        expect(fixed['a.drplan']).toBe('workload W { replication hyper-v-replica every 5m }');
        expect(await codesAfter(fixed, 'a.drplan')).not.toContain('replication-interval');
    });
});
