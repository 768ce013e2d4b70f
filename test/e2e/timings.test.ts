import path from 'node:path';
import { PHASES } from '../../scanner/scan/phase-timer';
import { runCli } from '../_helpers/cli';
import { ROOT } from '../_helpers/paths';

const example = path.relative(ROOT, path.join(ROOT, 'examples', 'document-store.yaml'));

describe('lexguard scan --timings', () => {
  it('prints the time of every phase on standard error and leaves the report as it was', async () => {
    const plain = await runCli(['scan', 'template', example, '--format', 'json']);
    const timed = await runCli(['scan', 'template', example, '--format', 'json', '--timings']);
    expect(timed.code).toBe(plain.code);
    expect(plain.stderr).not.toMatch(/timings/);
    const line = timed.stderr.split('\n').find((text) => text.startsWith('lexguard: timings (ms):'));
    expect(line).toBeDefined();
    const values = Object.fromEntries(
      [...(line ?? '').matchAll(/(\w+)=(\d+\.\d)/g)].map(([, name, value]) => [name, Number(value)]),
    );
    expect(Object.keys(values)).toEqual([...PHASES, 'other', 'total']);
    // A real scan spends time parsing, resolving and evaluating; the phases never add up to more than the total.
    for (const phase of ['parse', 'resolve', 'evaluate'] as const) expect(values[phase]).toBeGreaterThan(0);
    const covered = PHASES.reduce((sum, phase) => sum + values[phase], 0);
    expect(covered).toBeLessThanOrEqual(values.total + 0.1 * PHASES.length);
    const report = (text: string): unknown => {
      const { findings } = JSON.parse(text) as { findings: Array<{ rule_id: string; status: string }> };
      return findings.map((f) => `${f.rule_id} ${f.status}`).sort();
    };
    expect(report(timed.stdout)).toEqual(report(plain.stdout));
  });
});
