// Preloaded into a benchmarked process (node --import): writes its own CPU time and peak
// memory to the file named by SQLGEN_BENCH_USAGE when it exits.
import { writeFileSync } from 'node:fs';

const target = process.env.SQLGEN_BENCH_USAGE;
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(target, JSON.stringify({ cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, maxRssMb: usage.maxRSS / 1024 }));
  });
}
