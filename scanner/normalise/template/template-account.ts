import type { Account } from '../../model/account';
import type { Leaf } from '../../model/leaf';
import { unknown } from '../leaves';
import type { StackFacts } from './template-resource';

const NOT_IN_TEMPLATES = 'a template does not show account settings; scan the live account to judge them';

/**
 * The account a template is deployed into, as far as the template shows it: the scope of "absence" rules
 * (a trail must exist). Account-wide settings are unknown unless the template sets them.
 */
export function templateAccount(stack: StackFacts, file: string): Account {
  const notShown = (): Leaf<never> => unknown(NOT_IN_TEMPLATES);
  return {
    id: `${stack.scope}/account`,
    kind: 'account',
    name: stack.account,
    arn: unknown(NOT_IN_TEMPLATES),
    account: stack.account,
    region: stack.region,
    tags: unknown(NOT_IN_TEMPLATES),
    source: { kind: 'template', file, logical_id: '', resource_type: 'AWS::Account' },
    password_policy: notShown(),
    root: { mfa_active: notShown(), access_keys_active: notShown(), password_unused_days: notShown() },
    s3_public_access_block: {
      block_public_acls: notShown(),
      ignore_public_acls: notShown(),
      block_public_policy: notShown(),
      restrict_public_buckets: notShown(),
    },
    // Filled in by the linking pass, once every trail is known.
    trails: unknown('not linked yet'),
  };
}
