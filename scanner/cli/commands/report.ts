import { InvalidArgumentError, type Command } from 'commander';
import { auditInputFromHistory } from '../../audit/audit-from-history';
import { buildAuditReport } from '../../audit/build-audit-report';
import { installedClauseCatalog } from '../../audit/clause-catalog';
import { loadConfig } from '../../config/load-config';
import { LexguardError } from '../../errors';
import { DEFAULT_GATE } from '../../findings/exit-code';
import { mergeScanReports } from '../../findings/merge-scan-reports';
import { readScanReportFile } from '../../findings/read-scan-report';
import { DEFAULT_HISTORY_DIR } from '../../history/open-history-store';
import { readHistoryView } from '../../history/read-history';
import { recordScan } from '../../history/record-scan';
import type { CliContext } from '../context';
import { addHistoryOptions, historyStoreFor, type HistoryOptions } from '../history-options';
import { formatOption, planOutputs, type FormatRequest } from '../output-plan';

interface ReportCommandOptions extends HistoryOptions {
  format: FormatRequest[];
  output?: string;
  scan?: string;
  trend: number;
  now?: Date;
  config?: string;
}

export function registerReport(program: Command, context: CliContext): void {
  addHistoryOptions(
    program
      .command('report')
      .description(
        'audit report from the scan history: a scan compared with the one before it (new, fixed, regressed, still open), open findings aged against their remediation deadlines',
      )
      .argument('[scans...]', 'JSON scan reports (lexguard scan … --format json) to store as one scan first'),
    DEFAULT_HISTORY_DIR,
  )
    .addOption(formatOption('html on standard output'))
    .option('-o, --output <file>', 'the file for the one --format given without =FILE')
    .option('--scan <id>', 'report on this stored scan rather than the latest')
    .option('--trend <count>', 'how many scans the trend chart covers', parseCount, 12)
    .option(
      '--now <time>',
      'the clock ages are computed against (ISO 8601; default: the end of the scan)',
      parseTime,
    )
    .option('-c, --config <file>', 'configuration file, for the remediation deadlines')
    .action(async (scans: string[], options: ReportCommandOptions) => {
      const outputs = planOutputs(
        options.format.length > 0 ? options.format : [{ name: 'html' }],
        options.output,
      );
      const config = loadConfig(options.config);
      const store = historyStoreFor(options);
      let id = options.scan;
      if (scans.length > 0) {
        if (id) throw new LexguardError('USAGE', '--scan names a stored scan; give either it or scan files');
        const recorded = await recordScan(store, mergeScanReports(scans.map(readScanReportFile)));
        id = recorded.ref.id;
        context.sink.stderr(`lexguard: scan stored in ${store.location} as ${id}\n`);
      }
      const view = await readHistoryView(store, { ...(id ? { id } : {}), trendLength: options.trend });
      const audit = buildAuditReport(
        auditInputFromHistory(view, config.remediationDeadlines, installedClauseCatalog(), options.now),
      );
      for (const { reporter, file } of outputs) {
        const rendered = reporter.render(view.current.record.report, {
          color: file === undefined && context.sink.colorful,
          showPassed: true,
          gate: DEFAULT_GATE,
          audit,
        });
        if (file === undefined) context.sink.stdout(rendered);
        else context.sink.writeFile(file, rendered);
      }
      const { changes } = audit;
      context.sink.stderr(
        `lexguard: scan ${view.current.ref.id}${view.previous ? ` compared with ${view.previous.ref.id}` : ' (first in the history)'}: ${changes.new} new, ${changes.regressed} regressed, ${changes.still_open} still open, ${changes.fixed} fixed, ${changes.overdue} overdue\n`,
      );
    });
}

function parseCount(value: string): number {
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1) {
    throw new InvalidArgumentError('expected a whole number of 1 or more');
  }
  return count;
}

function parseTime(value: string): Date {
  const time = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(time.getTime())) {
    throw new InvalidArgumentError('expected an ISO 8601 date or time, e.g. 2026-11-23T09:00:00Z');
  }
  return time;
}
