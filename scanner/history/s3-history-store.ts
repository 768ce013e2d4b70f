import { GetObjectCommand, paginateListObjectsV2, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { awsErrorSummary, LexguardError } from '../errors';
import { RECORD_SUFFIX, refOfName, type EncodedRecord, type RecordRef } from './history-record';
import { byScanOrder, type HistoryStore } from './history-store';

export interface S3HistoryOptions {
  client: S3Client;
  bucket: string;
  /** Key prefix of the history, without a trailing slash (`''` for the bucket's root). */
  prefix: string;
  /** The KMS key records are encrypted with (SSE-KMS); the bucket's default key when absent. */
  kmsKeyId?: string;
  /** Keys per listing page; S3's own maximum (1,000) when absent. */
  listPageSize?: number;
}

/**
 * History under an S3 prefix: `<prefix>/scans/<id>.json`, each record one PUT. S3 makes a PUT visible
 * whole or not at all; the request carries the SHA-256 of the body, so S3 refuses bytes damaged on the
 * way; `If-None-Match: *` keeps an existing record from being replaced. Every record is encrypted with
 * SSE-KMS.
 */
export class S3HistoryStore implements HistoryStore {
  readonly location: string;
  private readonly scansPrefix: string;

  constructor(private readonly options: S3HistoryOptions) {
    this.location = `s3://${options.bucket}${options.prefix ? `/${options.prefix}` : ''}`;
    this.scansPrefix = `${options.prefix ? `${options.prefix}/` : ''}scans/`;
  }

  async list(): Promise<RecordRef[]> {
    const refs: RecordRef[] = [];
    try {
      const pages = paginateListObjectsV2(
        {
          client: this.options.client,
          ...(this.options.listPageSize ? { pageSize: this.options.listPageSize } : {}),
        },
        { Bucket: this.options.bucket, Prefix: this.scansPrefix },
      );
      for await (const page of pages) {
        for (const object of page.Contents ?? []) {
          const ref = refOfName((object.Key ?? '').slice(this.scansPrefix.length));
          if (ref) refs.push(ref);
        }
      }
    } catch (thrown) {
      throw this.failure('list', thrown);
    }
    return refs.sort(byScanOrder);
  }

  async read(ref: RecordRef): Promise<Buffer> {
    try {
      const answer = await this.options.client.send(
        new GetObjectCommand({ Bucket: this.options.bucket, Key: this.keyOf(ref) }),
      );
      if (!answer.Body) throw new Error('the object has no body');
      return Buffer.from(await answer.Body.transformToByteArray());
    } catch (thrown) {
      throw this.failure(`read ${ref.id}`, thrown);
    }
  }

  async write(record: EncodedRecord): Promise<'stored' | 'already-stored'> {
    try {
      await this.options.client.send(
        new PutObjectCommand({
          Bucket: this.options.bucket,
          Key: this.keyOf(record.ref),
          Body: record.bytes,
          ContentType: 'application/json',
          ChecksumSHA256: record.sha256.toString('base64'),
          ServerSideEncryption: 'aws:kms',
          ...(this.options.kmsKeyId ? { SSEKMSKeyId: this.options.kmsKeyId } : {}),
          IfNoneMatch: '*',
        }),
      );
      return 'stored';
    } catch (thrown) {
      // Same id, same digest: the very same record is already there.
      if (errorName(thrown) === 'PreconditionFailed') return 'already-stored';
      throw this.failure(`write ${record.ref.id}`, thrown);
    }
  }

  private keyOf(ref: RecordRef): string {
    return `${this.scansPrefix}${ref.id}${RECORD_SUFFIX}`;
  }

  private failure(what: string, thrown: unknown): LexguardError {
    const name = errorName(thrown);
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    // An error S3 answered is named by its code only: its message can quote the signed request.
    const reason = awsErrorSummary(thrown) ?? `${name && name !== 'Error' ? `${name}: ` : ''}${message}`;
    return new LexguardError(
      'AWS_UNAVAILABLE',
      `cannot ${what} in the scan history ${this.location}: ${reason}`,
      {
        cause: thrown,
      },
    );
  }
}

function errorName(thrown: unknown): string | undefined {
  return thrown instanceof Error ? thrown.name : undefined;
}
