import { Match, type Template } from 'aws-cdk-lib/assertions';
import { buildStore, type BuiltStore } from '../../_helpers/store-app';
import { arnOf, keyByAlias, resourcesOf, statementsOf } from '../../_helpers/template-queries';

let store: BuiltStore;
let template: Template;

beforeAll(() => {
  store = buildStore();
  template = store.template(store.stacks.offsite);
});

describe('OffsiteCopyStack', () => {
  it('lives in the second approved region of the same account', () => {
    expect(store.stacks.offsite.region).toBe('eu-central-1');
    expect(store.stacks.offsite.account).toBe('111122223333');
    expect(store.stacks.store.region).toBe('eu-west-1');
  });

  it('keeps the copies in a locked vault, encrypted with its own rotating backups key, named as the plan expects', () => {
    const key = keyByAlias(template, 'alias/example-llp/backups');
    template.hasResourceProperties('AWS::Backup::BackupVault', {
      BackupVaultName: 'example-llp-documents-offsite',
      EncryptionKeyArn: arnOf(key),
      LockConfiguration: { MinRetentionDays: 35, MaxRetentionDays: 2555 },
    });
    const keyResource = resourcesOf(template, 'AWS::KMS::Key')[key];
    expect(keyResource.Properties).toMatchObject({ EnableKeyRotation: true, PendingWindowInDays: 30 });
    expect(keyResource.DeletionPolicy).toBe('Retain');
  });

  it('refuses manual deletion of recovery points', () => {
    template.hasResourceProperties('AWS::Backup::BackupVault', {
      AccessPolicy: {
        Statement: [
          Match.objectLike({
            Effect: 'Deny',
            Action: Match.arrayWith(['backup:DeleteRecoveryPoint']),
          }),
        ],
      },
    });
  });

  it("names the backup role in the key's policy, so only AWS Backup can write copies with it", () => {
    const statements = statementsOf(
      resourcesOf(template, 'AWS::KMS::Key')[keyByAlias(template, 'alias/example-llp/backups')].Properties
        ?.KeyPolicy,
    );
    expect(statements.find((statement) => statement.Sid === 'BackupRoleUsesVaultKey')?.Principal).toEqual({
      AWS: 'arn:aws:iam::111122223333:role/example-llp/example-llp-backup',
    });
  });

  it('is deployed after the account baseline and before the store that copies into it', () => {
    expect(store.stacks.offsite.dependencies).toContain(store.stacks.baseline);
    expect(store.stacks.store.dependencies).toEqual(
      expect.arrayContaining([store.stacks.baseline, store.stacks.offsite]),
    );
  });
});
