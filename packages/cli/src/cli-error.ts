/**
 * A failure the user can cause and fix (bad argument, missing file, nothing to check): `run` prints its
 * message as one line, `drplan: <message>`, and exits with 2. Anything else that is thrown is a bug.
 */
export class CliError extends Error {
    override readonly name = 'CliError';
}

/** Why a file operation failed, in words, without the errno noise (`ENOENT: no such file…, open '/x'`). */
export function fileErrorReason(error: unknown): string {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    switch (code) {
        case 'ENOENT': return 'no such file or folder';
        case 'EACCES':
        case 'EPERM': return 'permission denied';
        case 'EISDIR': return 'is a folder';
        case 'ENOTDIR': return 'a part of the path is not a folder';
        case 'EEXIST': return 'already exists';
        case 'ENOSPC': return 'no space left on the device';
        case 'EROFS': return 'read-only file system';
        case 'ELOOP': return 'a loop of symbolic links';
        default: return error instanceof Error ? error.message : String(error);
    }
}
