import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { LexguardError } from '../errors';
import type { HistoryStore } from './history-store';
import { LocalHistoryStore } from './local-history-store';
import { S3HistoryStore } from './s3-history-store';

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
  return new S3HistoryStore({
    client: new S3Client(options.s3 ?? {}),
    bucket: match[1],
    prefix: match[2] ?? '',
    ...(options.kmsKeyId ? { kmsKeyId: options.kmsKeyId } : {}),
  });
}
