import type { LeafSource } from './leaf';

/**
 * An IAM-style policy document (identity policy, trust policy, bucket policy, key policy) in one shape,
 * whatever the source: single values become lists, condition keys are lower-cased (IAM compares them
 * case-insensitively) and condition values become strings, as IAM compares them.
 */
export interface PolicyDocument {
  statements: PolicyStatement[];
}

export interface PolicyStatement {
  sid: string | null;
  effect: 'Allow' | 'Deny';
  /** `null` when the statement has no `Principal` element (identity policies). */
  principals: Principals | null;
  /** `null` when the statement has no `NotPrincipal` element. */
  not_principals: Principals | null;
  actions: string[];
  not_actions: string[];
  resources: string[];
  not_resources: string[];
  conditions: PolicyCondition[];
  /**
   * Paths inside the statement whose value could not be resolved (e.g. `Condition.StringEquals.aws:SourceVpce`
   * held an `Fn::ImportValue`). A rule that would decide on such a statement answers UNKNOWN instead.
   */
  unresolved: string[];
  at?: LeafSource;
}

export interface Principals {
  /** `"Principal": "*"` or `{"AWS": "*"}`: anyone, including anonymous callers. */
  wildcard: boolean;
  aws: string[];
  service: string[];
  federated: string[];
  canonical_user: string[];
}

export interface PolicyCondition {
  /** The operator as written, without `IfExists` or set qualifiers, e.g. `Bool`, `NumericLessThan`. */
  operator: string;
  /** `ForAnyValue` / `ForAllValues` when the operator carried one. */
  qualifier: 'ForAnyValue' | 'ForAllValues' | null;
  if_exists: boolean;
  /** Lower-cased condition key, e.g. `aws:securetransport`. */
  key: string;
  values: string[];
}
