// CPU time from Linux's /proc, for the benchmark's measurements of other processes and of threads.

import { readFileSync } from 'node:fs';

/**
 * CPU milliseconds used so far by the process or thread whose stat file this is (`/proc/<pid>/stat`,
 * `/proc/self/task/<tid>/stat`); undefined when it cannot be read (not Linux, or it has ended).
 * utime and stime are the 14th and 15th fields, in clock ticks of 10 ms; they are counted after the
 * command, which is in parentheses and may itself hold spaces and parentheses.
 */
export function cpuMsOfStat(file) {
    let stat;
    try {
        stat = readFileSync(file, 'utf8');
    } catch {
        return undefined;
    }
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
}
