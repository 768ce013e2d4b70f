import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { HistoryStore } from '../../scanner/history/history-store';
import { readRecord } from '../../scanner/history/record-scan';
import { ROOT } from './paths';

const WRITER = path.join(ROOT, 'test', '_helpers', 'history-writer.ts');

/** Starts history-writer.ts: `count` scans of `findings` findings each into the local history at `dir`. */
export function startWriter(
  dir: string,
  writer: number,
  count: number,
  findings: number,
  pause = false,
): ChildProcess {
  // `node --import tsx` runs the writer in this one process (the tsx wrapper would fork a child that a
  // kill of the wrapper leaves running).
  return spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      WRITER,
      dir,
      String(writer),
      String(count),
      String(findings),
      pause ? 'pause' : 'run',
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
}

/** Resolves when the child prints a line matching `pattern`. */
export function untilOutput(child: ChildProcess, pattern: RegExp): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (pattern.test(seen)) resolve();
    });
    child.on('exit', () =>
      pattern.test(seen) ? resolve() : reject(new Error(`exited before ${pattern}: ${seen}`)),
    );
  });
}

export function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.on('exit', (code) => resolve(code));
  });
}

/** The ids a writer has confirmed stored so far (its `stored <id>` lines), kept up to date. */
export function confirmedIds(child: ChildProcess): string[] {
  const ids: string[] = [];
  let pending = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    const lines = (pending + chunk.toString()).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) if (line.startsWith('stored ')) ids.push(line.slice('stored '.length));
  });
  return ids;
}

/** Every listed record reads back whole, its digest matching its name; the listed ids. */
export async function readAll(store: HistoryStore): Promise<string[]> {
  const refs = await store.list();
  for (const ref of refs) {
    const record = await readRecord(store, ref);
    expect(record.report.findings.length).toBeGreaterThan(0);
  }
  return refs.map((ref) => ref.id);
}
