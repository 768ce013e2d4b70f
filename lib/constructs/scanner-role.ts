import { Duration, Stack, Tags } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { scannerIamPolicy } from '../../scanner/sources/live/iam-policy';
import { acknowledgeWildcards } from '../aspects/acknowledge-wildcards';

/** The tag that marks a role as lexguard's audit scanner role. */
export const SCANNER_ROLE_TAG = { key: 'lexguard:purpose', value: 'audit-scanner' } as const;

export interface ScannerRoleProps {
  roleName: string;
  /** The account of the audit stack, whose collect function assumes this role. */
  auditAccount: string;
  /** The name of that function's role: the only principal the trust policy lets in. */
  collectorRoleName: string;
}

/**
 * The read-only role lexguard's scheduled scan assumes in a scanned account. Its one policy is exactly
 * what `lexguard iam-policy` prints, generated from the same declared list of calls (reads, and the
 * credential report's generation: no write, no `sts:AssumeRole`, no `s3:GetObject`). Its trust policy
 * lets in the audit account only, and there only the collect function's role (`aws:PrincipalArn`), so
 * no other principal of the audit account can use it, whatever its own IAM policies say. lexguard's
 * trust rules read that condition: an account narrowed to named roles is not people, so the role needs
 * neither MFA in its trust policy nor a permissions boundary.
 */
export class ScannerRole extends Construct {
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: ScannerRoleProps) {
    super(scope, id);
    const collectorRoleArn = Stack.of(this).formatArn({
      service: 'iam',
      region: '',
      account: props.auditAccount,
      resource: 'role',
      resourceName: props.collectorRoleName,
    });
    this.role = new iam.Role(this, 'Role', {
      roleName: props.roleName,
      description: 'lexguard scheduled audit scan: reads configuration, never data (lexguard iam-policy)',
      assumedBy: new iam.AccountPrincipal(props.auditAccount).withConditions({
        ArnEquals: { 'aws:PrincipalArn': collectorRoleArn },
      }),
      maxSessionDuration: Duration.hours(1),
    });
    // Rules read this tag to hold every role carrying it to read-only access: keep key and value exactly.
    Tags.of(this.role).add(SCANNER_ROLE_TAG.key, SCANNER_ROLE_TAG.value);
    new iam.ManagedPolicy(this, 'ReadOnly', {
      description: 'The read-only calls of lexguard scan live, as lexguard iam-policy prints them',
      document: iam.PolicyDocument.fromJson(scannerIamPolicy(['scan'])),
      roles: [this.role],
    });
    acknowledgeWildcards(this, [
      {
        finding: /^Resource::\*$/,
        reason:
          'Configuration reads of every resource in the account (lexguard iam-policy); most have no resource-level permissions, and the scan must see every resource to find the non-compliant ones.',
      },
    ]);
  }
}
