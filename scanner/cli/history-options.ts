import type { Command } from 'commander';
import type { ScanReport } from '../findings/scan-report';
import type { HistoryStore } from '../history/history-store';
import { DEFAULT_HISTORY_DIR, openHistoryStore } from '../history/open-history-store';
import { recordScan, type RecordedScan } from '../history/record-scan';
import type { CliContext } from './context';

export interface HistoryOptions {
  history?: string;
  kmsKeyId?: string;
}

/** `--history` and `--kms-key-id`, shared by the scan commands and `lexguard report`. */
export function addHistoryOptions(command: Command, defaultLocation?: string): Command {
  return command
    .option(
      '--history <location>',
      `scan history: a folder, or s3://bucket/prefix${defaultLocation ? '' : ' (the scan is stored there)'}`,
      defaultLocation,
    )
    .option('--kms-key-id <key>', 'KMS key that encrypts records in an S3 history (SSE-KMS)');
}

/**
 * Opens the history the options name. An S3 history reaches the endpoint in AWS_ENDPOINT_URL_S3 when it
 * is set (an emulator or a VPC endpoint), addressing buckets by path as such endpoints expect.
 */
export function historyStoreFor(options: HistoryOptions): HistoryStore {
  return openHistoryStore(options.history ?? DEFAULT_HISTORY_DIR, {
    ...(options.kmsKeyId ? { kmsKeyId: options.kmsKeyId } : {}),
    s3: process.env.AWS_ENDPOINT_URL_S3 ? { forcePathStyle: true } : {},
  });
}

/** Stores the scan when `--history` was given, and says where on standard error. */
export async function storeScanIfAsked(
  report: ScanReport,
  options: HistoryOptions,
  context: CliContext,
): Promise<RecordedScan | undefined> {
  if (!options.history) return undefined;
  const store = historyStoreFor(options);
  const recorded = await recordScan(store, report);
  context.sink.stderr(
    `lexguard: scan ${recorded.outcome === 'stored' ? 'stored' : 'already stored'} in ${store.location} as ${recorded.ref.id}\n`,
  );
  return recorded;
}
