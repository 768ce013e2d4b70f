import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

/** What a person may still do before signing in with MFA: set up their MFA device and change their password. */
const ALLOWED_WITHOUT_MFA = [
  'iam:ChangePassword',
  'iam:CreateVirtualMFADevice',
  'iam:EnableMFADevice',
  'iam:GetAccountPasswordPolicy',
  'iam:GetUser',
  'iam:ListMFADevices',
  'iam:ListVirtualMFADevices',
  'iam:ResyncMFADevice',
  'sts:GetSessionToken',
];

/**
 * The MFA-enforcing deny (CP-05): every request made without MFA is refused, whatever else a person's
 * policies allow. `BoolIfExists` also catches long-term access keys, whose requests carry no MFA key at
 * all. Attached to every human group and every firm role.
 */
export class RequireMfaPolicy extends Construct {
  readonly policy: iam.ManagedPolicy;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.policy = new iam.ManagedPolicy(this, 'Policy', {
      description: 'Denies every request made without multi-factor authentication (CP-05)',
      statements: [
        new iam.PolicyStatement({
          sid: 'DenyWithoutMfa',
          effect: iam.Effect.DENY,
          notActions: ALLOWED_WITHOUT_MFA,
          resources: ['*'],
          conditions: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
        }),
      ],
    });
  }
}
