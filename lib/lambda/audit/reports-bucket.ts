import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { LexguardError } from '../../../scanner/errors';
import { requireEnv } from './environment';

/**
 * The reports bucket as the handlers use it: JSON and report files in and out, every object written
 * encrypted with the reports key (SSE-KMS), whatever the bucket's default.
 */
export class ReportsBucket {
  constructor(
    readonly client: S3Client,
    readonly name: string,
    readonly kmsKeyId: string,
  ) {}

  /** The bucket and key the stack configured. An endpoint override (an emulator) addresses buckets by path. */
  static fromEnv(env: NodeJS.ProcessEnv = process.env): ReportsBucket {
    const pathStyle = Boolean(env.AWS_ENDPOINT_URL_S3 ?? env.AWS_ENDPOINT_URL);
    return new ReportsBucket(
      new S3Client({ forcePathStyle: pathStyle }),
      requireEnv('bucket', env),
      requireEnv('reportsKey', env),
    );
  }

  /** `s3://bucket/prefix`, the history location lexguard's stores understand. */
  location(prefix: string): string {
    return `s3://${this.name}/${prefix}`;
  }

  async putJson(key: string, value: unknown): Promise<void> {
    await this.put(key, JSON.stringify(value), 'application/json');
  }

  async put(key: string, body: string, contentType: string): Promise<void> {
    try {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.name,
          Key: key,
          Body: body,
          ContentType: contentType,
          ServerSideEncryption: 'aws:kms',
          SSEKMSKeyId: this.kmsKeyId,
        }),
      );
    } catch (thrown) {
      throw this.failure(`write s3://${this.name}/${key}`, thrown);
    }
  }

  /** The object's JSON, or undefined when there is no such object (a step that did not finish). */
  async getJson<T>(key: string): Promise<T | undefined> {
    let text: string;
    try {
      const answer = await this.client.send(new GetObjectCommand({ Bucket: this.name, Key: key }));
      text = (await answer.Body?.transformToString('utf8')) ?? '';
    } catch (thrown) {
      // Without s3:ListBucket S3 says AccessDenied for a missing key; the functions are granted it, so
      // NoSuchKey is the only "not there" answer, and anything else is a failure.
      if (thrown instanceof Error && thrown.name === 'NoSuchKey') return undefined;
      throw this.failure(`read s3://${this.name}/${key}`, thrown);
    }
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new LexguardError('INPUT_MALFORMED', `s3://${this.name}/${key} is not JSON`);
    }
  }

  private failure(what: string, thrown: unknown): LexguardError {
    const name = thrown instanceof Error ? thrown.name : 'Error';
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    return new LexguardError('AWS_UNAVAILABLE', `cannot ${what}: ${name}: ${message}`, { cause: thrown });
  }
}
