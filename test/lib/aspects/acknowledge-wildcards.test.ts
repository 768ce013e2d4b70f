import { App, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AwsSolutionsChecks } from 'cdk-nag';
import { acknowledgeWildcards } from '../../../lib/aspects/acknowledge-wildcards';

/** Synthesizes a stack holding one policy with two wildcard grants, and returns what AwsSolutions still reports. */
function reportedWithAllowance(finding: RegExp): string[] {
  const app = new App();
  const stack = new Stack(app, 'Policies');
  const policy = new iam.ManagedPolicy(stack, 'Reader', {
    statements: [
      new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::docs/matters/*'] }),
      new iam.PolicyStatement({ actions: ['cloudtrail:LookupEvents'], resources: ['*'] }),
    ],
  });
  acknowledgeWildcards(policy, [{ finding, reason: 'the test names this wildcard and why it is needed' }]);
  const nag = new AwsSolutionsChecks(app);
  Validations.of(app).addPlugins(nag);
  try {
    app.synth();
    return [];
  } catch {
    return nag
      .validateScope(app)
      .violations.map((violation) => violation.ruleName)
      .sort();
  }
}

describe('acknowledgeWildcards', () => {
  it('acknowledges the wildcards an allowance explains, and leaves any other to fail the synth', () => {
    expect(reportedWithAllowance(/^Resource::\*$/)).toEqual([
      'AwsSolutions-IAM5[Resource::arn:aws:s3:::docs/matters/*]',
    ]);
    expect(reportedWithAllowance(/\/matters\/\*$/)).toEqual(['AwsSolutions-IAM5[Resource::*]']);
  });

  it('leaves the synth clean when every wildcard is explained', () => {
    expect(reportedWithAllowance(/^Resource::(\*|arn:aws:s3:::docs\/matters\/\*)$/)).toEqual([]);
  });
});
