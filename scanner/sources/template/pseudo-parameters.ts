import { LexguardError } from '../../errors';
import type { PseudoParameters } from './resolve/resolver';

const SETTABLE: Record<string, keyof PseudoParameters> = {
  'AWS::Region': 'region',
  'AWS::AccountId': 'accountId',
  'AWS::StackName': 'stackName',
  'AWS::Partition': 'partition',
  'AWS::URLSuffix': 'urlSuffix',
};

/**
 * Separates pseudo parameters given like parameters (`--param AWS::Region=eu-west-1`) from the template's
 * own. Pseudo parameters CloudFormation alone decides (`AWS::StackId`, `AWS::NotificationARNs`) cannot be
 * given.
 */
export function splitPseudoParameters(given: Record<string, string>): {
  parameters: Record<string, string>;
  pseudo: Partial<PseudoParameters>;
} {
  const parameters: Record<string, string> = {};
  const pseudo: Partial<PseudoParameters> = {};
  for (const [name, value] of Object.entries(given)) {
    if (!name.startsWith('AWS::')) {
      parameters[name] = value;
      continue;
    }
    const field = SETTABLE[name];
    if (!field) {
      throw new LexguardError(
        'USAGE',
        `${name} cannot be given; the pseudo parameters lexguard can be told are ${Object.keys(SETTABLE).join(', ')}`,
      );
    }
    pseudo[field] = value;
  }
  return { parameters, pseudo };
}
