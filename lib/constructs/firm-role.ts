import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { rejectProps } from './reject-props';

export interface FirmRoleProps {
  roleName: string;
  /** IAM path, e.g. `/example-llp/`. */
  path: string;
  description: string;
  /** Longest session, in hours (1 to 12). */
  maxSessionHours: number;
  /** CP-05: people can assume the role only when they signed in with MFA within the session length. */
  trustRequiresMfa: boolean;
  /** CP-05: the MFA-enforcing deny; absent only in a deliberately weakened build. */
  requireMfaPolicy?: iam.IManagedPolicy;
  /** CP-04: the permissions boundary of a delegated role; the break-glass role has none. */
  boundary?: iam.IManagedPolicy;
  /** What the role may do, as one customer managed policy (never inline: CP-04). */
  statements: iam.PolicyStatement[];
  /** AWS managed policies (the break-glass role's AdministratorAccess). */
  awsManagedPolicies?: string[];
}

/**
 * A role people in one firm role switch to. Trust goes to the firm's own account, so a person needs both
 * their group's permission to assume the role and an MFA sign-in; the role's permissions live in a
 * customer managed policy, never inline.
 */
export class FirmRole extends Construct {
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: FirmRoleProps) {
    super(scope, id);
    if (props.statements.length === 0 && (props.awsManagedPolicies ?? []).length === 0) {
      rejectProps(
        this,
        `the role ${props.roleName} would grant nothing: give it statements or a managed policy`,
      );
    }
    if (props.boundary && (props.awsManagedPolicies ?? []).includes('AdministratorAccess')) {
      rejectProps(
        this,
        `the administrator role ${props.roleName} cannot be a delegated role under a boundary`,
      );
    }
    const sessionSeconds = props.maxSessionHours * 3600;
    const account = new iam.AccountRootPrincipal();
    this.role = new iam.Role(this, 'Role', {
      roleName: props.roleName,
      path: props.path,
      description: props.description,
      maxSessionDuration: Duration.hours(props.maxSessionHours),
      assumedBy: props.trustRequiresMfa
        ? account.withConditions({
            Bool: { 'aws:MultiFactorAuthPresent': 'true' },
            NumericLessThan: { 'aws:MultiFactorAuthAge': String(sessionSeconds) },
          })
        : account,
      ...(props.boundary ? { permissionsBoundary: props.boundary } : {}),
      managedPolicies: [
        ...(props.requireMfaPolicy ? [props.requireMfaPolicy] : []),
        ...(props.awsManagedPolicies ?? []).map((name) => iam.ManagedPolicy.fromAwsManagedPolicyName(name)),
      ],
    });
    if (props.statements.length > 0) {
      new iam.ManagedPolicy(this, 'Access', {
        description: props.description,
        statements: props.statements,
        roles: [this.role],
      });
    }
  }
}
