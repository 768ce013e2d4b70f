/**
 * Turns a template of `bench/lib/generate-templates.ts` (the generator the template benchmark uses: keys,
 * buckets, their policies, a topic and a role per ten resources) into the document store's mix with a
 * known answer: every SNS topic becomes, in turn, a CloudTrail trail or a Backup vault, and about half of
 * the resources each control judges are made to fail it. The settings that decide the five controls are
 * written here, whatever the base generator chose, so the ground truth holds by construction and stays
 * right if the base generator changes its shapes.
 *
 * Failures are unambiguous: a bucket without Block Public Access settings is left out on purpose (S3 has
 * blocked public access on new buckets by default since April 2023, so tools may rightly differ on it);
 * a failing bucket turns flags off explicitly.
 */
import type { generateTemplate } from '../lib/generate-templates';
import { CONTROLS, type Control } from './controls';

type Json = ReturnType<typeof generateTemplate>[string];
type JsonObject = { [key: string]: Json };
export type Template = Record<string, Json>;

/** Per control, the logical ids it judges and those that fail it. */
export interface TemplateTruth {
  resources: number;
  checked: Record<Control, string[]>;
  failing: Record<Control, string[]>;
  /** The bucket each bucket policy protects, for tools that report a policy's defect on the policy. */
  bucketOfPolicy: Record<string, string>;
}

/**
 * Running counts per kind, carried from template to template so the 500-file corpus is not 500 copies of
 * one file: the compliance pattern continues where the previous template left it.
 */
export interface MixCounters {
  buckets: number;
  keys: number;
  trails: number;
  topics: number;
}

export const newCounters = (): MixCounters => ({ buckets: 0, keys: 0, trails: 0, topics: 0 });

/**
 * Which bucket controls bucket n fails, repeating every eight buckets: each control fails on exactly four
 * of eight, every combination occurs, and the first three buckets fail one control each, so even a
 * ten-resource template has a failure of every bucket control.
 */
const BUCKET_PATTERN: ReadonlyArray<ReadonlyArray<Control>> = [
  ['s3-cmk-encryption'],
  ['s3-tls-only'],
  ['s3-public-access-block'],
  [],
  ['s3-cmk-encryption', 's3-tls-only', 's3-public-access-block'],
  ['s3-tls-only', 's3-public-access-block'],
  ['s3-cmk-encryption', 's3-public-access-block'],
  ['s3-cmk-encryption', 's3-tls-only'],
];

const isObject = (value: Json | undefined): value is JsonObject =>
  value !== null && value !== undefined && typeof value === 'object' && !Array.isArray(value);

const emptyControls = (): Record<Control, string[]> =>
  Object.fromEntries(CONTROLS.map((control) => [control, []])) as unknown as Record<Control, string[]>;

export function documentStoreMix(
  base: Template,
  counters: MixCounters,
): { template: Template; truth: TemplateTruth } {
  const input = base.Resources;
  if (!isObject(input)) throw new Error('the base generator made a template without Resources');
  const resources: JsonObject = {};
  const truth: TemplateTruth = {
    resources: 0,
    checked: emptyControls(),
    failing: emptyControls(),
    bucketOfPolicy: {},
  };
  const judge = (control: Control, id: string, fails: boolean): void => {
    truth.checked[control].push(id);
    if (fails) truth.failing[control].push(id);
  };
  /** Buckets meant to pass the TLS control: they pass only if a policy of theirs is written with the statement. */
  const tlsPlanned = new Map<string, boolean>();
  let lastKey: string | undefined;
  let lastBucket: string | undefined;

  for (const [id, resource] of Object.entries(input)) {
    if (!isObject(resource) || !isObject(resource.Properties)) {
      resources[id] = resource;
      continue;
    }
    const properties = resource.Properties;
    switch (resource.Type) {
      case 'AWS::KMS::Key': {
        const n = counters.keys++;
        const fails = n % 2 === 1;
        delete properties.KeySpec; // symmetric, so rotation applies
        if (!fails) properties.EnableKeyRotation = true;
        else if (n % 4 === 1) properties.EnableKeyRotation = false;
        else delete properties.EnableKeyRotation; // CloudFormation's default is off
        judge('kms-rotation', id, fails);
        lastKey = id;
        resources[id] = resource;
        break;
      }
      case 'AWS::S3::Bucket': {
        const n = counters.buckets++;
        const failsOn = BUCKET_PATTERN[n % BUCKET_PATTERN.length];
        const variant = Math.floor(n / BUCKET_PATTERN.length);
        setEncryption(properties, failsOn.includes('s3-cmk-encryption') ? variant % 3 : undefined, lastKey);
        setPublicAccessBlock(
          properties,
          failsOn.includes('s3-public-access-block') ? variant % 2 : undefined,
        );
        judge('s3-cmk-encryption', id, failsOn.includes('s3-cmk-encryption'));
        judge('s3-public-access-block', id, failsOn.includes('s3-public-access-block'));
        tlsPlanned.set(id, !failsOn.includes('s3-tls-only'));
        lastBucket = id;
        resources[id] = resource;
        break;
      }
      case 'AWS::SNS::Topic': {
        const n = counters.topics++;
        if (n % 2 === 0 && lastBucket !== undefined) {
          const t = counters.trails++;
          const trail = `Trail${t}`;
          const fails = t % 2 === 0;
          resources[trail] = cloudTrail(lastBucket, lastKey, fails, t);
          judge('cloudtrail-log-validation', trail, fails);
        } else {
          resources[`Vault${n}`] = backupVault(n, lastKey);
        }
        break;
      }
      default:
        resources[id] = resource;
    }
  }

  // Bucket policies are written once every bucket's plan is known; a bucket with no policy at all fails.
  const withTlsStatement = new Set<string>();
  let failingPolicies = 0;
  for (const [id, resource] of Object.entries(resources)) {
    if (!isObject(resource) || resource.Type !== 'AWS::S3::BucketPolicy' || !isObject(resource.Properties))
      continue;
    const bucketRef = resource.Properties.Bucket;
    const bucket = isObject(bucketRef) && typeof bucketRef.Ref === 'string' ? bucketRef.Ref : undefined;
    if (bucket === undefined || !tlsPlanned.has(bucket)) continue;
    truth.bucketOfPolicy[id] = bucket;
    const compliant = tlsPlanned.get(bucket) === true;
    const shape = compliant ? 'tls' : failingPolicies++ % 2 === 0 ? 'allow-only' : 'narrow-deny';
    resource.Properties.PolicyDocument = bucketPolicy(bucket, shape);
    if (compliant) withTlsStatement.add(bucket);
  }
  for (const bucket of tlsPlanned.keys()) judge('s3-tls-only', bucket, !withTlsStatement.has(bucket));

  truth.resources = Object.keys(resources).length;
  return { template: { ...base, Resources: resources }, truth };
}

/** `failVariant` undefined: SSE-KMS with a key of the template; 0 SSE-S3; 1 SSE-KMS with aws/s3; 2 none set. */
function setEncryption(
  properties: JsonObject,
  failVariant: number | undefined,
  key: string | undefined,
): void {
  if (failVariant === 2) {
    delete properties.BucketEncryption;
    return;
  }
  const byDefault: JsonObject =
    failVariant === 0
      ? { SSEAlgorithm: 'AES256' }
      : failVariant === 1 || key === undefined
        ? { SSEAlgorithm: 'aws:kms' }
        : { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: { 'Fn::GetAtt': [key, 'Arn'] } };
  properties.BucketEncryption = {
    ServerSideEncryptionConfiguration: [{ BucketKeyEnabled: true, ServerSideEncryptionByDefault: byDefault }],
  };
}

/** `failVariant` undefined: all four flags on; 0 all four off; 1 only RestrictPublicBuckets off. */
function setPublicAccessBlock(properties: JsonObject, failVariant: number | undefined): void {
  properties.PublicAccessBlockConfiguration = {
    BlockPublicAcls: failVariant !== 0,
    BlockPublicPolicy: failVariant !== 0,
    IgnorePublicAcls: failVariant !== 0,
    RestrictPublicBuckets: failVariant === undefined,
  };
}

const bucketArns = (bucket: string): Json => [
  { 'Fn::GetAtt': [bucket, 'Arn'] },
  { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucket, 'Arn'] }, '/*']] },
];

/**
 * `tls`: the statement CDK's `enforceSSL` writes. `allow-only`: a grant to the account and no deny.
 * `narrow-deny`: the TLS condition, but on s3:GetObject only, so other requests may still go in plain HTTP.
 */
function bucketPolicy(bucket: string, shape: 'tls' | 'allow-only' | 'narrow-deny'): Json {
  const account = {
    'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, ':root']],
  };
  const statement: JsonObject =
    shape === 'allow-only'
      ? { Effect: 'Allow', Principal: { AWS: account }, Action: 's3:GetObject', Resource: bucketArns(bucket) }
      : {
          Effect: 'Deny',
          Principal: { AWS: '*' },
          Action: shape === 'tls' ? 's3:*' : 's3:GetObject',
          Resource: bucketArns(bucket),
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        };
  return { Version: '2012-10-17', Statement: [statement] };
}

function cloudTrail(
  bucket: string,
  key: string | undefined,
  failsValidation: boolean,
  n: number,
): JsonObject {
  const properties: JsonObject = {
    S3BucketName: { Ref: bucket },
    IsLogging: true,
    IsMultiRegionTrail: true,
    IncludeGlobalServiceEvents: true,
    ...(key !== undefined ? { KMSKeyId: { 'Fn::GetAtt': [key, 'Arn'] } } : {}),
  };
  // Failing trails alternate between validation turned off and left out (CloudFormation's default is off).
  if (!failsValidation) properties.EnableLogFileValidation = true;
  else if (n % 4 === 0) properties.EnableLogFileValidation = false;
  return {
    Type: 'AWS::CloudTrail::Trail',
    Properties: properties,
    Metadata: { 'aws:cdk:path': `Store/Trail${n}/Resource` },
  };
}

function backupVault(n: number, key: string | undefined): JsonObject {
  return {
    Type: 'AWS::Backup::BackupVault',
    Properties: {
      BackupVaultName: `documents-vault-${n}`,
      ...(key !== undefined ? { EncryptionKeyArn: { 'Fn::GetAtt': [key, 'Arn'] } } : {}),
    },
    Metadata: { 'aws:cdk:path': `Store/Vault${n}/Resource` },
  };
}
