import type { ResourceCollection } from '../../../../scanner/model/model';
import { ReferenceIndex } from '../../../../scanner/normalise/link/reference-index';
import { withPlaceholders } from '../../../../scanner/normalise/template/property-reader';
import { TemplateResolver } from '../../../../scanner/sources/template/resolve/resolver';
import type { TemplateBody } from '../../../../scanner/sources/template/template-body';
import { cfn, modelOfResources, resource } from '../../../_helpers/template-model';

const PARTITION = cfn.ref('AWS::Partition');
const REGION = cfn.ref('AWS::Region');
const ACCOUNT = cfn.ref('AWS::AccountId');

const resources = {
  Docs: resource('AWS::S3::Bucket'),
  Named: resource('AWS::S3::Bucket', { BucketName: 'firm-docs' }),
  Key: resource('AWS::KMS::Key'),
  KeyAlias: resource('AWS::KMS::Alias', { AliasName: 'alias/documents', TargetKeyId: cfn.ref('Key') }),
  Audit: resource('AWS::Logs::LogGroup'),
  Vault: resource('AWS::Backup::BackupVault', { BackupVaultName: 'vault' }),
  Alarms: resource('AWS::SNS::Topic'),
  Role: resource('AWS::IAM::Role', { AssumeRolePolicyDocument: { Statement: [] } }),
  Reader: resource('AWS::IAM::ManagedPolicy', { PolicyDocument: { Statement: [] } }),
};

/** Resolves a template value as the adapters see it, then asks the index which resource it names. */
function resolveWith(pseudo: { region?: string; accountId?: string }) {
  const { model } = modelOfResources(resources, pseudo);
  const index = new ReferenceIndex(model, 'T');
  const resolver = new TemplateResolver({ Resources: resources } as TemplateBody, { pseudo });
  return (spelling: unknown, collection: ResourceCollection): string | undefined => {
    const value = withPlaceholders(resolver.resolve(spelling, ['Resources']));
    return typeof value === 'string' ? index.resolve(value, collection) : undefined;
  };
}

describe('the reference index', () => {
  const find = resolveWith({});

  it.each<[string, ResourceCollection, unknown, string]>([
    ['a bucket by Ref', 's3_buckets', cfn.ref('Docs'), 'T/Docs'],
    ['a bucket by Fn::GetAtt Arn', 's3_buckets', cfn.getAtt('Docs', 'Arn'), 'T/Docs'],
    [
      'a bucket ARN by Fn::Join',
      's3_buckets',
      cfn.join(['arn:', PARTITION, ':s3:::', cfn.ref('Docs')]),
      'T/Docs',
    ],
    ['a bucket ARN by Fn::Sub', 's3_buckets', cfn.sub('arn:${AWS::Partition}:s3:::${Docs}'), 'T/Docs'],
    ['a bucket by its name', 's3_buckets', 'firm-docs', 'T/Named'],
    ['a bucket by its literal ARN', 's3_buckets', 'arn:aws:s3:::firm-docs', 'T/Named'],
    ['a key by Ref (its id)', 'kms_keys', cfn.ref('Key'), 'T/Key'],
    ['a key by Fn::GetAtt Arn', 'kms_keys', cfn.getAtt('Key', 'Arn'), 'T/Key'],
    ['a key by Fn::GetAtt KeyId', 'kms_keys', cfn.getAtt('Key', 'KeyId'), 'T/Key'],
    [
      'a key ARN by Fn::Join with the unknown region and account',
      'kms_keys',
      cfn.join(['arn:', PARTITION, ':kms:', REGION, ':', ACCOUNT, ':key/', cfn.ref('Key')]),
      'T/Key',
    ],
    [
      'a key ARN by Fn::Sub',
      'kms_keys',
      cfn.sub('arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/${Key}'),
      'T/Key',
    ],
    ['a key by its alias name', 'kms_keys', 'alias/documents', 'T/Key'],
    [
      'a key by its alias ARN',
      'kms_keys',
      cfn.sub('arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:alias/documents'),
      'T/Key',
    ],
    ['a log group by Ref (its name)', 'logs_log_groups', cfn.ref('Audit'), 'T/Audit'],
    ['a log group by Fn::GetAtt Arn', 'logs_log_groups', cfn.getAtt('Audit', 'Arn'), 'T/Audit'],
    [
      'a log group ARN ending in :*',
      'logs_log_groups',
      cfn.sub('arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:${Audit}:*'),
      'T/Audit',
    ],
    [
      'a log group ARN without :*',
      'logs_log_groups',
      cfn.join(['arn:', PARTITION, ':logs:', REGION, ':', ACCOUNT, ':log-group:', cfn.ref('Audit')]),
      'T/Audit',
    ],
    ['a vault by Ref (its name)', 'backup_vaults', cfn.ref('Vault'), 'T/Vault'],
    [
      'a vault by Fn::GetAtt BackupVaultName',
      'backup_vaults',
      cfn.getAtt('Vault', 'BackupVaultName'),
      'T/Vault',
    ],
    [
      'a vault by Fn::GetAtt BackupVaultArn',
      'backup_vaults',
      cfn.getAtt('Vault', 'BackupVaultArn'),
      'T/Vault',
    ],
    ['a vault by its literal name', 'backup_vaults', 'vault', 'T/Vault'],
    [
      'a vault ARN by Fn::Sub',
      'backup_vaults',
      cfn.sub('arn:${AWS::Partition}:backup:${AWS::Region}:${AWS::AccountId}:backup-vault:${Vault}'),
      'T/Vault',
    ],
    ['a topic by Ref (its ARN)', 'sns_topics', cfn.ref('Alarms'), 'T/Alarms'],
    ['a topic by Fn::GetAtt TopicName', 'sns_topics', cfn.getAtt('Alarms', 'TopicName'), 'T/Alarms'],
    [
      'a topic ARN by Fn::Sub of its name',
      'sns_topics',
      cfn.sub('arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:${Alarms.TopicName}'),
      'T/Alarms',
    ],
    ['a role by Ref (its name)', 'iam_roles', cfn.ref('Role'), 'T/Role'],
    ['a role by Fn::GetAtt Arn', 'iam_roles', cfn.getAtt('Role', 'Arn'), 'T/Role'],
    [
      'a role ARN by Fn::Sub',
      'iam_roles',
      cfn.sub('arn:${AWS::Partition}:iam::${AWS::AccountId}:role/${Role}'),
      'T/Role',
    ],
    ['a managed policy by Ref (its ARN)', 'iam_managed_policies', cfn.ref('Reader'), 'T/Reader'],
  ])('finds %s', (_name, collection, spelling, expected) => {
    expect(find(spelling, collection)).toBe(expected);
  });

  it.each<[string, ResourceCollection, unknown]>([
    ['an attribute that is not the resource itself', 's3_buckets', cfn.getAtt('Docs', 'DomainName')],
    ['an ARN of the objects in a bucket', 's3_buckets', cfn.sub('arn:${AWS::Partition}:s3:::${Docs}/*')],
    ['a resource of another collection', 'kms_keys', cfn.ref('Docs')],
    ['an ARN of another service', 'logs_log_groups', cfn.sub('arn:aws:s3:::${Audit}')],
    ['a name no resource bears', 's3_buckets', 'elsewhere'],
    ['a name that is a property of every object', 's3_buckets', 'constructor'],
    ['an AWS managed key', 'kms_keys', 'alias/aws/s3'],
  ])('finds nothing for %s', (_name, collection, spelling) => {
    expect(find(spelling, collection)).toBeUndefined();
  });

  it('refuses a literal ARN of another region than the stack', () => {
    const inEuWest1 = resolveWith({ region: 'eu-west-1', accountId: '111122223333' });
    expect(inEuWest1('arn:aws:backup:eu-west-1:111122223333:backup-vault:vault', 'backup_vaults')).toBe(
      'T/Vault',
    );
    expect(
      inEuWest1('arn:aws:backup:us-east-1:111122223333:backup-vault:vault', 'backup_vaults'),
    ).toBeUndefined();
    expect(
      inEuWest1('arn:aws:backup:eu-west-1:999999999999:backup-vault:vault', 'backup_vaults'),
    ).toBeUndefined();
  });
});
