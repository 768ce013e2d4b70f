// Preloaded into each benchmarked CLI run (NODE_OPTIONS=--require): writes the process's peak resident
// memory (KiB) and CPU time (user + system, microseconds) to the file named by LEXGUARD_BENCH_RSS_FILE
// when it exits. Node cannot read a child's resource usage, and this keeps the benchmark free of
// platform tools such as /usr/bin/time. CPU time is reported beside wall time because it depends far
// less on what else the machine is running.
const { writeFileSync } = require('node:fs');
const target = process.env.LEXGUARD_BENCH_RSS_FILE;
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(
      target,
      JSON.stringify({ maxRssKib: usage.maxRSS, cpuMicros: usage.userCPUTime + usage.systemCPUTime }),
    );
  });
}
