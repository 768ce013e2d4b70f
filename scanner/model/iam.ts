import type { Leaf, Link } from './leaf';
import type { PolicyDocument } from './policy-document';
import type { ResourceBase } from './resource';

/** An inline policy embedded in a user, group or role (or an `AWS::IAM::Policy` attached to it). */
export interface InlinePolicy {
  name: string;
  document: Leaf<PolicyDocument>;
}

/** What users, groups and roles share: the policies that give them permissions. */
export interface IamPrincipalPolicies {
  inline_policies: Leaf<InlinePolicy[]>;
  /** Attached managed policies; `target` is the model id of an `iam_managed_policy` when it is in scope. */
  managed_policies: Leaf<Link[]>;
  /** `ref` is `null` when there is no permissions boundary. */
  permissions_boundary: Link;
}

export interface IamUser extends ResourceBase<'iam_user'>, IamPrincipalPolicies {
  groups: Leaf<Link[]>;
  /** Live only (credential report and `GetLoginProfile`). */
  credentials: IamUserCredentials;
}

export interface IamUserCredentials {
  password_enabled: Leaf<boolean>;
  /** Days since the password was last used; `null` when never used. */
  password_unused_days: Leaf<number | null>;
  /** Days since the password was set (the credential report's `password_last_changed`); `null` without one. */
  password_age_days: Leaf<number | null>;
  mfa_active: Leaf<boolean>;
  access_keys: Leaf<AccessKey[]>;
}

export interface AccessKey {
  id: string;
  active: boolean;
  age_days: number;
  /** Days since the key was last used; `null` when never used. */
  unused_days: number | null;
}

export interface IamGroup extends ResourceBase<'iam_group'>, IamPrincipalPolicies {
  members: Leaf<Link[]>;
}

export interface IamRole extends ResourceBase<'iam_role'>, IamPrincipalPolicies {
  trust_policy: Leaf<PolicyDocument>;
  max_session_seconds: Leaf<number>;
  path: Leaf<string>;
}

export interface IamManagedPolicy extends ResourceBase<'iam_managed_policy'> {
  /** `true` for AWS managed policies (`arn:aws:iam::aws:policy/…`). */
  aws_managed: boolean;
  document: Leaf<PolicyDocument>;
}

export interface PasswordPolicy {
  minimum_length: number;
  require_symbols: boolean;
  require_numbers: boolean;
  require_uppercase: boolean;
  require_lowercase: boolean;
  /** How many previous passwords cannot be reused; `0` when reuse prevention is off. */
  reuse_prevention: number;
  /** `0` when passwords never expire. */
  max_age_days: number;
}
