/**
 * What a rule concluded about one resource.
 * - PASS: the control holds; kept as audit evidence.
 * - FAIL: the control is broken.
 * - UNKNOWN: the values needed to decide could not be read or resolved. Never counted as passing.
 * - NOT_APPLICABLE: the control does not concern this resource or this source (a live-only rule on a template).
 * - WAIVED: a FAIL or UNKNOWN accepted by a current suppression (reason, owner, expiry).
 * - ERROR: the rule itself could not be evaluated; a visible result, never a silent pass.
 */
export const STATUSES = ['FAIL', 'ERROR', 'UNKNOWN', 'WAIVED', 'PASS', 'NOT_APPLICABLE'] as const;
export type Status = (typeof STATUSES)[number];

/** The statuses a rule may return; WAIVED and ERROR are decided outside the rules. */
export const RULE_STATUSES = ['PASS', 'FAIL', 'UNKNOWN', 'NOT_APPLICABLE'] as const;
export type RuleStatus = (typeof RULE_STATUSES)[number];

export function isRuleStatus(value: unknown): value is RuleStatus {
  return typeof value === 'string' && (RULE_STATUSES as readonly string[]).includes(value);
}

/**
 * Statuses that leave a finding open, needing someone's action: a broken control, a rule that could not
 * run, or a control nobody could verify. History dates them and reports age them against deadlines.
 */
export const OPEN_STATUSES: ReadonlySet<Status> = new Set<Status>(['FAIL', 'ERROR', 'UNKNOWN']);

export function isOpen(status: Status): boolean {
  return OPEN_STATUSES.has(status);
}
