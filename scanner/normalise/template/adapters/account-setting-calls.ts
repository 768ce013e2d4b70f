import { isDeepStrictEqual } from 'node:util';
import type { Account } from '../../../model/account';
import type { PasswordPolicy } from '../../../model/iam';
import type { Leaf, TemplateLeafSource } from '../../../model/leaf';
import { pseudoPlaceholder } from '../../../sources/template/resolve/tokens';
import { explicit, unknown } from '../../leaves';

/** One AWS SDK call as an `AwsCustomResource` makes it, service and action in lower case. */
export interface SdkCall {
  service: string;
  action: string;
  parameters: Record<string, unknown>;
}

/** A call and where it is written in the template. */
export interface PlacedCall {
  call: SdkCall;
  at: TemplateLeafSource;
}

/** An account setting some SDK calls make. */
interface AccountSetting<T> {
  /** What the calls set, for messages. */
  what: string;
  /** Whether the call sets this setting of `account`. */
  sets(call: SdkCall, account: Account): boolean;
  /** The value the call leaves the setting with. */
  read(call: SdkCall): { ok: T } | { error: string };
  current(account: Account): Leaf<T>;
  write(account: Account, value: Leaf<T>): void;
}

/**
 * Writes into `account` what the calls of one resource set. Calls that disagree (create and update, or two
 * resources) make the setting unknown: which holds depends on the order CloudFormation ran them in.
 */
export type AccountSettingApplier = (calls: readonly PlacedCall[], account: Account) => void;

function applier<T>(setting: AccountSetting<T>): AccountSettingApplier {
  return (calls, account) => {
    const made = calls.filter(({ call }) => setting.sets(call, account));
    if (made.length === 0) return;
    const values = made.map(({ call, at }) => ({ read: setting.read(call), at }));
    const unreadable = values.find((value) => 'error' in value.read);
    if (unreadable && 'error' in unreadable.read) {
      setting.write(account, unknown(`${unreadable.at.path} ${unreadable.read.error}`, unreadable.at));
      return;
    }
    const first = values[0].read as { ok: T };
    const current = setting.current(account);
    const disagree =
      values.some(({ read }) => !isDeepStrictEqual((read as { ok: T }).ok, first.ok)) ||
      (current.state === 'explicit' && !isDeepStrictEqual(current.value, first.ok));
    setting.write(
      account,
      disagree
        ? unknown(
            `${setting.what} is set to different values by the template; which holds depends on the order of deployment`,
            values[0].at,
          )
        : explicit(first.ok, values[0].at),
    );
  };
}

/** `iam:updateAccountPasswordPolicy` resets every parameter it is not given to IAM's default. */
const passwordPolicy: AccountSetting<PasswordPolicy | null> = {
  what: 'the account password policy',
  sets: ({ service, action }) =>
    service === 'iam' &&
    (action === 'updateaccountpasswordpolicy' || action === 'deleteaccountpasswordpolicy'),
  read({ action, parameters }) {
    if (action === 'deleteaccountpasswordpolicy') return { ok: null };
    const wrong: string[] = [];
    const given = <T extends number | boolean>(name: string, fallback: T): T => {
      const value = parameters[name];
      if (value === undefined) return fallback;
      if (typeof value === typeof fallback) return value as T;
      wrong.push(name);
      return fallback;
    };
    const policy: PasswordPolicy = {
      minimum_length: given('MinimumPasswordLength', 6),
      require_symbols: given('RequireSymbols', false),
      require_numbers: given('RequireNumbers', false),
      require_uppercase: given('RequireUppercaseCharacters', false),
      require_lowercase: given('RequireLowercaseCharacters', false),
      reuse_prevention: given('PasswordReusePrevention', 0),
      max_age_days: given('MaxPasswordAge', 0),
    };
    return wrong.length > 0
      ? { error: `sets ${wrong.join(', ')} to a value of the wrong type` }
      : { ok: policy };
  },
  current: (account) => account.password_policy,
  write: (account, value) => {
    account.password_policy = value;
  },
};

const BLOCK_FLAGS = {
  block_public_acls: 'BlockPublicAcls',
  ignore_public_acls: 'IgnorePublicAcls',
  block_public_policy: 'BlockPublicPolicy',
  restrict_public_buckets: 'RestrictPublicBuckets',
} as const;

type BlockFlags = Record<keyof typeof BLOCK_FLAGS, boolean>;

/**
 * `s3control:putPublicAccessBlock` for this account (its `AccountId` is `AWS::AccountId`, or the stack's
 * account when known). A flag the configuration leaves out is off.
 */
const accountPublicAccessBlock: AccountSetting<BlockFlags> = {
  what: "the account's S3 Block Public Access",
  sets: ({ service, action, parameters }, account) =>
    service === 's3control' &&
    action === 'putpublicaccessblock' &&
    (parameters.AccountId === pseudoPlaceholder('AWS::AccountId') ||
      (account.account.state !== 'unknown' && parameters.AccountId === account.account.value)),
  read({ parameters }) {
    const configuration = parameters.PublicAccessBlockConfiguration;
    if (typeof configuration !== 'object' || configuration === null)
      return { error: 'has no PublicAccessBlockConfiguration' };
    const flags: Partial<BlockFlags> = {};
    for (const [field, name] of Object.entries(BLOCK_FLAGS) as Array<[keyof BlockFlags, string]>) {
      const value = (configuration as Record<string, unknown>)[name] ?? false;
      if (typeof value !== 'boolean') return { error: `sets ${name} to a value that is not a boolean` };
      flags[field] = value;
    }
    return { ok: flags as BlockFlags };
  },
  current(account) {
    const flags: Partial<BlockFlags> = {};
    for (const field of Object.keys(BLOCK_FLAGS) as Array<keyof BlockFlags>) {
      const leaf = account.s3_public_access_block[field];
      if (leaf.state !== 'explicit') return unknown('not set by the template');
      flags[field] = leaf.value;
    }
    return explicit(flags as BlockFlags);
  },
  write(account, value) {
    for (const field of Object.keys(BLOCK_FLAGS) as Array<keyof BlockFlags>) {
      account.s3_public_access_block[field] =
        value.state === 'unknown' ? value : { ...value, value: value.value[field] };
    }
  },
};

/** The account settings lexguard reads from `AwsCustomResource` calls. */
export const ACCOUNT_SETTING_CALLS: readonly AccountSettingApplier[] = [
  applier(passwordPolicy),
  applier(accountPublicAccessBlock),
];
