import type { SuppressionTerms } from '../../scanner/suppressions/suppressions-file';

/**
 * When the audit deployment's lexguard waivers lapse. Reviewed once a year: from the next day on the
 * waived findings fail `cdk synth` again, so that someone re-reads the reasons and renews or fixes them.
 */
export const AUDIT_WAIVERS_EXPIRE = '2027-11-30';

/** A waiver of one lexguard rule on an audit resource, owned by whoever owns the audit deployment. */
export function auditWaiver(rule: string, reason: string, owner: string): SuppressionTerms {
  return { rule, reason, owner, expires: AUDIT_WAIVERS_EXPIRE };
}
