/**
 * Renders the audit report of a 10,000-finding scan (compared with the scan before it) and prints how
 * long each format took and how large it is. Targets: HTML in 2 s or less, and 5 MB or less.
 *
 *   npm run bench:report [-- --findings 10000]
 */
import { Command } from 'commander';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildAuditReport } from '../scanner/audit/build-audit-report';
import { clauseCatalogFrom } from '../scanner/audit/clause-catalog';
import { DEFAULT_REMEDIATION_DEADLINES } from '../scanner/config/defaults';
import { DEFAULT_GATE } from '../scanner/findings/exit-code';
import { fingerprintOf } from '../scanner/findings/fingerprint';
import { carryOpenSince } from '../scanner/history/record-scan';
import { reporterFor } from '../scanner/reporters/registry';
import { syntheticScans } from '../test/_helpers/synthetic-estate';

const TARGET_SECONDS = 2;
const TARGET_BYTES = 5 * 1024 * 1024;

const options = new Command('bench:report')
  .option('--findings <count>', 'findings in the scan', (value) => Number(value), 10_000)
  .option('--out <dir>', 'where to write the rendered reports', path.join(__dirname, 'out'))
  .parse()
  .opts<{ findings: number; out: string }>();

const { before, after } = syntheticScans({ findings: options.findings });
const previousOpenSince = carryOpenSince(before, undefined);
const openSince = carryOpenSince(after, {
  format: 'lexguard-history/1',
  open_since: previousOpenSince,
  report: before,
});

const started = performance.now();
const audit = buildAuditReport({
  current: after,
  openSince,
  previous: { id: 'previous', report: before, openSince: previousOpenSince },
  remediationDeadlines: DEFAULT_REMEDIATION_DEADLINES,
  catalog: clauseCatalogFrom(undefined),
  now: new Date('2026-12-20T09:00:00Z'),
});
const auditSeconds = (performance.now() - started) / 1000;
console.log(
  `audit of ${after.findings.length} findings (${new Set(after.findings.map(fingerprintOf)).size} keys): ${auditSeconds.toFixed(3)} s`,
);

mkdirSync(options.out, { recursive: true });
let failed = false;
for (const [name, file] of [
  ['html', 'report.html'],
  ['audit-md', 'report.md'],
  ['csv', 'report.csv'],
  ['audit-json', 'report.json'],
] as const) {
  const reporter = reporterFor(name);
  const start = performance.now();
  const rendered = reporter.render(after, { color: false, showPassed: true, gate: DEFAULT_GATE, audit });
  const seconds = (performance.now() - start) / 1000;
  const bytes = Buffer.byteLength(rendered);
  writeFileSync(path.join(options.out, file), rendered);
  let verdict = '';
  if (name === 'html') {
    const total = seconds + auditSeconds;
    const ok = total <= TARGET_SECONDS && bytes <= TARGET_BYTES;
    failed ||= !ok;
    verdict = ` — audit + render ${total.toFixed(3)} s (target ≤ ${TARGET_SECONDS} s), ${(bytes / 1024 / 1024).toFixed(2)} MB (target ≤ 5 MB): ${ok ? 'within targets' : 'OVER TARGET'}`;
  }
  console.log(
    `${name.padEnd(10)} ${seconds.toFixed(3)} s  ${(bytes / 1024).toFixed(0).padStart(6)} KiB${verdict}`,
  );
}
console.log(`reports written to ${options.out}`);
if (failed) process.exitCode = 1;
