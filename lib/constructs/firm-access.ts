import * as iam from 'aws-cdk-lib/aws-iam';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledgeWildcards } from '../aspects/acknowledge-wildcards';
import { FIRM_ROLE_IDS, type FirmRoleDefinition, type FirmRoleId } from '../config/firm-roles';
import type { Classification } from '../config/store-context';
import { acknowledgeNagRules } from '../aspects/nag-acknowledgements';
import { AUDIT_READ_ACTIONS } from './audit-read-actions';
import { DOCUMENTS_PREFIX, documentAccessStatements, KEY_ACCESS } from './document-access';
import type { FirmKey, KeyAccess } from './firm-key';
import { FirmRole } from './firm-role';
import { pascalCase } from './pascal-case';
import { PermissionsBoundary } from './permissions-boundary';
import { RequireMfaPolicy } from './require-mfa-policy';

export interface FirmAccessProps {
  /** IAM path of the roles, e.g. `/example-llp/`. */
  rolePath: string;
  roles: Record<FirmRoleId, FirmRoleDefinition>;
  documentBuckets: Partial<Record<Classification, s3.IBucket>>;
  /** Buckets holding audit logs (the trail's and the access logs). */
  logBuckets: s3.IBucket[];
  documentsKey: FirmKey;
  auditKey: FirmKey;
  sessionHours: number;
  /** CP-05: MFA-enforcing deny and MFA in every trust policy. */
  mfaEnforced: boolean;
  /** CP-04: the permissions boundary on every delegated role. */
  permissionsBoundary: boolean;
}

/**
 * The firm roles people switch to (CP-04, CP-05), with need-to-know access derived from the role table:
 * each role's IAM policy reaches only the buckets its classification access names, and the documents
 * key's policy lets each role decrypt (or encrypt) only what its access level needs.
 */
export class FirmAccess extends Construct {
  readonly roles = new Map<FirmRoleId, iam.Role>();

  constructor(scope: Construct, id: string, props: FirmAccessProps) {
    super(scope, id);
    const requireMfa = props.mfaEnforced ? new RequireMfaPolicy(this, 'RequireMfa').policy : undefined;
    const boundary = props.permissionsBoundary ? new PermissionsBoundary(this, 'Boundary').policy : undefined;
    const keyUsers: Record<KeyAccess, iam.IPrincipal[]> = { decrypt: [], 'encrypt-decrypt': [] };
    const auditReaders: iam.IPrincipal[] = [];

    for (const roleId of FIRM_ROLE_IDS) {
      const definition = props.roles[roleId];
      const statements = this.documentStatements(definition, props.documentBuckets);
      if (definition.audit) statements.push(...auditStatements(props.logBuckets));
      const role = new FirmRole(this, pascalCase(roleId), {
        roleName: definition.roleName,
        path: props.rolePath,
        description: definition.description,
        maxSessionHours: props.sessionHours,
        trustRequiresMfa: props.mfaEnforced,
        requireMfaPolicy: requireMfa,
        ...(boundary && !definition.administrator ? { boundary } : {}),
        statements,
        ...(definition.administrator ? { awsManagedPolicies: ['AdministratorAccess'] } : {}),
      }).role;
      this.roles.set(roleId, role);
      const keyAccess = strongestKeyAccess(definition, props.documentBuckets);
      if (keyAccess) keyUsers[keyAccess].push(role);
      if (definition.audit) auditReaders.push(role);
      if (definition.administrator) {
        acknowledgeNagRules(
          role,
          ['AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/AdministratorAccess]'],
          'The break-glass role is the one administrator for emergencies: MFA-only, one-hour sessions, and every use raises an alarm (CP-09).',
        );
      }
    }
    props.documentsKey.allowUseThrough('FirmRolesReadDocuments', 's3', keyUsers.decrypt, 'decrypt');
    props.documentsKey.allowUseThrough(
      'FirmRolesWriteDocuments',
      's3',
      keyUsers['encrypt-decrypt'],
      'encrypt-decrypt',
    );
    props.auditKey.allowUseThrough('AuditorsReadLogs', 's3', auditReaders, 'decrypt');

    acknowledgeWildcards(this, [
      {
        finding: new RegExp(`^Resource::<[A-Za-z0-9]+\\.Arn>/${DOCUMENTS_PREFIX}\\*$`),
        reason: `Need-to-know is per classification bucket and per matter folder: the grant covers the documents under ${DOCUMENTS_PREFIX} of a bucket the role's classification access names.`,
      },
      {
        finding: /^Resource::<[A-Za-z0-9]+\.Arn>\/\*$/,
        reason:
          'Auditors read every audit log file of the trail and access-log buckets; the objects are named by the services that write them.',
      },
      {
        finding: /^Action::[a-z0-9]+:(Describe|Get|List|GetBucket)\*$/,
        reason:
          'Auditors read configuration with the read-only action families (Describe*, Get*, List*) so a new read action does not blind the audit.',
      },
      {
        finding: /^Resource::\*$/,
        reason:
          'The read-only configuration actions auditors use have no resource-level permissions or must see every resource of the account.',
      },
    ]);
  }

  private documentStatements(
    definition: FirmRoleDefinition,
    buckets: Partial<Record<Classification, s3.IBucket>>,
  ): iam.PolicyStatement[] {
    return Object.entries(definition.documents).flatMap(([classification, access]) => {
      const bucket = buckets[classification as Classification];
      return bucket && access
        ? documentAccessStatements(bucket, access, `${pascalCase(access)}${pascalCase(classification)}`)
        : [];
    });
  }
}

function auditStatements(logBuckets: s3.IBucket[]): iam.PolicyStatement[] {
  return [
    new iam.PolicyStatement({ sid: 'ReadConfiguration', actions: AUDIT_READ_ACTIONS, resources: ['*'] }),
    new iam.PolicyStatement({
      sid: 'ReadAuditLogs',
      actions: ['s3:GetObject', 's3:ListBucket'],
      resources: logBuckets.flatMap((bucket) => [bucket.bucketArn, bucket.arnForObjects('*')]),
    }),
  ];
}

/** The most a role needs of the documents key over all the buckets it can reach. */
function strongestKeyAccess(
  definition: FirmRoleDefinition,
  buckets: Partial<Record<Classification, s3.IBucket>>,
): KeyAccess | undefined {
  const needs = Object.entries(definition.documents)
    .filter(([classification]) => buckets[classification as Classification] !== undefined)
    .map(([, access]) => (access ? KEY_ACCESS[access] : undefined));
  if (needs.includes('encrypt-decrypt')) return 'encrypt-decrypt';
  return needs.includes('decrypt') ? 'decrypt' : undefined;
}
