import { App, BootstraplessSynthesizer, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ScannerRole, type ScannerRoleProps } from '../constructs/scanner-role';

export interface ScannerRoleStackProps extends StackProps {
  role: ScannerRoleProps;
}

/**
 * The scheduled scan's read-only role, alone in a stack: deployed to one account with `cdk deploy`, or
 * rendered as the template of the StackSet that deploys it to every account of the organization.
 */
export class ScannerRoleStack extends Stack {
  readonly scannerRole: ScannerRole;

  constructor(scope: Construct, id: string, props: ScannerRoleStackProps) {
    super(scope, id, props);
    this.scannerRole = new ScannerRole(this, 'Scanner', props.role);
  }
}

/**
 * The scanner role's CloudFormation template for a StackSet, as JSON text: the same stack, synthesized in
 * an app of its own with the given context (feature flags) and without bootstrap resources, since the
 * member accounts a StackSet reaches are not bootstrapped for the CDK. Offline and the same every time.
 */
export function scannerRoleTemplate(role: ScannerRoleProps, context: Record<string, unknown>): string {
  const outdir = mkdtempSync(path.join(tmpdir(), 'lexguard-scanner-role-'));
  try {
    const app = new App({
      outdir,
      context: {
        ...context,
        'aws:cdk:enable-path-metadata': false,
        'aws:cdk:version-reporting': false,
      },
    });
    const stack = new ScannerRoleStack(app, 'ScannerRole', {
      role,
      synthesizer: new BootstraplessSynthesizer(),
      description: 'lexguard scheduled audit scan: the read-only scanner role (deployed by a StackSet)',
    });
    return JSON.stringify(app.synth().getStackByName(stack.stackName).template);
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
