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
    await mkdir(folder, { recursive: true }).catch((error: unknown) => {
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
