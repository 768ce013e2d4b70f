import { modelOf } from '../../../_helpers/template-model';

const KEY = '  Key:\n    Type: AWS::KMS::Key\n';
const encryptedBy =
  'BucketEncryption:\n        ServerSideEncryptionConfiguration:\n          - ServerSideEncryptionByDefault:\n              SSEAlgorithm: aws:kms\n              KMSMasterKeyID: !Ref Key';

describe('what each bucket holds, from what writes into it', () => {
  it('marks the target of another bucket’s access logging as an access-log bucket', () => {
    const model = modelOf(
      `Resources:\n${KEY}  Docs:\n    Type: AWS::S3::Bucket\n    Properties:\n      ${encryptedBy}\n      LoggingConfiguration:\n        DestinationBucketName: !Ref Logs\n  Logs:\n    Type: AWS::S3::Bucket\n    Properties:\n      ${encryptedBy}\n`,
    );
    expect(model.s3_buckets['T/Docs'].holds).toBe('documents');
    expect(model.s3_buckets['T/Logs'].holds).toBe('access_logs');
    // Key usage follows: the same key now encrypts documents and logs.
    expect(model.kms_keys['T/Key'].used_by).toMatchObject({ documents: ['T/Docs'], logs: ['T/Logs'] });
  });

  it('does not make a bucket that logs to itself a log bucket', () => {
    const model = modelOf(
      'Resources:\n  Docs:\n    Type: AWS::S3::Bucket\n    Properties:\n      LoggingConfiguration: {}\n',
    );
    expect(model.s3_buckets['T/Docs'].logging.target_bucket.target).toBe('T/Docs');
    expect(model.s3_buckets['T/Docs'].holds).toBe('documents');
  });
});
