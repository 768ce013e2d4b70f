/**
 * The documents of the few AWS managed policies lexguard's rules must understand on a template, where
 * nothing but the ARN is written: full administrator access, power-user access (everything but IAM,
 * Organizations and Account) and read access to every bucket. Any other AWS managed policy a template
 * attaches keeps an unknown document, so a rule judging it answers UNKNOWN instead of guessing; a live
 * scan reads the real document.
 *
 * Copied from the AWS Managed Policy Reference (docs.aws.amazon.com/aws-managed-policy/latest/reference),
 * with the version each was copied at: AWS edits these policies, so re-check them when a version changes.
 */
export const AWS_MANAGED_POLICY_DOCUMENTS: Readonly<Record<string, { version: string; document: object }>> = {
  AdministratorAccess: {
    version: 'v1',
    document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
  },
  PowerUserAccess: {
    version: 'v12',
    document: {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', NotAction: ['iam:*', 'organizations:*', 'account:*'], Resource: '*' },
        {
          Effect: 'Allow',
          Action: [
            'account:GetAccountInformation',
            'account:GetGovCloudAccountInformation',
            'account:GetPrimaryEmail',
            'account:ListRegions',
            'iam:CreateServiceLinkedRole',
            'iam:DeleteServiceLinkedRole',
            'iam:ListRoles',
            'organizations:DescribeEffectivePolicy',
            'organizations:DescribeOrganization',
          ],
          Resource: '*',
        },
      ],
    },
  },
  AmazonS3ReadOnlyAccess: {
    version: 'v3',
    document: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['s3:Get*', 's3:List*', 's3:Describe*', 's3-object-lambda:Get*', 's3-object-lambda:List*'],
          Resource: '*',
        },
      ],
    },
  },
};
