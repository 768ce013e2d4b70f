import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import type { ScanReport } from '../../scanner/findings/scan-report';
import { runCli } from '../_helpers/cli';
import { fixture, ROOT } from '../_helpers/paths';
import { parseScanReport } from '../../scanner/findings/read-scan-report';

interface Expected {
  covers: string[];
  findings: Record<string, string[]>;
  notes: Record<string, string[]>;
}

const CORPUS = fixture('corpus');
const expected = load(readFileSync(fixture('corpus-expected.yaml'), 'utf8')) as Expected;

/** `<rule> <resource> <status> [when <scenario>]`, the row form of corpus-expected.yaml. */
function row(finding: ScanReport['findings'][number]): string {
  const when = finding.scenario ? ` when ${finding.scenario}` : '';
  return `${finding.rule_id} ${finding.resource.id} ${finding.status}${when}`;
}

function fileOf(location: ScanReport['findings'][number]['location']): string {
  return location.kind === 'template' ? path.basename(location.file) : '';
}

describe('the template corpus', () => {
  let report: ScanReport;
  beforeAll(async () => {
    const run = await runCli(['scan', 'template', path.relative(ROOT, CORPUS), '--format', 'json']);
    report = parseScanReport(run.stdout, 'report');
  });

  it('covers every rule lexguard has, here or in its own templates, so a new rule comes with its expected rows', () => {
    // A rule's own bad and good templates (test/_fixtures/rules/<id>, checked by
    // test/policies/rule-templates.test.ts) serve as well as rows here.
    const ownTemplates = new Set(readdirSync(fixture('rules')));
    // Rules only live state can judge give one NOT_APPLICABLE for the whole scan; there is nothing to expect.
    const judged = report.findings.filter((f) => f.resource.kind !== 'scope');
    const ruleIds = [...new Set(judged.map((f) => f.rule_id))].sort();
    expect(ruleIds.filter((id) => !expected.covers.includes(id) && !ownTemplates.has(id))).toEqual([]);
  });

  it('scans every template of the corpus without an input error', () => {
    expect(report.errors).toEqual([]);
    expect(Object.keys(expected.findings).sort()).toEqual(
      report.scan.targets.map((target) => path.basename(target)).sort(),
    );
  });

  it.each(Object.keys(expected.findings))('gives exactly the expected findings on %s', (file) => {
    const found = report.findings
      .filter((f) => fileOf(f.location) === file && expected.covers.includes(f.rule_id))
      .map(row)
      .sort();
    expect(found).toEqual([...expected.findings[file]].sort());
  });

  it.each(Object.keys(expected.notes))('notes what it could not follow in %s, where it is', (file) => {
    const found = report.notes
      .filter((note) => note.file && path.basename(note.file) === file)
      .map((note) => `${note.line}:${note.column} ${note.message}`)
      .sort();
    expect(found).toEqual([...expected.notes[file]].sort());
  });
});
