/** Where a run reads its surroundings from and writes to: the real process, or a test's buffers. */
export interface CliIo {
    stdout: { write(text: string): unknown; isTTY?: boolean };
    stderr: { write(text: string): unknown };
    /** The folder that paths on the command line and paths in reports are relative to. */
    cwd: string;
    env: Readonly<Record<string, string | undefined>>;
    /** The clock, for the default `--as-of` (today). */
    now(): Date;
}

export function processIo(): CliIo {
    return {
        stdout: process.stdout,
        stderr: process.stderr,
        cwd: process.cwd(),
        env: process.env,
        now: () => new Date(),
    };
}
