import type { Days, RegionName } from '../../scanner/config/config-file';

/**
 * The document store's configuration as it is written in `cdk.json` under the context key `documentStore`.
 * Its JSON Schema, `store-context.schema.json`, is generated from this type (`npm run generate`) and every
 * synth validates the context against it before a construct is built. Keys left out take the defaults of
 * the firm's confidentiality policy (`scanner/config/defaults.ts`), the same values lexguard's rules judge by.
 */
export interface StoreContext {
  /**
   * The firm's name as people read it, used in descriptions and the alert topic's display name.
   * @minLength 1
   * @maxLength 100
   */
  firmName: string;
  /**
   * A short lower-case id for the firm, the prefix of every physical name (buckets, roles, trail, vaults).
   * @pattern ^[a-z][a-z0-9-]{1,18}[a-z0-9]$
   */
  firmId: string;
  /** The AWS account the store is deployed into: stated, so that synth needs no credentials and is repeatable. */
  account: AccountId;
  /**
   * Who is accountable for the stored data (CP-13): the value of every data store's `owner` tag, so only
   * the characters AWS allows in tag values.
   * @pattern ^[\w .:/=+@-]{1,256}$
   */
  owner: string;
  /** Where security alarms are sent (CP-09). */
  alertEmail: EmailAddress;
  /**
   * Regions where client data may be stored (CP-12). The first two are the primary and the off-site
   * region unless `primaryRegion` and `secondaryRegion` say otherwise.
   * @minItems 2
   * @uniqueItems true
   */
  approvedRegions?: RegionName[];
  /** The region holding the document store, its trail and its alarms. */
  primaryRegion?: RegionName;
  /** The region holding the off-site backup copies (CP-10); must differ from the primary region. */
  secondaryRegion?: RegionName;
  /**
   * One document bucket per classification listed here (CP-13). Confidential and privileged buckets are
   * Object-Locked.
   * @minItems 1
   * @uniqueItems true
   */
  classifications?: Classification[];
  retention?: {
    /** Days client documents and their old versions are kept, and the Object Lock default retention (CP-11). */
    documentsDays?: Days;
    /** Days audit logs (trail logs, access logs, the trail's log group) are kept (CP-08, CP-11). */
    auditLogsDays?: Days;
  };
  /** Days each kind of recovery point is kept (CP-10). */
  backupRetention?: {
    dailyDays?: Days;
    weeklyDays?: Days;
    monthlyDays?: Days;
  };
  /**
   * `GOVERNANCE` lets a records manager with `s3:BypassGovernanceRetention` release a record early;
   * `COMPLIANCE` makes the retention binding on everyone, including the account root.
   */
  objectLockMode?: 'GOVERNANCE' | 'COMPLIANCE';
  /**
   * Days after which the backup vault lock can no longer be changed or removed (compliance mode). Leave it
   * out for a governance-mode lock that administrators can remove.
   * @minimum 3
   * @asType integer
   */
  vaultLockChangeableForDays?: number;
  /** The account password policy (CP-05); reuse prevention is always the most AWS allows, 24. */
  passwordPolicy?: {
    /**
     * @minimum 14
     * @maximum 128
     * @asType integer
     */
    minimumLength?: number;
    /**
     * Days before a password must be changed; 0 for never.
     * @minimum 0
     * @maximum 1095
     * @asType integer
     */
    maxAgeDays?: number;
  };
  /**
   * Longest a firm role session lasts, in hours.
   * @minimum 1
   * @maximum 12
   * @asType integer
   */
  sessionHours?: number;
}

/**
 * A 12-digit AWS account id.
 * @pattern ^[0-9]{12}$
 */
export type AccountId = string;

/**
 * An e-mail address.
 * @pattern ^[^@\s]+@[^@\s]+\.[^@\s]+$
 */
export type EmailAddress = string;

/** A `data-classification` value a document bucket may carry (CP-13). */
export type Classification = 'internal' | 'confidential' | 'privileged';
