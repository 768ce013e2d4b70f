import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { scannerIamPolicy } from '../../sources/live/iam-policy';
import type { LiveFeature } from '../../sources/live/calls';
import { LexguardError } from '../../errors';
import type { CliContext } from '../context';

interface IamPolicyOptions {
  organization?: string | true;
  assumeRole: string[];
  drift: boolean;
}

function roleArn(value: string, previous: string[]): string[] {
  if (!/^arn:aws[a-z-]*:iam::\d{12}:role\/[^*]+$/.test(value))
    throw new InvalidArgumentError(`"${value}" is not the ARN of one IAM role`);
  return [...previous, value];
}

export function registerIamPolicy(program: Command, context: CliContext): void {
  program
    .command('iam-policy')
    .description(
      'print the read-only IAM policy a role needs for lexguard scan live (and, on request, drift)',
    )
    .option(
      '--organization [role-name]',
      'include the Organizations listing, and assuming ROLE-NAME in every account (as --organization-role)',
    )
    .option(
      '--assume-role <arn>',
      'include assuming this role (as scan live --assume-role; repeatable)',
      roleArn,
      [],
    )
    .option('--drift', 'include the CloudFormation reads lexguard drift needs', false)
    .action((options: IamPolicyOptions) => {
      const features: LiveFeature[] = ['scan'];
      const roles = [...options.assumeRole];
      if (options.organization !== undefined) {
        features.push('organizations');
        // Without a role name the policy cannot say which role to assume: it says none, and the user is told.
        if (typeof options.organization === 'string' && options.organization.includes('*'))
          throw new LexguardError(
            'USAGE',
            `--organization names one role, not a pattern: ${options.organization}`,
          );
        if (typeof options.organization === 'string')
          roles.push(`arn:aws:iam::*:role/${options.organization}`);
        else
          context.sink.stderr(
            'lexguard: name the role to assume (--organization ROLE-NAME) to include sts:AssumeRole\n',
          );
      }
      if (roles.length > 0) features.push('assume-role');
      if (options.drift) features.push('drift');
      context.sink.stdout(`${JSON.stringify(scannerIamPolicy(features, roles), null, 2)}\n`);
    });
}
