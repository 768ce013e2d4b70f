import type { Leaf } from './leaf';
import type { PasswordPolicy } from './iam';
import type { PublicAccessBlock } from './s3';
import type { ResourceCollection } from './model';
import type { ResourceBase } from './resource';

/**
 * Settings that belong to an AWS account rather than to one resource, and the scope for "absence" rules
 * (an account must have a multi-region trail). A template or cloud assembly scan has one account whose id
 * is the stack's account when known.
 */
export interface Account extends ResourceBase<'account'> {
  /** The account password policy; `null` when the account has none (AWS then applies its default). */
  password_policy: Leaf<PasswordPolicy | null>;
  root: RootUser;
  /** Account-level S3 Block Public Access. */
  s3_public_access_block: PublicAccessBlock;
  /**
   * Made by the normaliser: the trails (model ids) that belong to this account, whatever they record; the
   * "a multi-region trail exists" rules read them. Unknown when a trail's account cannot be told.
   */
  trails: Leaf<string[]>;
  /**
   * Live only: whether each collection was listed completely in this account (`true`), or could not be
   * (unknown, with the failed call). Rules about absence ("the account has no multi-region trail") read it
   * so that a listing that was denied never reads as "there is none".
   */
  listed?: Partial<Record<ResourceCollection, Leaf<boolean>>>;
}

export interface RootUser {
  mfa_active: Leaf<boolean>;
  access_keys_active: Leaf<boolean>;
  /** Days since the root password was last used; `null` when never used. */
  password_unused_days: Leaf<number | null>;
}
