import type { S3ClientConfig } from '@aws-sdk/client-s3';
import type * as S3Sdk from '@aws-sdk/client-s3';
import { LexguardError } from '../errors';
import type { HistoryStore } from './history-store';
import { LocalHistoryStore } from './local-history-store';
import type * as S3Store from './s3-history-store';

export interface OpenHistoryOptions {
  /** SSE-KMS key for an S3 history. */
  kmsKeyId?: string;
  /** S3 client settings (region, endpoint, credentials); the SDK's defaults otherwise. */
  s3?: S3ClientConfig;
}

/** The default history folder, relative to the working directory. */
export const DEFAULT_HISTORY_DIR = '.lexguard/history';

/** Opens the history at `location`: `s3://bucket/prefix`, or a local folder. */
export function openHistoryStore(location: string, options: OpenHistoryOptions = {}): HistoryStore {
  if (!location.startsWith('s3://')) return new LocalHistoryStore(location);
  const match = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*?))?\/?$/.exec(location);
  if (!match) {
    throw new LexguardError('USAGE', `"${location}" is not an S3 location; expected s3://bucket/prefix`);
  }
  // The AWS SDK takes about 140 ms to load: only an S3 history pays for it, not every start of the CLI.
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded on first use (see above) */
  const { S3Client } = require('@aws-sdk/client-s3') as typeof S3Sdk;
  const { S3HistoryStore } = require('./s3-history-store') as typeof S3Store;
  /* eslint-enable @typescript-eslint/no-require-imports */
  return new S3HistoryStore({
    client: new S3Client(options.s3 ?? {}),
    bucket: match[1],
    prefix: match[2] ?? '',
    ...(options.kmsKeyId ? { kmsKeyId: options.kmsKeyId } : {}),
  });
}
