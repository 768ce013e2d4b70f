import type { Account } from './account';
import type { BackupPlan, BackupSelection, BackupVault } from './backup';
import type { CloudTrailTrail } from './cloudtrail';
import type { IamGroup, IamManagedPolicy, IamRole, IamUser } from './iam';
import type { KmsKey } from './kms';
import type { CloudWatchAlarm, CloudWatchMetricFilter, LogsLogGroup, SnsTopic } from './monitoring';
import type { RuleConfig } from './rule-config';
import type { S3Bucket } from './s3';

/** Which reader produced the model; rules that need live state answer NOT_APPLICABLE on templates. */
export type SourceKind = 'template' | 'live';

export interface ScanContext {
  source_kind: SourceKind;
  /** When the model was read (ISO 8601); ages in days are computed against it. */
  scanned_at: string;
  /**
   * For a template with conditions that could not be decided, which assumption this model was built
   * under, e.g. `IsProd=true`; absent when every condition was decided.
   */
  scenario?: string;
}

/** A practice no API can show (training, restore tests), as attested by a named person. */
export interface Attestation {
  owner: string;
  /** When it was attested (ISO 8601 date). */
  date: string;
  evidence: string;
  /** When the attestation lapses (ISO 8601 date). */
  expires: string;
  /** Days until it lapses against the scan time; negative once it has lapsed. */
  days_until_expiry: number;
}

/**
 * The normalised model: one JSON document, the same shape whether it was read from a CloudFormation
 * template, a CDK cloud assembly or live AWS accounts. It is the `input` of every rule. Each collection
 * maps model ids to resources; the normaliser has already joined what belongs together (see `Link`).
 */
export interface Model {
  schema_version: 1;
  scan: ScanContext;
  config: RuleConfig;
  accounts: Record<string, Account>;
  s3_buckets: Record<string, S3Bucket>;
  kms_keys: Record<string, KmsKey>;
  cloudtrail_trails: Record<string, CloudTrailTrail>;
  iam_users: Record<string, IamUser>;
  iam_groups: Record<string, IamGroup>;
  iam_roles: Record<string, IamRole>;
  iam_managed_policies: Record<string, IamManagedPolicy>;
  backup_vaults: Record<string, BackupVault>;
  backup_plans: Record<string, BackupPlan>;
  backup_selections: Record<string, BackupSelection>;
  cloudwatch_metric_filters: Record<string, CloudWatchMetricFilter>;
  cloudwatch_alarms: Record<string, CloudWatchAlarm>;
  sns_topics: Record<string, SnsTopic>;
  logs_log_groups: Record<string, LogsLogGroup>;
  /** Attested controls by control id (e.g. `CP-15.training`). */
  attestations: Record<string, Attestation>;
}

/** The collections of a model that hold resources, by name. */
export type ResourceCollection = Exclude<keyof Model, 'schema_version' | 'scan' | 'config' | 'attestations'>;
