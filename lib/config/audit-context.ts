import type { RegionName } from '../../scanner/config/config-file';
import type { AccountId, EmailAddress } from './store-context';

/**
 * The scheduled audit scan's configuration as it is written in `cdk.json` under the context key
 * `auditScanner`. Every key is optional: left out, the scan reads the document store's own account in
 * its approved regions every night and reports to the store's alert address. Its JSON Schema,
 * `audit-context.schema.json`, is generated from this type (`npm run generate`) and every synth validates
 * the context against it before a construct is built.
 */
export interface AuditContext {
  /** The account the audit stack (schedule, state machine, functions, reports) is deployed into. */
  account?: AccountId;
  /** Its region; one of the store's approved regions (the reports describe the client estate). */
  region?: RegionName;
  /**
   * When scans start: an EventBridge Scheduler `cron(minutes hours day-of-month month day-of-week year)`
   * or `rate(value unit)` expression.
   * @pattern ^(cron\([^()]+\)|rate\([1-9][0-9]* (minute|minutes|hour|hours|day|days)\))$
   */
  schedule?: string;
  /**
   * The IANA time zone a cron schedule is read in, e.g. `Europe/London`.
   * @pattern ^(UTC|[A-Z][A-Za-z_]+(/[A-Za-z0-9_+-]+){1,2})$
   */
  scheduleTimeZone?: string;
  /**
   * Scan every active account of the AWS Organization, listed at each run. The audit account must then
   * be the organization's management account or a delegated administrator for AWS Organizations.
   */
  organization?: boolean;
  /**
   * The accounts scanned when `organization` is not set.
   * @minItems 1
   * @uniqueItems true
   */
  accounts?: AccountId[];
  /**
   * The regions read in every account.
   * @minItems 1
   * @uniqueItems true
   */
  regions?: RegionName[];
  /**
   * Accounts scanned at once: the Distributed Map's `MaxConcurrency`. Every region of an account is read
   * at once, so up to this many times the number of regions functions run side by side.
   * @minimum 1
   * @maximum 100
   * @asType integer
   */
  maxConcurrentAccounts?: number;
  /**
   * The name of the read-only role in every scanned account.
   * @pattern ^[A-Za-z0-9+=,.@_-]{1,64}$
   */
  scannerRoleName?: string;
  /** Who is told of new critical findings and of accounts or regions a scan could not read. */
  notifyEmail?: EmailAddress;
  /**
   * Accounts given the scanner role by a stack of this app (`cdk deploy`), one stack per account. By
   * default the scanned accounts, or with `organization` the audit account only (a service-managed
   * StackSet never deploys to the management account).
   * @uniqueItems true
   */
  scannerRoleStacks?: AccountId[];
  /**
   * Deploys the scanner role to every account of these organizational units, and to accounts that join
   * them later, by a service-managed CloudFormation StackSet. Needs `organization`.
   */
  stackSet?: {
    /** @minItems 1 @uniqueItems true */
    organizationalUnitIds: OrganizationalUnitId[];
    /**
     * `SELF` when the audit account is the management account, `DELEGATED_ADMIN` when it is a delegated
     * administrator for StackSets.
     */
    callAs?: 'SELF' | 'DELEGATED_ADMIN';
  };
}

/**
 * An AWS Organizations organizational unit id (or the root's id).
 * @pattern ^(ou-[a-z0-9]{4,32}-[a-z0-9]{8,32}|r-[a-z0-9]{4,32})$
 */
export type OrganizationalUnitId = string;
