import { Stack, type StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { acknowledgeNagRules } from '../aspects/nag-acknowledgements';
import { FIRM_ROLE_IDS, firmRoles } from '../config/firm-roles';
import type { SecurityControls } from '../config/security-controls';
import type { StoreConfig } from '../config/store-config';
import { AccountSettings } from '../constructs/account-settings';
import { FirmGroups } from '../constructs/firm-groups';
import { RequireMfaPolicy } from '../constructs/require-mfa-policy';
import { roleArn, storeNames } from './names';
import { storeKey } from './store-key';
import { StoreTags } from './store-tags';

export interface AccountBaselineStackProps extends StackProps {
  config: StoreConfig;
  controls: SecurityControls;
}

/**
 * What belongs to the account rather than to the store, deployed first: the password policy (CP-05) and
 * the account's S3 Block Public Access (CP-07), one
 * IAM group per firm role with the MFA-enforcing deny (CP-04, CP-05), and the role AWS Backup acts as,
 * which the backup keys in both regions name.
 */
export class AccountBaselineStack extends Stack {
  readonly backupRole: iam.Role;

  constructor(scope: Construct, id: string, props: AccountBaselineStackProps) {
    super(scope, id, props);
    const { config, controls } = props;
    const names = storeNames(config);
    const auditKey = storeKey(
      this,
      'AuditLogsKey',
      'audit-logs',
      "encrypts the account baseline's own logs",
      {
        ...props,
        aliasPrefix: `${config.firmId}/account`,
      },
    );
    const accountSettings = new AccountSettings(this, 'AccountSettings', {
      functionName: names.accountSettingsFunction,
      passwordPolicy: config.passwordPolicy,
      blockPublicAccess: controls.blockPublicAccess,
      logs: {
        key: controls.logGroupEncryption ? auditKey : undefined,
        retentionDays: config.retention.auditLogsDays,
      },
    });
    const storeTags = new StoreTags(config, controls);
    storeTags.apply(auditKey, 'internal');
    storeTags.apply(accountSettings, 'internal');
    const roles = firmRoles(config.breakGlassRoleName);
    new FirmGroups(this, 'Groups', {
      firmId: config.firmId,
      roles: FIRM_ROLE_IDS.map((roleId) => ({
        roleName: roles[roleId].roleName,
        roleArn: roleArn(this, names.rolePath, roles[roleId].roleName),
      })),
      ...(controls.mfaEnforced ? { requireMfaPolicy: new RequireMfaPolicy(this, 'RequireMfa').policy } : {}),
    });
    this.backupRole = new iam.Role(this, 'BackupRole', {
      roleName: names.backupRoleName,
      path: names.rolePath,
      description: 'The role AWS Backup acts as to back up, copy and restore client documents',
      assumedBy: new iam.ServicePrincipal('backup.amazonaws.com'),
      managedPolicies: BACKUP_SERVICE_POLICIES.map((name) =>
        iam.ManagedPolicy.fromAwsManagedPolicyName(`service-role/${name}`),
      ),
    });
    for (const name of BACKUP_SERVICE_POLICIES) {
      acknowledgeNagRules(
        this.backupRole,
        [`AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/${name}]`],
        'AWS Backup documents these AWS managed policies as the permissions its service role needs for S3 backup, copy and restore; AWS keeps them current as the service changes.',
      );
    }
  }
}

const BACKUP_SERVICE_POLICIES = [
  'AWSBackupServiceRolePolicyForBackup',
  'AWSBackupServiceRolePolicyForRestores',
  'AWSBackupServiceRolePolicyForS3Backup',
  'AWSBackupServiceRolePolicyForS3Restore',
];
