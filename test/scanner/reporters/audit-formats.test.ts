import fc from 'fast-check';
import { parse as parseCsv } from 'csv-parse/sync';
import { buildAuditReport } from '../../../scanner/audit/build-audit-report';
import { clauseCatalogFrom } from '../../../scanner/audit/clause-catalog';
import { DEFAULT_REMEDIATION_DEADLINES } from '../../../scanner/config/defaults';
import { DEFAULT_GATE } from '../../../scanner/findings/exit-code';
import type { ScanReport } from '../../../scanner/findings/scan-report';
import { auditMarkdownReporter } from '../../../scanner/reporters/audit-markdown';
import { csvReporter } from '../../../scanner/reporters/csv';
import { reporterNames } from '../../../scanner/reporters/registry';
import type { ReporterOptions } from '../../../scanner/reporters/reporter';
import { fingerprintAt, liveFinding, scanReport, templateFinding } from '../../_helpers/scan-reports';

function optionsFor(report: ScanReport, now = '2026-12-01T00:00:00Z'): ReporterOptions {
  const audit = buildAuditReport({
    current: report,
    previous: {
      id: '20261101T090000000Z_0123456789abcdef',
      report: scanReport([templateFinding({ resource: 'stack/OldBucket' })], '2026-11-01T09:00:00.000Z'),
      openSince: { [fingerprintAt('stack/OldBucket')]: '2026-11-01T09:00:00.000Z' },
    },
    openSince: { [fingerprintAt('stack/DocsBucket')]: '2026-10-01T09:00:00.000Z' },
    currentId: '20261123T090000000Z_fedcba9876543210',
    remediationDeadlines: DEFAULT_REMEDIATION_DEADLINES,
    catalog: clauseCatalogFrom({ catalog: { clauses: [{ id: 'CP-01', title: 'Encryption at rest' }] } }),
    now: new Date(now),
  });
  return { color: false, showPassed: true, gate: DEFAULT_GATE, audit };
}

const SAMPLE = scanReport([
  templateFinding({ resource: 'stack/DocsBucket' }),
  templateFinding({ resource: 'stack/LogsBucket', status: 'PASS', severity: 'MEDIUM' }),
  liveFinding({
    resource: 'client-docs',
    status: 'UNKNOWN',
    message: 'AccessDenied: s3:GetBucketEncryption',
  }),
]);

describe('audit reporters', () => {
  it('are registered beside the scan formats', () => {
    expect(reporterNames()).toEqual(expect.arrayContaining(['html', 'audit-md', 'csv', 'audit-json']));
  });

  it('Markdown: the audit as an auditor reads it', () => {
    expect(auditMarkdownReporter.render(SAMPLE, optionsFor(SAMPLE))).toMatchSnapshot();
  });

  it('Markdown: scan text cannot break tables, add links or HTML', () => {
    const hostile = scanReport([
      templateFinding({
        resource: 'stack/A|B',
        message: 'see [here](http://evil) <img src=x> | *bold*\nnext',
      }),
    ]);
    const markdown = auditMarkdownReporter.render(hostile, optionsFor(hostile));
    const row = markdown.split('\n').find((line) => line.includes('stack\\/A'));
    expect(row).toContain('stack\\/A\\|B');
    expect(row).toContain('see \\[here\\]\\(http\\:\\/\\/evil\\) \\<img src\\=x\\> \\| \\*bold\\* next');
    // The row still has its ten cells: no pipe from the scan split it.
    expect(row?.split(/(?<!\\)\|/).length).toBe(12);
  });

  it('CSV: one row per finding with first-seen date, age, deadline and evidence', () => {
    const rows = parseCsv(csvReporter.render(SAMPLE, optionsFor(SAMPLE)), { columns: true }) as Array<
      Record<string, string>
    >;
    expect(
      rows.map((row) => [row.resource_id, row.status, row.first_seen, row.age_days, row.due, row.overdue]),
    ).toEqual([
      ['stack/DocsBucket', 'FAIL', '2026-10-01', '61', '2026-10-31', 'yes'],
      ['arn:aws:s3:::client-docs', 'UNKNOWN', '2026-11-23', '8', '2026-12-23', 'no'],
      ['stack/LogsBucket', 'PASS', '', '', '', ''],
    ]);
    expect(rows[1].api_evidence).toBe(
      's3:GetBucketEncryption at 2026-11-23T09:15:02.000Z sha256:0a1b2c3d4e5f',
    );
  });

  it('CSV: no cell a spreadsheet would run as a formula (property)', () => {
    const dangerous = fc.constantFrom('=', '+', '-', '@', '\t', '\r');
    const value = fc.tuple(dangerous, fc.string()).map(([first, rest]) => first + rest);
    fc.assert(
      fc.property(value, value, (resource, message) => {
        const report = scanReport([templateFinding({ resource, message })]);
        const [row] = parseCsv(csvReporter.render(report, optionsFor(report)), {
          columns: true,
          relax_quotes: true,
        }) as Array<Record<string, string>>;
        for (const cell of [row.resource_id, row.message]) {
          expect(cell.startsWith("'")).toBe(true);
        }
        expect(row.resource_id.slice(1)).toBe(resource);
        expect(row.message.slice(1)).toBe(message);
      }),
    );
  });
});
