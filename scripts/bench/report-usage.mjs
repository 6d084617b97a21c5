// Preloaded into a measured child (`node --import`): writes its CPU time and peak memory to the file
// named by DRPLAN_BENCH_USAGE when it exits, so that the benchmark needs no /usr/bin/time.
import { writeFileSync } from 'node:fs';

const file = process.env.DRPLAN_BENCH_USAGE;
if (file) {
    process.on('exit', () => {
        const usage = process.resourceUsage();
        writeFileSync(file, JSON.stringify({ cpu: (usage.userCPUTime + usage.systemCPUTime) / 1000, maxRssMB: usage.maxRSS / 1024 }));
    });
}
