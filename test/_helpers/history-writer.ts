/**
 * A child process for the history tests: stores `count` scans of `findings` findings each in the local
 * history at `dir`, printing `stored <id>` after each, so a test can run several at once or kill one
 * mid-write. With `pause` it stops for a while between writing a record's temporary file and linking it
 * into place, printing `linking`, so a test can kill it at exactly that point.
 */
import { promises as fs } from 'node:fs';
import { LocalHistoryStore } from '../../scanner/history/local-history-store';
import { recordScan } from '../../scanner/history/record-scan';
import { scanReport, templateFinding } from './scan-reports';

async function main(): Promise<void> {
  const [dir, writer, count, findings, mode] = process.argv.slice(2);
  if (mode === 'pause') {
    const link = fs.link.bind(fs);
    fs.link = async (existing, target) => {
      process.stdout.write('linking\n');
      await new Promise((resolve) => setTimeout(resolve, 2000));
      return link(existing, target);
    };
  }
  const store = new LocalHistoryStore(dir);
  const all = Array.from({ length: Number(findings) }, (_, i) =>
    templateFinding({ resource: `stack/Bucket${i}`, status: i % 3 === 0 ? 'FAIL' : 'PASS' }),
  );
  process.stdout.write('ready\n');
  for (let i = 0; i < Number(count); i++) {
    // Distinct start times per writer and scan, so every scan is its own record.
    const startedAt = new Date(Date.UTC(2026, 0, 1) + Number(writer) * 1000 + i * 60_000).toISOString();
    const { ref } = await recordScan(store, scanReport(all, startedAt));
    process.stdout.write(`stored ${ref.id}\n`);
  }
}

void main();
