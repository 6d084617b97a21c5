import { randomBytes } from 'node:crypto';
import { chmod, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { CliError, fileErrorReason } from './cli-error.js';
import type { CliIo } from './io.js';

/** Writes a command's output to stdout, or whole to the `--out` file (relative to the current folder). */
export async function writeOutput(content: string, out: string | undefined, io: CliIo): Promise<void> {
    if (out === undefined) {
        io.stdout.write(content);
        return;
    }
    await writeFileAtomically(path.resolve(io.cwd, out), content, out);
}

/**
 * Writes a temporary file beside `file` and renames it over `file`, so that readers see the old file or the
 * new one, never half of one; on failure the old file is untouched and the temporary file removed.
 * Missing folders are created. A device or pipe (`/dev/null`) is written into, not replaced.
 */
export async function writeFileAtomically(file: string, content: string, shownAs: string = file): Promise<void> {
    const target = await stat(file).catch(() => undefined);
    if (target && !target.isFile() && !target.isDirectory()) {
        // A device or a pipe (`--out /dev/null`, `--out /dev/stdout`): write into it, never replace it.
        await writeFile(file, content).catch((error: unknown) => {
            throw new CliError(`cannot write ${shownAs}: ${fileErrorReason(error)}`);
        });
        return;
    }
    const folder = path.dirname(file);
    await makeFolder(folder).catch((error: unknown) => {
        throw new CliError(`cannot create the folder of ${shownAs}: ${fileErrorReason(error)}`);
    });
    const temporary = path.join(folder, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    try {
        await writeFile(temporary, content, { flag: 'wx' });
        // A replaced file keeps its permissions.
        if (target?.isFile()) {
            await chmod(temporary, target.mode & 0o7777);
        }
        await rename(temporary, file);
    } catch (error) {
        await rm(temporary, { force: true }).catch(() => undefined);
        throw new CliError(`cannot write ${shownAs}: ${fileErrorReason(error)}`);
    }
}

/**
 * Creates `folder` and the missing folders above it, one at a time from the nearest that exists.
 * Not `mkdir(…, { recursive: true })`: in Node 20 that retries for ever where creating a folder fails
 * with ENOENT inside a folder that exists (`/proc/x`), so a command would hang instead of failing.
 */
async function makeFolder(folder: string): Promise<void> {
    const missing: string[] = [];
    let current = folder;
    let existing = await stat(current).catch(() => undefined);
    while (!existing && path.dirname(current) !== current) {
        missing.push(current);
        current = path.dirname(current);
        existing = await stat(current).catch(() => undefined);
    }
    if (existing && !existing.isDirectory()) {
        throw Object.assign(new Error(`${current} is not a folder`), { code: 'ENOTDIR' });
    }
    for (const each of missing.reverse()) {
        // Another process may create it meanwhile.
        await mkdir(each).catch((error: unknown) => {
            if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
                throw error;
            }
        });
    }
}
