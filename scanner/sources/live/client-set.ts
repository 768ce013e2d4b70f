import { BackupClient } from '@aws-sdk/client-backup';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { EC2Client } from '@aws-sdk/client-ec2';
import { IAMClient } from '@aws-sdk/client-iam';
import { KMSClient } from '@aws-sdk/client-kms';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { S3Client } from '@aws-sdk/client-s3';
import { S3ControlClient } from '@aws-sdk/client-s3-control';
import { SNSClient } from '@aws-sdk/client-sns';
import { STSClient } from '@aws-sdk/client-sts';
import { AdaptiveRetryStrategy } from '@smithy/core/retry';
import type { AwsCredentialIdentity, StandardRetryBackoffStrategy } from '@smithy/types';
import { captureMiddleware } from './capture-middleware';
import type { InFlightClock } from './in-flight-clock';

export interface ClientSettings {
  /** HTTP attempts per call, the first included (the SDK's adaptive retry mode). */
  maxAttempts: number;
  /** Longest one HTTP attempt may wait for an answer (ms). */
  attemptTimeoutMs: number;
  /** Base of the exponential back-off between attempts (ms); the SDK's own when absent. */
  retryBaseDelayMs?: number;
}

/** Where a global service's calls go: IAM, Organizations and S3's bucket listing answer from us-east-1. */
export const GLOBAL_REGION = 'us-east-1';

type ClientConfig = {
  region: string;
  credentials?: AwsCredentialIdentity;
  maxAttempts: number;
  retryStrategy: AdaptiveRetryStrategy;
  requestHandler: { requestTimeout: number; connectionTimeout: number; throwOnRequestTimeout: boolean };
};

interface Instrumentable {
  middlewareStack: { add(middleware: ReturnType<typeof captureMiddleware>, options: object): void };
  destroy(): void;
}

/**
 * The SDK clients of one account, one per service and region, made on first use. Credentials, endpoints
 * and profiles come from the standard AWS configuration (environment, shared files, SSO, `AWS_ENDPOINT_URL`
 * and its service-specific forms) unless the account was reached by assuming a role. Every client uses the
 * adaptive retry mode, a per-attempt timeout, and the capture middleware that records evidence.
 */
export class ClientSet {
  private readonly clients = new Map<string, Instrumentable>();

  constructor(
    private readonly settings: ClientSettings,
    private readonly clock: InFlightClock,
    private readonly credentials?: AwsCredentialIdentity,
  ) {}

  /** The same settings with other credentials: the clients of an account reached by assuming a role. */
  withCredentials(credentials: AwsCredentialIdentity): ClientSet {
    return new ClientSet(this.settings, this.clock, credentials);
  }

  s3(region = GLOBAL_REGION): S3Client {
    return this.make('s3', region, (config) => new S3Client({ ...config, followRegionRedirects: true }));
  }
  s3control(): S3ControlClient {
    return this.make('s3control', GLOBAL_REGION, (config) => new S3ControlClient(config));
  }
  kms(region: string): KMSClient {
    return this.make('kms', region, (config) => new KMSClient(config));
  }
  iam(): IAMClient {
    return this.make('iam', GLOBAL_REGION, (config) => new IAMClient(config));
  }
  cloudtrail(region: string): CloudTrailClient {
    return this.make('cloudtrail', region, (config) => new CloudTrailClient(config));
  }
  backup(region: string): BackupClient {
    return this.make('backup', region, (config) => new BackupClient(config));
  }
  logs(region: string): CloudWatchLogsClient {
    return this.make('logs', region, (config) => new CloudWatchLogsClient(config));
  }
  cloudwatch(region: string): CloudWatchClient {
    return this.make('cloudwatch', region, (config) => new CloudWatchClient(config));
  }
  sns(region: string): SNSClient {
    return this.make('sns', region, (config) => new SNSClient(config));
  }
  sts(region = GLOBAL_REGION): STSClient {
    return this.make('sts', region, (config) => new STSClient(config));
  }
  ec2(region: string): EC2Client {
    return this.make('ec2', region, (config) => new EC2Client(config));
  }
  organizations(): OrganizationsClient {
    return this.make('organizations', GLOBAL_REGION, (config) => new OrganizationsClient(config));
  }
  cloudformation(region: string): CloudFormationClient {
    return this.make('cloudformation', region, (config) => new CloudFormationClient(config));
  }

  /** Closes every client's connections. */
  destroy(): void {
    for (const client of this.clients.values()) client.destroy();
    this.clients.clear();
  }

  private make<C extends Instrumentable>(
    service: string,
    region: string,
    create: (config: ClientConfig) => C,
  ): C {
    const key = `${service}/${region}`;
    const existing = this.clients.get(key);
    if (existing) return existing as C;
    const client = create({
      region,
      ...(this.credentials ? { credentials: this.credentials } : {}),
      maxAttempts: this.settings.maxAttempts,
      retryStrategy: new AdaptiveRetryStrategy(
        this.settings.maxAttempts,
        this.settings.retryBaseDelayMs === undefined
          ? undefined
          : { backoff: fixedBackoff(this.settings.retryBaseDelayMs) },
      ),
      requestHandler: {
        requestTimeout: this.settings.attemptTimeoutMs,
        connectionTimeout: this.settings.attemptTimeoutMs,
        // Without it the handler only warns and keeps waiting: a stalled attempt must fail and be retried.
        throwOnRequestTimeout: true,
      },
    });
    client.middlewareStack.add(captureMiddleware(this.clock), {
      step: 'deserialize',
      priority: 'low',
      name: 'lexguardCapture',
    });
    this.clients.set(key, client);
    return client;
  }
}

/** Exponential back-off from a chosen base, for callers that cannot wait the SDK's seconds (tests). */
function fixedBackoff(baseMs: number): StandardRetryBackoffStrategy {
  return {
    computeNextBackoffDelay: (attempts: number) => baseMs * 2 ** attempts,
    setDelayBase: () => undefined,
  } as StandardRetryBackoffStrategy;
}
