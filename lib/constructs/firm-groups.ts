import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { acknowledgeNagRules } from '../aspects/nag-acknowledgements';
import { acknowledgeWildcards } from '../aspects/acknowledge-wildcards';

export interface FirmGroupsProps {
  firmId: string;
  /** The firm roles; each gets a group whose members may switch to it. */
  roles: Array<{ roleName: string; roleArn: string }>;
  /** CP-05: the MFA-enforcing deny attached to every group; absent only in a weakened build. */
  requireMfaPolicy?: iam.IManagedPolicy;
}

/**
 * One IAM group per firm role (CP-04: people get access through groups, never through policies on their
 * user). A member may manage their own password and MFA device and switch to the group's role; nothing
 * else, and nothing at all before signing in with MFA.
 */
export class FirmGroups extends Construct {
  readonly groups: iam.Group[] = [];

  constructor(scope: Construct, id: string, props: FirmGroupsProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const selfService = new iam.ManagedPolicy(this, 'ManageOwnCredentials', {
      description: 'Lets a person change their own password and set up their own MFA device',
      statements: [
        new iam.PolicyStatement({
          sid: 'OwnPasswordAndMfa',
          actions: [
            'iam:ChangePassword',
            'iam:CreateVirtualMFADevice',
            'iam:EnableMFADevice',
            'iam:GetUser',
            'iam:ListMFADevices',
            'iam:ResyncMFADevice',
          ],
          resources: [
            stack.formatArn({
              service: 'iam',
              region: '',
              resource: 'user',
              resourceName: '${aws:username}',
            }),
            stack.formatArn({ service: 'iam', region: '', resource: 'mfa', resourceName: '${aws:username}' }),
          ],
        }),
        new iam.PolicyStatement({
          sid: 'ReadPasswordRules',
          actions: ['iam:GetAccountPasswordPolicy', 'iam:ListVirtualMFADevices'],
          resources: ['*'],
        }),
      ],
    });
    for (const { roleName, roleArn } of props.roles) {
      const group = new iam.Group(this, roleName, {
        groupName: `${props.firmId}-${roleName}`,
        managedPolicies: [...(props.requireMfaPolicy ? [props.requireMfaPolicy] : []), selfService],
      });
      new iam.ManagedPolicy(this, `${roleName}Switch`, {
        description: `Lets members of ${group.node.id} switch to the ${roleName} role`,
        statements: [
          new iam.PolicyStatement({ sid: 'SwitchToRole', actions: ['sts:AssumeRole'], resources: [roleArn] }),
        ],
        groups: [group],
      });
      this.groups.push(group);
    }
    acknowledgeWildcards(this, [
      {
        finding: /^Resource::\*$/,
        reason:
          'iam:GetAccountPasswordPolicy and iam:ListVirtualMFADevices take no resource ARN; both only read.',
      },
    ]);
    acknowledgeNagRules(
      this,
      ['HIPAA.Security-IAMGroupHasUsers', 'NIST.800.53.R5-IAMGroupHasUsers'],
      'People join these groups when they join the firm; IAM users are not defined in code, so no user carries a policy (CP-04).',
    );
  }
}
