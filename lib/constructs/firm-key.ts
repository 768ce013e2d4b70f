import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { rejectProps } from './reject-props';

/** What a key protects; each purpose has its own key (CP-03: keys separated by purpose). */
export type KeyPurpose = 'documents' | 'audit-logs' | 'backups' | 'alerts';

/** The scheduled audit scan's own purpose: its reports and scan history. */
export type AuditKeyPurpose = 'reports';

/** How much of a key a principal may use: read what is encrypted, or also encrypt new data. */
export type KeyAccess = 'decrypt' | 'encrypt-decrypt';

export interface FirmKeyProps {
  purpose: KeyPurpose | AuditKeyPurpose;
  /** The key's alias is `alias/<aliasPrefix>/<purpose>`, e.g. `alias/example-llp/documents`. */
  aliasPrefix: string;
  description: string;
  /** CP-03: rotate the key material every year. */
  rotation: boolean;
  /** CP-03: days KMS waits before deleting the key once deletion is scheduled (7 to 30). */
  deletionWindowDays: number;
}

const ACTIONS: Record<KeyAccess, string[]> = {
  decrypt: ['kms:Decrypt', 'kms:DescribeKey'],
  'encrypt-decrypt': [
    'kms:Decrypt',
    'kms:DescribeKey',
    'kms:Encrypt',
    'kms:GenerateDataKey',
    'kms:GenerateDataKeyWithoutPlaintext',
    'kms:ReEncryptFrom',
    'kms:ReEncryptTo',
  ],
};

/**
 * Managing a key without being able to use it: the account's administrators can describe, tag, rotate,
 * disable or schedule the deletion of the key, but not decrypt with it; only the principals the key policy
 * names can (CP-03, CP-04). Keeping `kms:PutKeyPolicy` here is what keeps the key manageable.
 */
const ADMINISTRATION_ACTIONS = [
  'kms:CancelKeyDeletion',
  'kms:CreateAlias',
  'kms:DeleteAlias',
  'kms:DescribeKey',
  'kms:DisableKey',
  'kms:DisableKeyRotation',
  'kms:EnableKey',
  'kms:EnableKeyRotation',
  'kms:GetKeyPolicy',
  'kms:GetKeyRotationStatus',
  'kms:ListAliases',
  'kms:ListGrants',
  'kms:ListKeyPolicies',
  'kms:ListResourceTags',
  'kms:PutKeyPolicy',
  'kms:RetireGrant',
  'kms:RevokeGrant',
  'kms:ScheduleKeyDeletion',
  'kms:TagResource',
  'kms:UntagResource',
  'kms:UpdateAlias',
  'kms:UpdateKeyDescription',
];

/**
 * A customer managed KMS key for one purpose: rotating, retained when its stack is deleted, with a
 * 30-day deletion window, and a key policy that names every principal and service allowed to use it.
 * The account root administers the key but cannot use it, so IAM policies alone never grant decryption.
 */
export class FirmKey extends Construct {
  readonly key: kms.Key;
  /** The key policy's statement ids so far: KMS refuses a policy that repeats one. */
  private readonly sids = new Set<string>(['AccountAdministersKey', 'AccountGrantsToAwsServices']);

  constructor(scope: Construct, id: string, props: FirmKeyProps) {
    super(scope, id);
    if (
      !Number.isInteger(props.deletionWindowDays) ||
      props.deletionWindowDays < 7 ||
      props.deletionWindowDays > 30
    ) {
      rejectProps(
        this,
        `deletionWindowDays must be a whole number of days from 7 to 30, not ${props.deletionWindowDays}`,
      );
    }
    const account = new iam.AccountRootPrincipal();
    const policy = new iam.PolicyDocument({
      statements: [
        new iam.PolicyStatement({
          sid: 'AccountAdministersKey',
          principals: [account],
          actions: ADMINISTRATION_ACTIONS,
          resources: ['*'],
        }),
        new iam.PolicyStatement({
          // Services that encrypt with the key (Backup, CloudTrail) are given grants by the account's
          // deployment role; a grant can only go to an AWS resource, never to a person.
          sid: 'AccountGrantsToAwsServices',
          principals: [account],
          actions: ['kms:CreateGrant'],
          resources: ['*'],
          conditions: { Bool: { 'kms:GrantIsForAWSResource': 'true' } },
        }),
      ],
    });
    this.key = new kms.Key(this, 'Key', {
      description: props.description,
      alias: `alias/${props.aliasPrefix}/${props.purpose}`,
      enableKeyRotation: props.rotation,
      pendingWindow: Duration.days(props.deletionWindowDays),
      removalPolicy: RemovalPolicy.RETAIN,
      policy,
    });
  }

  /** Lets the principals use the key only through one AWS service in this region, e.g. S3 for SSE-KMS. */
  allowUseThrough(sid: string, service: string, principals: iam.IPrincipal[], access: KeyAccess): void {
    if (principals.length === 0) return;
    const stack = Stack.of(this);
    this.claimSid(sid);
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid,
        principals,
        actions: ACTIONS[access],
        resources: ['*'],
        conditions: {
          StringEquals: {
            'kms:ViaService': `${service}.${stack.region}.amazonaws.com`,
            'kms:CallerAccount': stack.account,
          },
        },
      }),
    );
  }

  /** Lets the principals use the key directly (a service role, or an AWS service principal). */
  allowUse(
    sid: string,
    principals: iam.IPrincipal[],
    actions: string[],
    conditions?: Record<string, Record<string, unknown>>,
  ): void {
    this.claimSid(sid);
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid,
        principals,
        actions,
        resources: ['*'],
        ...(conditions ? { conditions } : {}),
      }),
    );
  }

  private claimSid(sid: string): void {
    if (this.sids.has(sid)) rejectProps(this, `the key policy already has a statement ${sid}`);
    this.sids.add(sid);
  }
}

/** The key actions an access level allows, for statements written outside a key policy. */
export function keyActions(access: KeyAccess): string[] {
  return [...ACTIONS[access]];
}
