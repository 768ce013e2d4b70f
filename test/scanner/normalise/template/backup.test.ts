import type { BackupRule } from '../../../../scanner/model/backup';
import { valueOf } from '../../../../scanner/normalise/leaves';
import { DEFAULT_BACKUP_SCHEDULE } from '../../../../scanner/normalise/template/adapters/backup-plan';
import { cfn, modelOfResources, resource } from '../../../_helpers/template-model';

describe('the AWS::Backup::BackupVault adapter', () => {
  it.each<[string, Record<string, unknown>, unknown, unknown]>([
    [
      'no key and no lock',
      {},
      { ref: expect.objectContaining({ state: 'default', value: null }) },
      { state: 'default', value: null },
    ],
    [
      'a key of the template and a compliance-mode lock',
      {
        EncryptionKeyArn: cfn.getAtt('Key', 'Arn'),
        LockConfiguration: { MinRetentionDays: 30, MaxRetentionDays: 3650, ChangeableForDays: 3 },
      },
      { ref: expect.objectContaining({ value: '{{lexguard:Key.Arn}}' }), target: 'T/Key' },
      {
        state: 'explicit',
        value: { min_retention_days: 30, max_retention_days: 3650, changeable_for_days: 3 },
      },
    ],
    [
      'a governance-mode lock',
      { LockConfiguration: { MinRetentionDays: 7 } },
      expect.anything(),
      {
        state: 'explicit',
        value: { min_retention_days: 7, max_retention_days: null, changeable_for_days: null },
      },
    ],
    [
      'a lock that cannot be read',
      { LockConfiguration: { MinRetentionDays: cfn.importValue('Days') } },
      expect.anything(),
      { state: 'unknown', reason: expect.stringMatching(/Fn::ImportValue Days/) },
    ],
  ])('reads a vault with %s', (_name, properties, key, lock) => {
    const { model } = modelOfResources({
      Key: resource('AWS::KMS::Key'),
      Vault: resource('AWS::Backup::BackupVault', {
        BackupVaultName: 'docs',
        BackupVaultTags: { owner: 'records' },
        ...properties,
      }),
    });
    const vault = model.backup_vaults['T/Vault'];
    expect(vault.kms_key).toEqual(key);
    expect(vault.lock).toMatchObject(lock as object);
    expect(vault.tags).toMatchObject({ state: 'explicit', value: { owner: 'records' } });
    expect(vault.name).toMatchObject({ state: 'explicit', value: 'docs' });
  });
});

describe('the AWS::Backup::BackupPlan adapter', () => {
  const planOf = (rule: Record<string, unknown>, pseudo: { region?: string } = {}): BackupRule => {
    const { model } = modelOfResources(
      {
        Vault: resource('AWS::Backup::BackupVault', { BackupVaultName: 'docs' }),
        Plan: resource('AWS::Backup::BackupPlan', {
          BackupPlan: { BackupPlanName: 'daily', BackupPlanRule: [{ RuleName: 'daily', ...rule }] },
        }),
      },
      pseudo,
    );
    expect(model.backup_plans['T/Plan'].name).toMatchObject({ value: 'daily' });
    return (valueOf(model.backup_plans['T/Plan'].rules) ?? [])[0];
  };

  it('applies AWS Backup’s defaults: the 05:00 UTC schedule, recovery points kept forever', () => {
    expect(planOf({ TargetBackupVault: 'docs' })).toEqual({
      name: 'daily',
      target_vault: 'docs',
      target_vault_target: 'T/Vault',
      schedule: DEFAULT_BACKUP_SCHEDULE,
      delete_after_days: null,
      copy_actions: [],
      unresolved: [],
    });
  });

  it.each<[string, unknown]>([
    ['Ref', cfn.ref('Vault')],
    ['Fn::GetAtt BackupVaultName', cfn.getAtt('Vault', 'BackupVaultName')],
    ['its name', 'docs'],
  ])('links the target vault written as %s', (_name, vault) => {
    expect(planOf({ TargetBackupVault: vault }).target_vault_target).toBe('T/Vault');
  });

  it.each<[string, unknown, { region?: string }, string | null]>([
    ['a literal ARN', 'arn:aws:backup:eu-central-1:111122223333:backup-vault:copy', {}, 'eu-central-1'],
    [
      'an ARN built with a region and the unknown account',
      cfn.sub('arn:${AWS::Partition}:backup:eu-central-1:${AWS::AccountId}:backup-vault:copy'),
      {},
      'eu-central-1',
    ],
    [
      'an ARN built with the stack’s region',
      cfn.sub('arn:${AWS::Partition}:backup:${AWS::Region}:${AWS::AccountId}:backup-vault:copy'),
      { region: 'eu-west-1' },
      'eu-west-1',
    ],
    [
      'an ARN built with the stack’s unknown region',
      cfn.sub('arn:${AWS::Partition}:backup:${AWS::Region}:${AWS::AccountId}:backup-vault:copy'),
      {},
      null,
    ],
    ['a vault of the template', cfn.getAtt('Vault', 'BackupVaultArn'), { region: 'eu-west-1' }, 'eu-west-1'],
  ])('reads the destination region of a copy to %s', (_name, arn, pseudo, region) => {
    const rule = planOf(
      {
        TargetBackupVault: 'docs',
        ScheduleExpression: 'cron(0 3 * * ? *)',
        Lifecycle: { DeleteAfterDays: 2555 },
        CopyActions: [{ DestinationBackupVaultArn: arn, Lifecycle: { DeleteAfterDays: 35 } }],
      },
      pseudo,
    );
    expect(rule).toMatchObject({
      schedule: 'cron(0 3 * * ? *)',
      delete_after_days: 2555,
      copy_actions: [{ destination_region: region, delete_after_days: 35 }],
      unresolved: [],
    });
  });

  it('lists the parts of a rule that cannot be resolved', () => {
    const rule = planOf({
      TargetBackupVault: cfn.importValue('Vault'),
      Lifecycle: { DeleteAfterDays: cfn.importValue('Days') },
      CopyActions: [{ DestinationBackupVaultArn: cfn.importValue('Copy') }],
    });
    expect(rule).toMatchObject({
      target_vault: null,
      copy_actions: [{ destination_vault_arn: null, destination_region: null }],
      unresolved: [
        'TargetBackupVault',
        'Lifecycle.DeleteAfterDays',
        'CopyActions[0].DestinationBackupVaultArn',
      ],
    });
  });
});

describe('the AWS::Backup::BackupSelection adapter', () => {
  it('reads the plan, resources, tags and conditions, in one spelling of keys and operators', () => {
    const { model } = modelOfResources({
      Plan: resource('AWS::Backup::BackupPlan', { BackupPlan: { BackupPlanName: 'p', BackupPlanRule: [] } }),
      Selection: resource('AWS::Backup::BackupSelection', {
        BackupPlanId: cfn.getAtt('Plan', 'BackupPlanId'),
        BackupSelection: {
          SelectionName: 'documents',
          IamRoleArn: 'arn:aws:iam::111122223333:role/backup',
          Resources: ['arn:aws:s3:::*'],
          NotResources: ['arn:aws:s3:::scratch'],
          ListOfTags: [{ ConditionType: 'STRINGEQUALS', ConditionKey: 'backup', ConditionValue: 'daily' }],
          Conditions: {
            StringLike: [{ ConditionKey: 'aws:ResourceTag/data-classification', ConditionValue: 'priv*' }],
          },
        },
      }),
    });
    expect(model.backup_selections['T/Selection']).toMatchObject({
      name: { value: 'documents' },
      plan: { target: 'T/Plan' },
      resources: { state: 'explicit', value: ['arn:aws:s3:::*'] },
      not_resources: { state: 'explicit', value: ['arn:aws:s3:::scratch'] },
      tag_conditions: {
        state: 'explicit',
        value: [{ key: 'backup', value: 'daily', operator: 'StringEquals' }],
      },
      conditions: {
        state: 'explicit',
        value: [{ key: 'data-classification', value: 'priv*', operator: 'StringLike' }],
      },
    });
  });

  it.each<[string, Record<string, unknown>, 'tag_conditions' | 'conditions' | 'resources', RegExp]>([
    ['an unknown operator', { Conditions: { StringMatches: [] } }, 'conditions', /StringMatches/],
    [
      'a ListOfTags type other than STRINGEQUALS',
      { ListOfTags: [{ ConditionType: 'X', ConditionKey: 'k', ConditionValue: 'v' }] },
      'tag_conditions',
      /STRINGEQUALS/,
    ],
    ['an imported resource', { Resources: [cfn.importValue('Arn')] }, 'resources', /Fn::ImportValue Arn/],
  ])('makes %s unknown, with the reason', (_name, selection, field, reason) => {
    const { model } = modelOfResources({
      Selection: resource('AWS::Backup::BackupSelection', {
        BackupPlanId: 'plan',
        BackupSelection: { SelectionName: 's', ...selection },
      }),
    });
    expect(model.backup_selections['T/Selection'][field]).toMatchObject({
      state: 'unknown',
      reason: expect.stringMatching(reason),
    });
  });
});
