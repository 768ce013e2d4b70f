import type { Command } from 'commander';
import { scannerIamPolicy } from '../../sources/live/iam-policy';
import type { LiveFeature } from '../../sources/live/calls';
import type { CliContext } from '../context';

interface IamPolicyOptions {
  assumeRoles: boolean;
  organization: boolean;
  drift: boolean;
}

export function registerIamPolicy(program: Command, context: CliContext): void {
  program
    .command('iam-policy')
    .description(
      'print the read-only IAM policy a role needs for lexguard scan live (and, on request, drift)',
    )
    .option(
      '--assume-roles',
      'include sts:AssumeRole, which the identity running scan live --assume-role or --organization-role needs (the roles it assumes do not)',
      false,
    )
    .option('--organization', 'include the Organizations listing that --organization-role needs', false)
    .option('--drift', 'include the CloudFormation reads lexguard drift needs', false)
    .action((options: IamPolicyOptions) => {
      const features: LiveFeature[] = ['scan'];
      if (options.assumeRoles) features.push('assume-roles');
      if (options.organization) features.push('organizations');
      if (options.drift) features.push('drift');
      context.sink.stdout(`${JSON.stringify(scannerIamPolicy(features), null, 2)}\n`);
    });
}
