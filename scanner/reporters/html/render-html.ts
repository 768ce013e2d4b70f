import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { renderToString } from 'preact-render-to-string';
import { createElement } from 'preact';
import type { AuditReport } from '../../audit/audit-report';
import { LexguardError } from '../../errors';
import { chartData } from './chart-data';
import { reportClient } from './client';
import { ReportPage } from './page';

let chartJs: string | undefined;

const CHART_JS_FILE = 'chart.umd.min.js';

/**
 * Where Chart.js's browser build is: beside the running script in a bundled deployment (the audit
 * Lambda's build copies it there, as a bundle has no node_modules), else in the `chart.js` package.
 */
function chartJsFile(): string {
  const beside = path.join(__dirname, CHART_JS_FILE);
  if (existsSync(beside)) return beside;
  return path.join(path.dirname(require.resolve('chart.js')), CHART_JS_FILE);
}

/** Chart.js's browser build, read once and inlined into every report. */
function chartJsSource(): string {
  if (chartJs) return chartJs;
  const file = chartJsFile();
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (thrown) {
    throw new LexguardError('INTERNAL', `cannot read Chart.js from ${file}: ${String(thrown)}`);
  }
  // The source map comment would point the browser's developer tools at a file that is not there.
  chartJs = source.replace(/\/\/# sourceMappingURL=\S+\s*$/, '');
  if (/<\/script/i.test(chartJs)) throw new LexguardError('INTERNAL', `${file} cannot be inlined in a page`);
  return chartJs;
}

/**
 * JSON that can stand inside `<script type="application/json">`: every `<` escaped, so no value can
 * close the element or open a comment, whatever the resource names hold.
 */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

function sha256Source(code: string): string {
  return `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`;
}

/**
 * Renders the audit as one self-contained HTML file: styles, Chart.js, chart data and the page's script
 * are all inline, and the Content-Security-Policy forbids any network access and any script but these
 * two, so even a value that escaped escaping could not run.
 */
export function renderHtmlReport(audit: AuditReport): string {
  const code = [chartJsSource(), `(${reportClient.toString()})();`];
  const csp = [
    "default-src 'none'",
    `script-src ${code.map(sha256Source).join(' ')}`,
    "style-src 'unsafe-inline'",
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const page = createElement(ReportPage, {
    audit,
    scripts: { dataJson: scriptSafeJson(chartData(audit)), code, csp },
  });
  return `<!DOCTYPE html>\n${renderToString(page)}\n`;
}
