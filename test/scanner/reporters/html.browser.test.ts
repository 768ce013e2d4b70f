import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { auditInputFromHistory } from '../../../scanner/audit/audit-from-history';
import type { AuditReport } from '../../../scanner/audit/audit-report';
import { buildAuditReport } from '../../../scanner/audit/build-audit-report';
import { clauseCatalogFrom } from '../../../scanner/audit/clause-catalog';
import { DEFAULT_REMEDIATION_DEADLINES } from '../../../scanner/config/defaults';
import { DEFAULT_GATE } from '../../../scanner/findings/exit-code';
import { LocalHistoryStore } from '../../../scanner/history/local-history-store';
import { readHistoryView } from '../../../scanner/history/read-history';
import { recordScan } from '../../../scanner/history/record-scan';
import { htmlReporter } from '../../../scanner/reporters/html';
import { launchChromium } from '../../_helpers/browser';
import { ROOT } from '../../_helpers/paths';
import { syntheticScans } from '../../_helpers/synthetic-estate';
import { tempDirs } from '../../_helpers/temp-dirs';

/** Values an attacker controls (bucket names, tag values, suppression text), each trying to run a script. */
const HOSTILE = {
  name: `<img src=x onerror="window.__pwned='name'">`,
  attribute: `"><script>window.__pwned='attribute'</script>`,
  closing: `</script><script>window.__pwned='closing'</script><!--`,
  tag: `confidential"><svg onload="window.__pwned='tag'">`,
  reason: `<iframe srcdoc="<script>parent.__pwned='reason'</script>">`,
  owner: `<object data="javascript:window.__pwned='owner'"></object>`,
  region: `eu-west-1<script>window.__pwned='region'</script>`,
  account: `111122223333<embed src="javascript:window.__pwned='account'">`,
  scenario: `Flag=<a href="javascript:window.__pwned='scenario'">on</a>`,
  input: `<math><mtext><img src=x onerror="window.__pwned='input'"></mtext></math>`,
  evidence: `javascript:window.__pwned='evidence'`,
};

const OUTPUT = path.join(ROOT, 'test-output');
const tempDir = tempDirs('html');

/** The HTML report of the second of two stored scans of a synthetic estate, opened in real Chromium. */
describe('HTML report in headless Chromium', () => {
  let browser: Browser;
  let page: Page;
  let audit: AuditReport;
  const consoleErrors: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    const { before, after } = syntheticScans({
      findings: 400,
      names: [HOSTILE.name, HOSTILE.attribute, HOSTILE.closing],
    });
    const hostileTag = after.findings.find((f) => f.rule_id === 'LG-S3-010' && f.status === 'FAIL');
    if (hostileTag) hostileTag.message = `data-classification is ${HOSTILE.tag}, not an allowed value`;
    const waived = after.findings.find((f) => f.waiver);
    if (waived?.waiver) {
      waived.waiver.reason = HOSTILE.reason;
      waived.waiver.owner = HOSTILE.owner;
    }
    // Values an AWS account answers (its id, a region) and a template decides (a condition's branch).
    const live = after.findings.find((f) => f.location.kind === 'live' && f.status === 'FAIL');
    if (live?.location.kind === 'live') {
      live.location.region = HOSTILE.region;
      live.location.account = HOSTILE.account;
      live.scenario = HOSTILE.scenario;
    }
    after.errors.push({
      code: 'INPUT_MALFORMED',
      message: HOSTILE.input,
      file: HOSTILE.name,
      line: 1,
      column: 1,
    });
    const attestation = after.attestations?.['CP-15.training'];
    if (attestation) attestation.evidence = HOSTILE.evidence;
    after.scan.targets.push(HOSTILE.closing);
    const store = new LocalHistoryStore(tempDir());
    await recordScan(store, before);
    await recordScan(store, after);
    const view = await readHistoryView(store, { trendLength: 12 });
    const catalog = clauseCatalogFrom({
      catalog: { clauses: [{ id: 'CP-01', title: `Encryption at rest ${HOSTILE.name}` }] },
    });
    audit = buildAuditReport(
      auditInputFromHistory(view, DEFAULT_REMEDIATION_DEADLINES, catalog, new Date('2026-12-20T09:00:00Z')),
    );
    const html = htmlReporter.render(after, { color: false, showPassed: true, gate: DEFAULT_GATE, audit });
    mkdirSync(OUTPUT, { recursive: true });
    const file = path.join(OUTPUT, 'report.html');
    writeFileSync(file, html);

    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`file://${file}`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('loads with no console error and no request beyond the file itself', () => {
    expect(consoleErrors).toEqual([]);
    expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([]);
    expect(requests).toHaveLength(1);
  });

  it('draws the three charts (their canvases hold coloured pixels)', async () => {
    for (const id of ['chart-clauses', 'chart-severities', 'chart-trend']) {
      const painted = await page.evaluate((canvasId) => {
        const canvas = document.getElementById(canvasId) as HTMLCanvasElement;
        const { data } = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height) ?? {
          data: [],
        };
        let coloured = 0;
        for (let i = 0; i < data.length; i += 4) {
          // Opaque and not grey: bars, lines and legend swatches, not axis text or grid lines.
          const [r, g, b, a] = [data[i], data[i + 1], data[i + 2], data[i + 3]];
          if (a > 200 && Math.max(r, g, b) - Math.min(r, g, b) > 60) coloured++;
        }
        return coloured;
      }, id);
      expect(painted).toBeGreaterThan(200);
    }
  });

  it('shows the scan’s figures: clauses, changes and overdue findings', async () => {
    const clauseRows = await page.locator('#clauses table').first().locator('tbody tr').count();
    expect(clauseRows).toBe(15);
    const changes = await page.locator('#changes p').first().textContent();
    expect(changes).toContain(`${audit.changes.new} new, ${audit.changes.regressed} regressed`);
    expect(audit.changes.overdue).toBeGreaterThan(0);
    expect(await page.locator('#findings tbody tr.overdue').count()).toBe(audit.changes.overdue);
  });

  it('filters the findings table by status, severity, clause, change and text', async () => {
    const visible = () => page.locator('#findings tbody tr:not([hidden])').count();
    const count = (status: string) => audit.findings.filter((f) => f.status === status).length;
    expect(await visible()).toBe(audit.findings.length);

    await page.selectOption('#filter-status', 'FAIL');
    expect(await visible()).toBe(count('FAIL'));
    await page.selectOption('#filter-severity', 'CRITICAL');
    expect(await visible()).toBe(
      audit.findings.filter((f) => f.status === 'FAIL' && f.severity === 'CRITICAL').length,
    );
    await page.selectOption('#filter-severity', '');
    await page.selectOption('#filter-status', 'open');
    expect(await visible()).toBe(count('FAIL') + count('ERROR') + count('UNKNOWN'));
    await page.selectOption('#filter-status', '');

    await page.selectOption('#filter-clause', 'CP-05');
    expect(await visible()).toBe(audit.findings.filter((f) => f.clauses.includes('CP-05')).length);
    await page.selectOption('#filter-clause', '');

    await page.selectOption('#filter-change', 'overdue');
    expect(await visible()).toBe(audit.changes.overdue);
    await page.selectOption('#filter-change', 'regressed');
    expect(await visible()).toBe(audit.changes.regressed);
    await page.selectOption('#filter-change', '');

    await page.fill('#filter-text', 'svg onload');
    expect(await visible()).toBe(1);
    expect(await page.locator('#findings-count').textContent()).toBe(
      `1 of ${audit.findings.length} findings shown`,
    );
    await page.fill('#filter-text', '');
    expect(await visible()).toBe(audit.findings.length);
  });

  it('shows hostile names, tag values and reasons as text and runs none of them', async () => {
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    const text = (await page.locator('body').textContent()) ?? '';
    for (const value of Object.values(HOSTILE)) expect(text).toContain(value);
    // Only the two scripts lexguard put there exist: nothing hostile became an element.
    expect(await page.locator('script:not([type])').count()).toBe(2);
    expect(await page.locator('img, svg, iframe, object, embed, math, main script').count()).toBe(0);
    // No link at all: the report has none of its own, so any would be a value turned into markup.
    expect(await page.locator('a[href]').count()).toBe(0);
  });

  it('writes a full-page screenshot for a person to look at', async () => {
    const file = path.join(OUTPUT, 'report.png');
    await page.screenshot({ path: file, fullPage: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(OUTPUT, 'report-top.png') });
    expect((await page.locator('body').boundingBox())?.height).toBeGreaterThan(1500);
  });
});
