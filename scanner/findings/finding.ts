import type { ApiEvidence, ResourceKind } from '../model/resource';
import type { Severity } from './severity';
import type { Status } from './status';

/** Where a finding points: a place in a template, a live resource, or the scan as a whole. */
export type FindingLocation = TemplateLocation | LiveLocation | ScopeLocation;

export interface TemplateLocation {
  kind: 'template';
  file: string;
  /** Line and column of the property at fault when known, else of the resource. */
  line?: number;
  column?: number;
  logical_id: string;
  construct_path?: string;
  stack?: string;
  /** The template property at fault, e.g. `Properties.BucketEncryption`. */
  property_path?: string;
}

export interface LiveLocation {
  kind: 'live';
  arn: string;
  account: string;
  region: string;
  /** The API call whose answer decided the finding. */
  call?: string;
  evidence: ApiEvidence[];
}

/** A finding about the scan rather than one resource (a rule that could not run, or does not apply). */
export interface ScopeLocation {
  kind: 'scope';
  /** What was scanned: a template file, a cloud assembly, an account. */
  target: string;
}

/** A suppression that accepted a finding (see CP-14: reason, owner, expiry). */
export interface Waiver {
  reason: string;
  owner: string;
  expires: string;
  /** Where the suppression is written: `file:line:column`, with the logical id for a resource's Metadata. */
  source: string;
  /** Whether it is written beside the resource (its Metadata) or in the central suppressions file. */
  written_in: 'resource_metadata' | 'suppressions_file';
}

/** One rule's verdict on one resource, with everything a report shows about it. */
export interface Finding {
  rule_id: string;
  title: string;
  severity: Severity;
  clauses: string[];
  status: Status;
  message: string;
  remediation: string;
  resource: {
    /** The model id; `*` for findings about the scan as a whole. */
    id: string;
    kind: ResourceKind | 'scope';
  };
  location: FindingLocation;
  /** The model property the verdict is about, e.g. `encryption.algorithm`. */
  property?: string;
  /** Present when a suppression turned a FAIL or UNKNOWN into WAIVED. */
  waiver?: Waiver;
  /** Present when the only suppressions matching a FAIL or UNKNOWN have expired: it counts again. */
  lapsed_waiver?: Waiver;
  /** For templates with undecidable conditions: the assumption under which the finding holds. */
  scenario?: string;
  /** Controls of external frameworks the rule serves, by framework (e.g. `{"ISO27001": ["A.8.24"]}`). */
  frameworks?: Record<string, string[]>;
}
