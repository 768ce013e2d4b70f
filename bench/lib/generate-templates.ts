/**
 * Templates shaped like the document store, for the benchmark: per ten resources three buckets (SSE-KMS
 * with a key of the template, CDK-style construct paths), their three bucket policies (TLS-only, ARNs
 * built with Fn::Join), two keys, an SNS topic and an IAM role. JSON is written as CDK writes it; YAML
 * with CloudFormation's short forms.
 */
type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

function unit(i: number): Record<string, Json> {
  const resources: Record<string, Json> = {};
  for (let k = 0; k < 2; k++) {
    resources[`Key${i}x${k}`] = {
      Type: 'AWS::KMS::Key',
      Properties: {
        EnableKeyRotation: k === 0,
        KeyPolicy: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: {
                AWS: {
                  'Fn::Join': [
                    '',
                    ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, ':root'],
                  ],
                },
              },
              Action: 'kms:*',
              Resource: '*',
            },
          ],
        },
      },
      Metadata: { 'aws:cdk:path': `Store/Key${i}x${k}/Resource` },
    };
  }
  for (let b = 0; b < 3; b++) {
    const bucket = `Bucket${i}x${b}`;
    resources[bucket] = {
      Type: 'AWS::S3::Bucket',
      Properties: {
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [
            {
              BucketKeyEnabled: true,
              ServerSideEncryptionByDefault: {
                SSEAlgorithm: 'aws:kms',
                KMSMasterKeyID: { 'Fn::GetAtt': [`Key${i}x${b % 2}`, 'Arn'] },
              },
            },
          ],
        },
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        VersioningConfiguration: { Status: 'Enabled' },
        Tags: [
          { Key: 'data-classification', Value: 'confidential' },
          { Key: 'owner', Value: 'records' },
        ],
      },
      Metadata: { 'aws:cdk:path': `Store/${bucket}/Resource` },
    };
    resources[`${bucket}Policy`] = {
      Type: 'AWS::S3::BucketPolicy',
      Properties: {
        Bucket: { Ref: bucket },
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Deny',
              Principal: { AWS: '*' },
              Action: 's3:*',
              Resource: [
                { 'Fn::GetAtt': [bucket, 'Arn'] },
                { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucket, 'Arn'] }, '/*']] },
              ],
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            },
          ],
        },
      },
      Metadata: { 'aws:cdk:path': `Store/${bucket}/Policy/Resource` },
    };
  }
  resources[`Alarms${i}`] = {
    Type: 'AWS::SNS::Topic',
    Properties: { KmsMasterKeyId: { Ref: `Key${i}x0` } },
    Metadata: { 'aws:cdk:path': `Store/Alarms${i}/Resource` },
  };
  resources[`Reader${i}`] = {
    Type: 'AWS::IAM::Role',
    Properties: {
      AssumeRolePolicyDocument: {
        Statement: [
          { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
        ],
      },
    },
    Metadata: { 'aws:cdk:path': `Store/Reader${i}/Resource` },
  };
  return resources;
}

export function generateTemplate(resources: number): Record<string, Json> {
  const all: Record<string, Json> = {};
  for (let i = 0; i < resources / 10; i++) Object.assign(all, unit(i));
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `Benchmark: ${resources} resources`,
    Resources: all,
  };
}

export function toJson(template: Record<string, Json>): string {
  return `${JSON.stringify(template, null, 1)}\n`;
}

const SHORT_FORMS: Record<string, string> = { Ref: '!Ref', 'Fn::GetAtt': '!GetAtt', 'Fn::Join': '!Join' };

/** YAML in the block style people write, with intrinsics in their short forms. */
export function toYaml(template: Record<string, Json>): string {
  const lines: string[] = [];
  const scalar = (value: Json): string =>
    typeof value === 'string' && !/^[A-Za-z0-9][\w./-]*$/.test(value) ? JSON.stringify(value) : String(value);
  const flow = (value: Json): string => {
    if (Array.isArray(value)) return `[${value.map(flow).join(', ')}]`;
    if (value !== null && typeof value === 'object') {
      const [name, argument] = Object.entries(value)[0];
      if (name in SHORT_FORMS && Object.keys(value).length === 1)
        return `${SHORT_FORMS[name]} ${flow(argument)}`;
      return `{${Object.entries(value)
        .map(([k, v]) => `${k}: ${flow(v)}`)
        .join(', ')}}`;
    }
    return scalar(value);
  };
  const block = (value: Json, indent: string): void => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, item] of Object.entries(value)) {
        const short =
          item !== null &&
          typeof item === 'object' &&
          !Array.isArray(item) &&
          Object.keys(item).some((k) => k in SHORT_FORMS);
        if (
          item !== null &&
          typeof item === 'object' &&
          !short &&
          (Array.isArray(item) ? item.length > 0 : true)
        ) {
          lines.push(`${indent}${key}:`);
          block(item, `${indent}  `);
        } else lines.push(`${indent}${key}: ${flow(item)}`);
      }
    } else if (Array.isArray(value)) {
      for (const item of value) {
        if (
          item !== null &&
          typeof item === 'object' &&
          !Array.isArray(item) &&
          !Object.keys(item).some((k) => k in SHORT_FORMS)
        ) {
          const start = lines.length;
          block(item, `${indent}  `);
          lines[start] = `${indent}- ${lines[start].slice(indent.length + 2)}`;
        } else lines.push(`${indent}- ${flow(item)}`);
      }
    }
  };
  block(template, '');
  return `${lines.join('\n')}\n`;
}
