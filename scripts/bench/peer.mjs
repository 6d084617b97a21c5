// The nearest peer, LikeC4 1.46 (a Langium architecture-as-code tool; the last release that runs on
// Node 20), on an equal model: the same elements and relationships as a generated workspace, over as
// many files, and one view of everything (as `drplan graph` maps everything).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

export const PEER_VERSION = '1.46.0';

const kindOf = (kind) => kind.replace(/-(\w)/g, (_, letter) => letter.toUpperCase());

/** The LikeC4 sources of `workspace`: `{ name, text }` files, the specification and the view in the first. */
export function likec4Files(workspace) {
    const fileCount = workspace.files.length;
    const elementKinds = [...new Set(workspace.declarations.map(declaration => kindOf(declaration.kind)))];
    const relationshipKinds = [...new Set(workspace.relationships.map(relationship => kindOf(relationship.kind)))];
    const files = Array.from({ length: fileCount }, (_, index) => ({ name: `part${String(index + 1).padStart(2, '0')}.c4`, lines: [] }));
    files[0].lines.push('specification {', ...elementKinds.map(kind => `  element ${kind}`),
        ...relationshipKinds.map(kind => `  relationship ${kind}`), '}', '', 'views {', '  view index {', '    include *', '  }', '}', '');
    const per = Math.ceil(workspace.declarations.length / fileCount);
    workspace.declarations.forEach((declaration, index) => {
        files[Math.floor(index / per)].lines.push(`  ${kindOf(declaration.kind)} ${declaration.name} '${declaration.title.replace(/'/g, '')}'`);
    });
    const perRelationship = Math.ceil(workspace.relationships.length / fileCount);
    workspace.relationships.forEach((relationship, index) => {
        files[Math.floor(index / perRelationship)].lines.push(
            `  ${relationship.source} -[${kindOf(relationship.kind)}]-> ${relationship.target}`);
    });
    return files.map(file => {
        const [head, body] = file.name === 'part01.c4'
            ? [file.lines.slice(0, file.lines.indexOf('}', file.lines.indexOf('views {')) + 2), file.lines.slice(file.lines.indexOf('}', file.lines.indexOf('views {')) + 2)]
            : [[], file.lines];
        return { name: file.name, text: [...head, 'model {', ...body, '}', ''].join('\n') };
    });
}

export function writeLikec4(folder, workspace) {
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder, { recursive: true });
    for (const file of likec4Files(workspace)) {
        writeFileSync(path.join(folder, file.name), file.text);
    }
}

/**
 * The `likec4` binary in `cacheFolder`, installed there with npm when missing.
 * Returns `{ bin }` or `{ reason }`: why it cannot be used (no registry, a failed install, …).
 */
export function ensurePeer(cacheFolder, log = () => {}) {
    const bin = path.join(cacheFolder, 'node_modules', 'likec4', 'bin', 'likec4.mjs');
    if (!existsSync(bin)) {
        mkdirSync(cacheFolder, { recursive: true });
        if (!existsSync(path.join(cacheFolder, 'package.json'))) {
            writeFileSync(path.join(cacheFolder, 'package.json'), '{ "name": "drplan-bench-peer", "private": true }\n');
        }
        log(`  installing likec4@${PEER_VERSION} into ${cacheFolder} …`);
        const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
        const install = spawnSync(npm, ['install', `likec4@${PEER_VERSION}`, '--no-audit', '--no-fund', '--prefix', cacheFolder],
            { encoding: 'utf8', timeout: 900_000 });
        if (install.status !== 0) {
            const lastLine = `${install.stderr ?? ''}${install.error?.message ?? ''}`.trim().split('\n').filter(Boolean).pop();
            return { reason: `npm install likec4@${PEER_VERSION} failed: ${lastLine ?? `exit ${install.status}`}` };
        }
    }
    if (!existsSync(bin)) {
        return { reason: `likec4@${PEER_VERSION} installed without ${path.relative(cacheFolder, bin)}` };
    }
    const version = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8', timeout: 120_000 });
    if (version.status !== 0 || version.stdout.trim() !== PEER_VERSION) {
        return { reason: `likec4 --version did not answer ${PEER_VERSION} on Node ${process.versions.node}: ${(version.stderr || version.stdout).trim().split('\n')[0]}` };
    }
    return { bin };
}
