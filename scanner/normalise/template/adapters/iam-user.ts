import type { IamUser } from '../../../model/iam';
import { explicit, unknown } from '../../leaves';
import { templateResourceBase } from '../template-resource';
import type { TemplateAdapter } from './adapter';
import { principalPolicies } from './iam-principal';

const LIVE_ONLY = 'credentials are used and rotated after deployment; scan the live account to judge them';

/**
 * `AWS::IAM::User`: its policies, groups and, when `LoginProfile` is set, a console password. Everything
 * else about credentials (MFA, keys, last use) is only known live.
 */
export const iamUserAdapter: TemplateAdapter = {
  types: ['AWS::IAM::User'],
  phase: 'create',
  apply(resource, model) {
    const props = resource.properties;
    const user: IamUser = {
      ...templateResourceBase(resource, 'iam_user', 'UserName'),
      ...principalPolicies(props, true),
      groups: props.links(['Groups']),
      credentials: {
        password_enabled:
          props.get(['LoginProfile']) === undefined
            ? unknown(LIVE_ONLY)
            : explicit(true, props.at(['LoginProfile'])),
        password_unused_days: unknown(LIVE_ONLY),
        password_age_days: unknown(LIVE_ONLY),
        mfa_active: unknown(LIVE_ONLY),
        access_keys: unknown(LIVE_ONLY),
      },
    };
    model.iam_users[user.id] = user;
  },
};
