import { modelOf, templateModel } from '../../../_helpers/template-model';

const bucket = (properties: string): string =>
  `Resources:\n  Docs:\n    Type: AWS::S3::Bucket\n    Properties:\n${properties
    .split('\n')
    .map((line) => `      ${line}`)
    .join('\n')}\n`;

describe('the AWS::S3::Bucket adapter', () => {
  it('applies the defaults S3 gives a new bucket when the template says nothing', () => {
    const docs = modelOf('Resources:\n  Docs:\n    Type: AWS::S3::Bucket\n').s3_buckets['T/Docs'];
    expect(docs.encryption.algorithm).toMatchObject({ state: 'default', value: 'AES256' });
    expect(docs.encryption.kms_key.ref).toMatchObject({ state: 'default', value: null });
    expect(docs.public_access_block.block_public_acls).toMatchObject({ state: 'default', value: true });
    expect(docs.ownership).toMatchObject({ state: 'default', value: 'BucketOwnerEnforced' });
    expect(docs.versioning.status).toMatchObject({ state: 'default', value: 'Disabled' });
    expect(docs.policy).toMatchObject({ state: 'default', value: null });
    expect(docs.name).toMatchObject({ state: 'unknown' });
  });

  it('turns off the Block Public Access flags a configuration leaves out', () => {
    const docs = modelOf(bucket('PublicAccessBlockConfiguration:\n  BlockPublicAcls: true')).s3_buckets[
      'T/Docs'
    ];
    expect(docs.public_access_block.block_public_acls).toMatchObject({ state: 'explicit', value: true });
    expect(docs.public_access_block.restrict_public_buckets).toMatchObject({
      state: 'default',
      value: false,
    });
  });

  it('reads SSE-KMS with its key, and links the key in the template', () => {
    const { model } = templateModel(
      `${bucket(
        'BucketEncryption:\n  ServerSideEncryptionConfiguration:\n    - ServerSideEncryptionByDefault:\n        SSEAlgorithm: aws:kms\n        KMSMasterKeyID: !GetAtt Key.Arn\n      BucketKeyEnabled: "true"',
      )}  Key:\n    Type: AWS::KMS::Key\n`,
    );
    const docs = model.s3_buckets['T/Docs'];
    expect(docs.encryption.algorithm).toMatchObject({ state: 'explicit', value: 'aws:kms' });
    expect(docs.encryption.bucket_key).toMatchObject({ state: 'explicit', value: true });
    expect(docs.encryption.kms_key).toMatchObject({
      ref: { value: '{{lexguard:Key.Arn}}' },
      target: 'T/Key',
    });
    expect(model.kms_keys['T/Key'].used_by.documents).toEqual(['T/Docs']);
  });

  it('records the property path of each explicit leaf', () => {
    const docs = modelOf(bucket('VersioningConfiguration:\n  Status: Enabled')).s3_buckets['T/Docs'];
    expect(docs.versioning.status.at).toEqual({ path: 'Properties.VersioningConfiguration.Status' });
  });

  it.each([
    [
      'a value of the wrong type',
      'ObjectLockEnabled: maybe',
      /ObjectLockEnabled is "maybe", not true or false/,
    ],
    ['an imported value', 'ObjectLockEnabled: !ImportValue Lock', /Fn::ImportValue Lock/],
  ])('makes %s unknown, with the reason', (_name, properties, reason) => {
    const lock = modelOf(bucket(properties)).s3_buckets['T/Docs'].object_lock.enabled;
    expect(lock.state).toBe('unknown');
    expect(lock.state === 'unknown' && lock.reason).toMatch(reason);
  });

  it('turns canned ACLs into grants', () => {
    const docs = modelOf(bucket('AccessControl: PublicRead')).s3_buckets['T/Docs'];
    expect(docs.acl).toMatchObject({
      state: 'explicit',
      value: [
        {
          grantee_type: 'Group',
          grantee: 'http://acs.amazonaws.com/groups/global/AllUsers',
          permission: 'READ',
        },
      ],
    });
  });

  it('reads Object Lock retention in years as days', () => {
    const docs = modelOf(
      bucket(
        'ObjectLockEnabled: true\nObjectLockConfiguration:\n  ObjectLockEnabled: Enabled\n  Rule:\n    DefaultRetention:\n      Mode: COMPLIANCE\n      Years: 7',
      ),
    ).s3_buckets['T/Docs'];
    expect(docs.object_lock.default_retention).toMatchObject({
      state: 'explicit',
      value: { mode: 'COMPLIANCE', days: 2555 },
    });
  });

  it('skips a resource whose condition is false', () => {
    const model = modelOf(
      'Conditions:\n  Never: !Equals [a, b]\nResources:\n  Docs:\n    Type: AWS::S3::Bucket\n    Condition: Never\n',
    );
    expect(model.s3_buckets).toEqual({});
  });
});

describe('the AWS::S3::BucketPolicy adapter', () => {
  it('attaches the policy to the bucket it names by Ref, pointing at the policy resource', () => {
    const { model, diagnostics } = templateModel(
      'Resources:\n  Policy:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref Docs\n      PolicyDocument:\n        Statement:\n          - Effect: Deny\n            Principal: "*"\n            Action: s3:*\n  Docs:\n    Type: AWS::S3::Bucket\n',
    );
    const policy = model.s3_buckets['T/Docs'].policy;
    expect(policy).toMatchObject({
      state: 'explicit',
      at: { path: 'Properties.PolicyDocument', logical_id: 'Policy' },
    });
    expect(policy.state !== 'unknown' && policy.value?.statements[0].effect).toBe('Deny');
    expect(diagnostics).toEqual([]);
  });

  it('attaches by bucket name too', () => {
    const model = modelOf(
      'Resources:\n  Docs:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: docs\n  Policy:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: docs\n      PolicyDocument: { Statement: [] }\n',
    );
    expect(model.s3_buckets['T/Docs'].policy).toMatchObject({ state: 'explicit', value: { statements: [] } });
  });

  it('reports a policy for a bucket outside the template', () => {
    const { diagnostics } = templateModel(
      'Resources:\n  Policy:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: elsewhere\n      PolicyDocument: { Statement: [] }\n',
    );
    expect(diagnostics).toEqual([
      expect.objectContaining({
        message: 'the bucket policy is for bucket elsewhere, which is not in the template',
        logicalId: 'Policy',
      }),
    ]);
  });
});

describe('template models', () => {
  it('count resource types no adapter reads, so gaps in coverage are visible', () => {
    const { notModelled } = templateModel(
      'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n  R:\n    Type: AWS::SQS::Queue\n',
    );
    expect(notModelled).toEqual({ 'AWS::SQS::Queue': 2 });
  });

  it('keep the CDK construct path of each resource', () => {
    const model = modelOf(
      'Resources:\n  Docs:\n    Type: AWS::S3::Bucket\n    Metadata:\n      aws:cdk:path: Store/Docs/Resource\n',
    );
    expect(model.s3_buckets['T/Docs'].source).toMatchObject({
      construct_path: 'Store/Docs/Resource',
      logical_id: 'Docs',
    });
  });
});
