import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import { attestedControlIds, loadAttestationsFile } from '../../attestations/load-attestations';
import { PolicyEngine } from '../../engine/policy-engine';
import { LexguardError } from '../../errors';
import type { LiveScanSummary } from '../../findings/scan-report';
import type * as ScanLiveModule from '../../scan/scan-live';
import type { AccountSelection } from '../../sources/live/targets';
import type * as TargetsModule from '../../sources/live/targets';
import type { CliContext } from '../context';
import { liveProgress } from '../progress';
import { addReportOptions, deliverReport, planReport, type ReportOptions } from '../report-options';

interface ScanLiveOptions extends ReportOptions {
  region: string[];
  assumeRole: string[];
  organizationRole?: string;
  maxAttempts: number;
  timeout: number;
  concurrency: number;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

function positiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1)
    throw new InvalidArgumentError('expected a whole number of at least 1');
  return number;
}

function roleArn(value: string, previous: string[]): string[] {
  if (!/^arn:aws[a-z-]*:iam::\d{12}:role\/.+/.test(value))
    throw new InvalidArgumentError(`"${value}" is not an IAM role ARN`);
  return [...previous, value];
}

export function registerScanLive(scan: Command, context: CliContext): void {
  addReportOptions(
    scan
      .command('live')
      .description(
        'scan live AWS accounts, with credentials, region and endpoints from the standard AWS configuration',
      ),
  )
    .addOption(
      new Option('-r, --region <region>', 'a region to scan (repeatable)')
        .argParser(collect)
        .default([], 'every enabled region'),
    )
    .addOption(
      new Option(
        '--assume-role <arn>',
        'scan the account of this role, assumed from the current credentials (repeatable)',
      )
        .argParser(roleArn)
        .default([], "the current credentials' account"),
    )
    .option(
      '--organization-role <name>',
      'scan every account of the organization by assuming this role name in each',
    )
    .option('--max-attempts <n>', 'attempts per API call, with adaptive back-off', positiveInteger, 5)
    .option('--timeout <seconds>', 'longest one API call may take, retries included', positiveInteger, 60)
    .option('--concurrency <n>', 'API requests in flight at once per service', positiveInteger, 8)
    .action(async (options: ScanLiveOptions) => {
      quietNodeVersionNotice();
      const { scanLive, defaultRegion } = loadLiveScanner();
      const plan = planReport(options);
      const accounts = selection(options);
      const engine = await PolicyEngine.load();
      const attestations = loadAttestationsFile(
        attestedControlIds(engine.manifest.catalog),
        options.attestations,
      );
      const progress = liveProgress(context);
      let report;
      try {
        ({ report } = await scanLive({
          engine,
          config: plan.config,
          suppressions: plan.suppressions,
          attestations,
          accounts,
          regions: options.region.length > 0 ? options.region : undefined,
          homeRegion: await defaultRegion(),
          tuning: {
            maxAttempts: options.maxAttempts,
            callTimeoutMs: options.timeout * 1000,
            concurrencyPerService: options.concurrency,
          },
          observer: progress,
        }));
      } finally {
        progress?.stop();
      }
      deliverReport(report, plan, context);
      if (report.live) context.sink.stderr(`${describeLiveSummary(report.live)}\n`);
    });
}

function selection(options: ScanLiveOptions): AccountSelection {
  if (options.organizationRole && options.assumeRole.length > 0)
    throw new LexguardError('USAGE', 'use either --assume-role or --organization-role, not both');
  if (options.organizationRole) return { kind: 'organization', roleName: options.organizationRole };
  if (options.assumeRole.length > 0) return { kind: 'roles', roleArns: options.assumeRole };
  return { kind: 'current' };
}

/** One line: calls made, retried, failed; coverage; time waiting on AWS. */
export function describeLiveSummary(live: LiveScanSummary): string {
  const percent = (share: number): string => `${Math.floor(share * 1000) / 10}%`;
  const { calls, coverage } = live;
  return (
    `lexguard: ${calls.made} API calls in ${live.accounts.length} account(s), ${live.regions.length} region(s): ` +
    `${calls.retried} retried, ${calls.failed} failed, ${calls.absent} not configured; ` +
    `coverage ${percent(coverage.calls_answered)} of calls, ${coverage.resources_complete}/${coverage.resources} resources read completely; ` +
    `${(live.waiting_ms / 1000).toFixed(1)} s of ${(live.wall_ms / 1000).toFixed(1)} s waiting on AWS`
  );
}

/**
 * The SDK warns on Node 20 that its releases from 2027 will need Node 22. lexguard pins SDK releases that
 * support Node 20, so the notice says nothing about this installation: it is turned off unless the user
 * set the variable themselves.
 */
export function quietNodeVersionNotice(): void {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
}

/**
 * The live scanner and the AWS SDK behind it, loaded when a live scan runs: the SDK's clients take about
 * 350 ms to load, which a template scan or `--version` should not pay.
 */
export function loadLiveScanner(): typeof ScanLiveModule & Pick<typeof TargetsModule, 'defaultRegion'> {
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded on first use (see above) */
  const scanModule = require('../../scan/scan-live') as typeof ScanLiveModule;
  const { defaultRegion } = require('../../sources/live/targets') as typeof TargetsModule;
  /* eslint-enable @typescript-eslint/no-require-imports */
  return { ...scanModule, defaultRegion };
}
