// Preloaded into each benchmarked CLI run (NODE_OPTIONS=--require): writes the process's peak resident
// memory in KiB to the file named by LEXGUARD_BENCH_RSS_FILE when it exits. Node cannot read a child's
// resource usage, and this keeps the benchmark free of platform tools such as /usr/bin/time.
const { writeFileSync } = require('node:fs');
const target = process.env.LEXGUARD_BENCH_RSS_FILE;
if (target) process.on('exit', () => writeFileSync(target, String(process.resourceUsage().maxRSS)));
