import { parse as parseCsv } from 'csv-parse/sync';
import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import MarkdownIt from 'markdown-it';
import { DEFAULT_GATE } from '../../../scanner/findings/exit-code';
import type { ScanReport } from '../../../scanner/findings/scan-report';
import { reporterFor, reporterNames } from '../../../scanner/reporters/registry';
import { terminalSafe } from '../../../scanner/reporters/terminal-escape';
import { SAMPLE_REPORT } from '../../_helpers/sample-report';
import { liveFinding } from '../../_helpers/scan-reports';
import { parseScanReport } from '../../../scanner/findings/read-scan-report';

/**
 * Every report format on reports whose every value a template, an AWS account or a suppressions file
 * controls (resource ids, logical ids, construct paths, file names, ARNs, messages quoting tags and
 * policy text, waiver reasons and owners, notes, errors, scenarios) carries a hostile string: each format
 * must render, keep its own syntax, and give the string no power. The browser test
 * (html.browser.test.ts) checks in Chromium that no script runs in the HTML report.
 *
 * Seen to fail first on planted bugs: the table printing a message unescaped (an ESC reached the
 * terminal), escapeMarkdown skipping `[` (a link), CSV without escape_formulas (a formula cell).
 */

/** Keys whose values lexguard itself writes (statuses, codes, dates, digests) or the policy bundle does. */
const OWN_KEYS = new Set([
  'schema_version',
  'name',
  'version',
  'digest',
  'opa_version',
  'source_kind',
  'started_at',
  'finished_at',
  'rule_id',
  'title',
  'severity',
  'clauses',
  'status',
  'remediation',
  'kind',
  'code',
  'state',
  'written_in',
  'expires',
  'time',
  'rule',
]);

const SAMPLES = [
  '<img src=x onerror=alert(1)>',
  '</script><script>alert(1)</script>',
  '"><svg onload=alert(1)>',
  '[click](https://evil.example) ![i](https://evil.example/i.png) <https://evil.example> www.evil.example',
  'mail me: victim@evil.example',
  '=HYPERLINK("https://evil.example","x")',
  "+1+cmd|' /C calc'!A0",
  '-2+3',
  '@SUM(1,1)',
  '\tTAB',
  '\rCR',
  '\u001b[2J\u001b]0;owned\u0007\u001b[31mred',
  '\n\nGate (--fail-on LOW): passed',
  'abc\u202edcba',
  '\u0000\u0008\u007f\u0085\u009b',
  '| a | b |\n|---|',
  '# heading\n- item\n> quote',
  '&amp; &lt;b&gt;',
  '\\*not bold\\*',
  '{{lexguard:Docs.Arn}} ${AWS::Region}',
];

const hostile = fc.oneof(
  fc.constantFrom(...SAMPLES),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.tuple(fc.constantFrom(...SAMPLES), fc.constantFrom(...SAMPLES)).map(([a, b]) => `${a}${b}`),
);

const BASE: ScanReport = {
  ...SAMPLE_REPORT,
  findings: [
    ...SAMPLE_REPORT.findings,
    liveFinding({ resource: 'arn:aws:s3:::client-docs', status: 'FAIL', message: 'tag owner is x' }),
  ],
};

/** The report with `text` appended to every value a scanned input controls. */
function poisoned(report: ScanReport, text: string): ScanReport {
  const walk = (value: unknown, key: string): unknown => {
    // `*` is lexguard's own name for the scan as a whole, not a resource a template names.
    if (typeof value === 'string') return OWN_KEYS.has(key) || value === '*' ? value : `${value}${text}`;
    if (Array.isArray(value)) return value.map((item) => walk(item, key));
    if (typeof value === 'object' && value !== null) {
      if (key === 'summary' || key === 'policy' || key === 'tool') return value;
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    }
    return value;
  };
  return walk(report, '') as ScanReport;
}

const render = (format: string, report: ScanReport, color = false): string =>
  reporterFor(format).render(report, { color, showPassed: true, gate: DEFAULT_GATE });

const markdown = new MarkdownIt({ html: true, linkify: true });
const POWERFUL_TOKENS = new Set(['html_block', 'html_inline', 'link_open', 'image']);

function powerfulMarkdown(text: string): string[] {
  const found: string[] = [];
  const visit = (tokens: ReturnType<typeof markdown.parse>): void => {
    for (const token of tokens) {
      if (POWERFUL_TOKENS.has(token.type))
        found.push(`${token.type}: ${token.content || token.attrGet('href')}`);
      if (token.children) visit(token.children);
    }
  };
  visit(markdown.parse(text, {}));
  return found;
}

/** Elements of an HTML page, by tag name, in order: hostile text must not add any. */
const elements = (html: string): string[] => [...html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)/g)].map((m) => m[1]);

/* eslint-disable no-control-regex -- looking for control characters is the point */
/** What must never reach a terminal from scanned text (line breaks are the table's own). */
const TERMINAL_UNSAFE =
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
/** lexguard's own colours (SGR sequences). */
const SGR = /\u001b\[[0-9;]*m/g;
/* eslint-enable no-control-regex */

describe('every report format on hostile values (property)', () => {
  const plainHtml = elements(render('html', BASE));
  const plainMarkdown = {
    markdown: powerfulMarkdown(render('markdown', BASE)),
    'audit-md': powerfulMarkdown(render('audit-md', BASE)),
  };

  it('covers every registered format', () => {
    expect(reporterNames().sort()).toEqual(
      ['audit-json', 'audit-md', 'csv', 'html', 'json', 'junit', 'markdown', 'sarif', 'table'].sort(),
    );
  });

  it('renders them inert in every format', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const report = poisoned(BASE, text);
        const table = render('table', report);
        expect(table).not.toMatch(TERMINAL_UNSAFE);
        // With colour on, the only escape sequences are lexguard's own SGR colours.
        expect(render('table', report, true).replace(SGR, '')).not.toMatch(TERMINAL_UNSAFE);
        expect(parseScanReport(render('json', report), 'report.json')).toEqual(report);
        expect(() => JSON.parse(render('sarif', report)) as unknown).not.toThrow();
        expect(() => JSON.parse(render('audit-json', report)) as unknown).not.toThrow();
        expect(XMLValidator.validate(render('junit', report))).toBe(true);
        for (const format of ['markdown', 'audit-md'] as const) {
          expect(powerfulMarkdown(render(format, report))).toEqual(plainMarkdown[format]);
        }
        const rows = parseCsv(render('csv', report), { relaxQuotes: false }) as string[][];
        for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
        expect(elements(render('html', report))).toEqual(plainHtml);
      }),
      { seed: 4242, numRuns: 120 },
    );
  });

  it('names the policy bundle digest in every format', () => {
    const digest = BASE.policy.digest;
    for (const format of reporterNames()) {
      const text = render(format, BASE);
      const shown = format === 'table' || format === 'markdown' ? digest.slice(0, 12) : digest;
      expect(`${format}: ${text.includes(shown)}`).toBe(`${format}: true`);
    }
  });
});

describe('terminalSafe', () => {
  it.each([
    ['\u001b[31mred', '\\x1b[31mred'],
    ['a\nb\r\tc', 'a\\nb\\r\\tc'],
    ['abc\u202edcba', 'abc\\u202edcba'],
    ['\u009b2J', '\\x9b2J'],
    ['plain — text ✓', 'plain — text ✓'],
  ])('writes %j as %j', (text, expected) => {
    expect(terminalSafe(text)).toBe(expected);
  });

  it('keeps line breaks when asked, and still escapes everything else', () => {
    expect(terminalSafe('synth failed:\n  \u001b[2JError\r', { keepLineBreaks: true })).toBe(
      'synth failed:\n  \\x1b[2JError\\r',
    );
  });
});
