#!/usr/bin/env node
// Synthetic .drplan workspaces for the benchmark (docs/performance.md), deterministic for a seed.
//
// The shape follows real DR architectures, so that what one process needs stays bounded as the
// workspace grows: workloads sit in tiers within clusters (apps → services → databases), each depends
// on about three workloads of a lower tier of its own cluster plus the shared infrastructure of its
// site (identity, network, DNS); one process per five workloads, one recovery plan per cluster, one
// plan per about fifty processes, all spread over 80 files.
//
//   node scripts/bench/generate.mjs <workloads> [out-folder]      (default out-folder: .bench/w<workloads>)

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The evaluation date the generated `tested` dates are meant for (`drplan check --as-of`). */
export const BENCH_AS_OF = '2026-06-01';

const CLUSTER_SIZE = 25;
const WORKLOADS_PER_SITE = 1000;
const PROCESSES_PER_PLAN = 50;
const CRITICALITIES = ['critical', 'high', 'medium', 'low'];
const RTO_BY_CRITICALITY = { critical: '4h', high: '8h', medium: '24h', low: '72h' };
const RPO_BY_CRITICALITY = { critical: '15m', high: '1h', medium: '4h', low: '24h' };

/** mulberry32: a small seeded generator, so that a size always gives the same workspace. */
function random(seed) {
    let state = seed >>> 0;
    const next = () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    return {
        chance: (p) => next() < p,
        int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
        pick: (list) => list[Math.floor(next() * list.length)],
        /** `count` distinct items of `list` (all of them when it is shorter). */
        sample(list, count) {
            const copy = [...list];
            const taken = [];
            while (taken.length < count && copy.length > 0) {
                taken.push(copy.splice(Math.floor(next() * copy.length), 1)[0]);
            }
            return taken;
        },
    };
}

function testedDate(rng) {
    // Mostly within the year before BENCH_AS_OF; one in twenty is stale (stale-test).
    if (rng.chance(0.05)) {
        return `2024-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
    }
    const month = rng.int(7, 17);
    const year = month > 12 ? 2026 : 2025;
    return `${year}-${String(month > 12 ? month - 12 : month).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
}

function evidence(rng) {
    const roll = rng.chance(0.7);
    return roll ? `tested ${testedDate(rng)}` : 'estimated';
}

/**
 * Generates a workspace of `workloads` workloads.
 * Returns the files (`name`, `text`), the counts, the relationships (for the peer's equal model)
 * and an `edit`: one RTO change whose findings reach another file (for the language-server edit).
 */
export function generateWorkspace({ workloads: workloadCount, files: fileCount = 80, seed = 1 } = {}) {
    if (!Number.isInteger(workloadCount) || workloadCount < 10) {
        throw new Error(`workloads must be an integer of at least 10, not ${workloadCount}`);
    }
    const rng = random(seed * 7919 + workloadCount);
    /** Every declaration in order: `{ name, kind, text }`; split into files at the end. */
    const declarations = [];
    /** `{ kind, source, target }` for the peer model: every reference between elements. */
    const relationships = [];
    const relate = (kind, source, target) => relationships.push({ kind, source, target });
    const declare = (kind, name, title, lines, extra = {}) => {
        const body = lines.filter(Boolean).map(line => `  ${line}`).join('\n');
        declarations.push({ kind, name, title, text: `${kind} ${name} "${title}" {\n${body}\n}\n`, ...extra });
    };

    // Sites: one datacentre per thousand workloads, each failing over to its own Azure region.
    const siteCount = Math.max(2, Math.ceil(workloadCount / WORKLOADS_PER_SITE));
    const sites = [];
    for (let s = 1; s <= siteCount; s++) {
        declare('site', `Dc${s}`, `Datacentre ${s}`, ['kind on-premises']);
        declare('site', `Az${s}`, `Azure region ${s}`, ['kind azure', `region "region${s}"`]);
        sites.push({ dc: `Dc${s}`, az: `Az${s}` });
    }

    // People and the roles that every plan uses.
    let personCount = 0;
    const person = () => {
        const name = `Person${++personCount}`;
        declare('person', name, `Person ${personCount}`,
            [`email "person${personCount}@example.org"`, `phone "+1 555 ${String(personCount).padStart(4, '0')}"`]);
        return name;
    };
    const role = (name, title, people) => {
        const filledBy = Array.from({ length: people }, person);
        declare('role', name, title, [`filled-by ${filledBy.join(', ')}`]);
        for (const filler of filledBy) relate('filled-by', name, filler);
        return name;
    };
    role('IncidentCommander', 'Incident commander', 2);
    role('OpsLead', 'Operations lead', 2);
    role('Noc', 'Network operations centre', 2);
    role('Cio', 'Chief information officer', 1);

    // Customers and suppliers shared by all clusters.
    const customers = [];
    for (let c = 1; c <= Math.max(4, Math.ceil(workloadCount / 400)); c++) {
        const name = `Customer${c}`;
        declare('customer', name, `Customer group ${c}`, [`kind ${c % 3 === 0 ? 'internal' : 'external'}`]);
        customers.push(name);
    }
    const suppliers = [];
    for (let s = 1; s <= Math.max(4, Math.ceil(workloadCount / 50)); s++) {
        const name = `Supplier${s}`;
        const alternative = s > 1 && rng.chance(0.5) ? suppliers[rng.int(0, suppliers.length - 1)] : undefined;
        declare('supplier', name, `Supplier ${s}`,
            [`kind ${rng.pick(['vendor', 'partner', 'internal', 'external'])}`, alternative && `alternative ${alternative}`]);
        if (alternative) relate('alternative', name, alternative);
        suppliers.push(name);
    }

    // Shared infrastructure of each datacentre: the network, then identity and DNS on top of it.
    const infra = new Map();
    for (const { dc, az } of sites) {
        const network = `${dc}Network`;
        const identity = `${dc}Identity`;
        const dns = `${dc}Dns`;
        const common = (owner) => [`owner ${owner}`, `runs-at ${dc}`, `failover-to ${az}`, 'instances 2'];
        declare('workload', network, `${dc} core network`,
            ['kind network', ...common('Noc'), 'stateless', `recovery-time 20m ${evidence(rng)}`]);
        declare('workload', identity, `${dc} directory services`,
            ['kind identity', ...common('OpsLead'), 'replication asr every 30s', 'backup azure-backup every 24h retain 30d',
                `recovery-time 30m ${evidence(rng)}`, `recovery-point 30s ${evidence(rng)}`, `depends-on ${network}`]);
        declare('workload', dns, `${dc} DNS`,
            ['kind network', ...common('Noc'), 'stateless', `recovery-time 10m ${evidence(rng)}`, `depends-on ${network}`]);
        relate('depends-on', identity, network);
        relate('depends-on', dns, network);
        for (const workload of [network, identity, dns]) {
            relate('runs-at', workload, dc);
            relate('failover-to', workload, az);
        }
        infra.set(dc, { network, identity, dns });
    }

    // Clusters of tiered workloads, their processes and recovery plans.
    const infraCount = siteCount * 3;
    const clusterCount = Math.max(1, Math.round((workloadCount - infraCount) / CLUSTER_SIZE));
    const processes = [];
    const clusters = [];
    let remaining = workloadCount - infraCount;
    let actionCount = 0;
    for (let k = 1; k <= clusterCount; k++) {
        const size = k === clusterCount ? remaining : Math.min(CLUSTER_SIZE, remaining);
        remaining -= size;
        const { dc, az } = sites[Math.floor((k - 1) * siteCount / clusterCount)];
        const shared = infra.get(dc);
        const prefix = `C${k}`;
        const appTeam = role(`${prefix}AppTeam`, `Cluster ${k} application team`, 2);
        const dba = role(`${prefix}Dba`, `Cluster ${k} database administrators`, rng.chance(0.9) ? 2 : 1);
        const owner = role(`${prefix}Owner`, `Cluster ${k} business owner`, 1);

        const dbCount = Math.max(1, Math.round(size * 0.2));
        const serviceCount = Math.max(1, Math.round(size * 0.4));
        const appCount = Math.max(1, size - dbCount - serviceCount);
        const tiers = { database: [], service: [], application: [] };
        const workload = (kind, index, dependencies) => {
            const name = `${prefix}${{ database: 'Db', service: 'Svc', application: 'App' }[kind]}${index}`;
            const failsOver = rng.chance(0.95);
            const stateless = kind !== 'database' && rng.chance(0.7);
            const minutes = { database: rng.int(2, 6) * 10, service: rng.int(1, 3) * 10, application: rng.int(1, 3) * 5 }[kind];
            const lines = [`kind ${kind}`, `owner ${kind === 'database' ? dba : appTeam}`, `runs-at ${dc}`,
                failsOver && `failover-to ${az}`, `instances ${rng.int(1, 3)}`, stateless && 'stateless'];
            if (kind === 'database') {
                lines.push(rng.chance(0.5) ? 'replication sql-always-on every 30s' : 'replication asr every 5m',
                    'backup azure-backup every 24h retain 30d');
            } else if (!stateless || rng.chance(0.5)) {
                lines.push('replication asr every 5m');
            }
            if (rng.chance(0.97)) lines.push(`recovery-time ${minutes}m ${evidence(rng)}`);
            if (!stateless && rng.chance(0.9)) lines.push(`recovery-point ${kind === 'database' ? '30s' : '5m'} ${evidence(rng)}`);
            if (dependencies.length > 0) lines.push(`depends-on ${dependencies.join(', ')}`);
            declare('workload', name, `Cluster ${k} ${kind} ${index}`, lines);
            for (const dependency of dependencies) relate('depends-on', name, dependency);
            relate('runs-at', name, dc);
            if (failsOver) relate('failover-to', name, az);
            tiers[kind].push({ name, failsOver });
            return name;
        };
        for (let i = 1; i <= dbCount; i++) {
            workload('database', i, [shared.network, shared.identity]);
        }
        for (let i = 1; i <= serviceCount; i++) {
            workload('service', i, [...rng.sample(tiers.database.map(w => w.name), 2), shared.identity]);
        }
        for (let i = 1; i <= appCount; i++) {
            const services = rng.sample(tiers.service.map(w => w.name), rng.int(2, 3));
            workload('application', i, [...services, ...(rng.chance(0.5) ? [shared.dns] : [])]);
        }

        // What the cluster's processes need besides workloads.
        const workforce = `${prefix}Staff`;
        const alternate = sites[(sites.findIndex(site => site.dc === dc) + 1) % sites.length].dc;
        declare('workforce', workforce, `Cluster ${k} staff`, [`at ${dc}`, rng.chance(0.8) && `alternate-site ${alternate}`]);
        relate('at', workforce, dc);
        const equipment = rng.chance(0.4) ? `${prefix}Printers` : undefined;
        if (equipment) {
            declare('equipment', equipment, `Cluster ${k} printers`, [`at ${dc}`, `spares ${rng.int(0, 2)}`, `alternate-site ${alternate}`]);
            relate('at', equipment, dc);
        }

        const processCount = Math.max(1, Math.round(size / 5));
        const previous = clusters[clusters.length - 1];
        const clusterProcesses = [];
        for (let p = 1; p <= processCount; p++) {
            const name = `${prefix}Proc${p}`;
            const criticality = CRITICALITIES[Math.min(3, Math.floor(rng.int(0, 9) / 2.5))];
            const data = `${prefix}Records${p}`;
            const holder = rng.pick(tiers.database).name;
            declare('data', data, `Cluster ${k} records ${p}`, [`held-by ${holder}`, rng.chance(0.3) && 'vital']);
            relate('held-by', data, holder);
            const apps = rng.sample(tiers.application.map(w => w.name), rng.int(1, 2));
            const supplier = rng.chance(0.6) ? rng.pick(suppliers) : undefined;
            const customer = rng.pick(customers);
            // An upstream process of the previous cluster at least as critical: an input chain, not an inversion.
            const rank = CRITICALITIES.indexOf(criticality);
            const upstreamCandidates = (previous?.processes ?? []).filter(candidate => CRITICALITIES.indexOf(candidate.criticality) <= rank);
            const upstream = upstreamCandidates.length > 0 && rng.chance(0.4) ? rng.pick(upstreamCandidates) : undefined;
            const lines = [`criticality ${criticality}`, `rto ${RTO_BY_CRITICALITY[criticality]}`,
                `rpo ${RPO_BY_CRITICALITY[criticality]}`, `owner ${owner}`,
                supplier && `suppliers ${supplier}`,
                upstream && `input "Work from ${upstream.name}" from ${upstream.name}`,
                supplier && `input "Deliveries" from ${supplier}`,
                `output "Results" to ${customer}`, `customers ${customer}`,
                `workloads ${apps.join(', ')}`, rng.chance(0.5) && `workforce ${workforce}`,
                `locations ${dc}${rng.chance(0.5) ? `, ${alternate}` : ''}`,
                equipment && rng.chance(0.5) && `equipment ${equipment}`, `data ${data}`];
            declare('process', name, `Cluster ${k} process ${p}`, lines,
                { rtoLine: `rto ${RTO_BY_CRITICALITY[criticality]}`, upstream: upstream?.name });
            for (const app of apps) relate('workload', name, app);
            relate('data', name, data);
            relate('output', name, customer);
            if (supplier) relate('supplier', supplier, name);
            if (upstream) relate('input', upstream.name, name);
            const process = { name, criticality, cluster: k };
            clusterProcesses.push(process);
            processes.push(process);
        }

        // The cluster's ordered failover: infrastructure, data, services, apps (only what fails over to az).
        const members = (tier) => tiers[tier].filter(w => w.failsOver).map(w => w.name);
        const recoveryPlan = `${prefix}Failover`;
        const verify = `${prefix}VerifyData${++actionCount}`;
        const groups = [
            `group ${prefix}Network { workloads ${shared.network} }`,
            `group ${prefix}Identity { workloads ${shared.identity}, ${shared.dns} }`,
            members('database').length > 0 && [`group ${prefix}Data {`, `  workloads ${members('database').join(', ')}`,
                `  after { manual ${verify} "Verify the databases answer" by ${dba} takes 15m }`, '}'].join('\n  '),
            members('service').length > 0 && [`group ${prefix}Services {`,
                `  before { script ${prefix}SwitchDns "scripts/switch-dns.ps1" on recovery takes 5m }`,
                `  workloads ${members('service').join(', ')}`, '}'].join('\n  '),
            members('application').length > 0 && [`group ${prefix}Apps {`, `  workloads ${members('application').join(', ')}`,
                `  after { automation ${prefix}WarmCaches "rb-warm-caches" takes 10m only planned, unplanned }`, '}'].join('\n  '),
        ];
        declare('recovery-plan', recoveryPlan, `Fail cluster ${k} over to ${az}`,
            [`from ${dc} to ${az}`, rng.chance(0.8) && `tested ${testedDate(rng)}`, ...groups]);
        clusters.push({ index: k, processes: clusterProcesses, recoveryPlan, manualActions: [verify], dba, appTeam, owner });

        // A plan for every PROCESSES_PER_PLAN processes (and one for the rest at the end).
        const unplanned = clusters.filter(cluster => !cluster.planned);
        const unplannedProcesses = unplanned.reduce((sum, cluster) => sum + cluster.processes.length, 0);
        if (unplannedProcesses >= PROCESSES_PER_PLAN || k === clusterCount) {
            plan(unplanned);
        }
    }

    function plan(covered) {
        const index = declarations.filter(declaration => declaration.kind === 'plan').length + 1;
        const name = `Plan${index}`;
        // One process in twenty is covered by no plan (evaluated on its critical path alone).
        const processNames = covered.flatMap(cluster => cluster.processes.map(process => process.name))
            .filter(() => rng.chance(0.95));
        const step = (id, title, by, takes) => `step ${name}${id} "${title}" by ${by} takes ${takes}`;
        const raci = [
            `${name}Monitor: accountable OpsLead informed IncidentCommander`,
            `${name}Declare: accountable Cio responsible IncidentCommander consulted OpsLead`,
            `${name}Damage: accountable IncidentCommander consulted ${covered[0].dba}`,
            `${name}SmokeTest: accountable ${covered[0].owner} informed IncidentCommander`,
            ...(rng.chance(0.7) ? [`${name}Review: accountable Cio`] : []),
            ...covered.flatMap(cluster => cluster.manualActions.map(action => `${action}: accountable ${cluster.dba}`)),
        ];
        declare('plan', name, `DR plan ${index}`, [
            'owner Cio',
            processNames.length > 0 && `covers ${processNames.join(', ')}`,
            `policy { staff-effectiveness ${rng.pick([50, 75, 100])}% spof-threshold high }`,
            'response {',
            `  watch { ${step('Monitor', 'Watch the alert feed', 'Noc', '0s')} }`,
            `  mobilize { ${step('Declare', 'Declare a disaster', 'IncidentCommander', '30m')} }`,
            `  assess { ${step('Damage', 'Assess the damage', 'OpsLead', '30m')} }`,
            '  stabilize {',
            ...covered.map(cluster => `    execute ${cluster.recoveryPlan}`),
            `    ${step('SmokeTest', 'Smoke-test the applications', covered[0].appTeam, '20m')}`,
            '  }',
            `  close { ${step('Review', 'Post-incident review', 'IncidentCommander', '2h')} }`,
            '}',
            'raci {',
            ...raci.map(row => `  ${row}`),
            '}',
        ]);
        for (const processName of processNames) relate('covers', name, processName);
        for (const cluster of covered) {
            relate('executes', name, cluster.recoveryPlan);
            cluster.planned = true;
        }
    }

    // Contiguous runs of declarations of about equal text size: references cross files, as in a real repo.
    const totalChars = declarations.reduce((sum, declaration) => sum + declaration.text.length, 0);
    const files = Array.from({ length: fileCount }, (_, index) => ({
        name: `part${String(index + 1).padStart(2, '0')}.drplan`, text: '',
    }));
    let written = 0;
    const fileOf = new Map();
    for (const declaration of declarations) {
        const index = Math.min(fileCount - 1, Math.floor(written * fileCount / totalChars));
        files[index].text += `${declaration.text}\n`;
        written += declaration.text.length;
        fileOf.set(declaration.name, files[index].name);
    }
    for (const file of files) {
        file.text = `// Generated by scripts/bench/generate.mjs (${workloadCount} workloads, seed ${seed}).\n\n${file.text}`;
    }

    return {
        files,
        declarations: declarations.map(({ kind, name, title }) => ({ kind, name, title })),
        relationships,
        summary: {
            workloads: declarations.filter(declaration => declaration.kind === 'workload').length,
            dependencies: relationships.filter(relationship => relationship.kind === 'depends-on').length,
            processes: processes.length,
            plans: declarations.filter(declaration => declaration.kind === 'plan').length,
            recoveryPlans: clusters.length,
            sites: siteCount * 2,
            files: files.length,
            declarations: declarations.length,
        },
        edit: chooseEdit(declarations, fileOf),
    };
}

/**
 * The edit the language-server benchmark makes: raise the RTO of a process whose downstream process
 * lives in another file, so that both files get new findings (its own, and criticality-inversion there).
 */
function chooseEdit(declarations, fileOf) {
    const downstreams = declarations.filter(declaration => declaration.kind === 'process' && declaration.upstream
        && fileOf.get(declaration.upstream) !== fileOf.get(declaration.name));
    if (downstreams.length === 0) {
        return undefined;
    }
    const downstream = downstreams[Math.floor(downstreams.length / 2)];
    const upstream = declarations.find(declaration => declaration.name === downstream.upstream);
    const file = fileOf.get(upstream.name);
    return {
        file,
        process: upstream.name,
        /** Replace the first occurrence of `search` after `anchor` with `replace`. */
        anchor: `process ${upstream.name} `,
        search: upstream.rtoLine,
        replace: 'rto 400h',
        affectedFiles: [file, fileOf.get(downstream.name)],
    };
}

/** Applies `edit` to the text of its file. */
export function applyEdit(text, edit) {
    const at = text.indexOf(edit.anchor);
    const position = text.indexOf(edit.search, at);
    if (at < 0 || position < 0) {
        throw new Error(`the edit's anchor ${edit.anchor} is not in ${edit.file}`);
    }
    return text.slice(0, position) + edit.replace + text.slice(position + edit.search.length);
}

/** Writes the workspace's files into `folder` (emptied first). */
export function writeWorkspace(folder, workspace) {
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder, { recursive: true });
    for (const file of workspace.files) {
        writeFileSync(path.join(folder, file.name), file.text);
    }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    const workloads = Number(process.argv[2] ?? 200);
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const folder = path.resolve(process.argv[3] ?? path.join(root, '.bench', `w${workloads}`));
    try {
        const workspace = generateWorkspace({ workloads });
        writeWorkspace(folder, workspace);
        process.stdout.write(`${path.relative(process.cwd(), folder) || '.'}: ${JSON.stringify(workspace.summary)}\n`);
    } catch (error) {
        process.stderr.write(`generate: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 2;
    }
}
