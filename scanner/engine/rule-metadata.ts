import type { ResourceKind } from '../model/resource';
import type { SourceKind } from '../model/model';
import type { Severity } from '../findings/severity';

/**
 * What a rule judges: a kind of resource of the model, or the attestations a scan was given (practices no
 * API shows, judged from the attestations file; their findings name the attested control).
 */
export type RuleSubject = ResourceKind | 'attestation';

/**
 * A rule's metadata, read at build time from the METADATA annotation of its Rego package
 * (`custom:` holds lexguard's fields) and stored in the bundle manifest.
 */
export interface RuleMetadata {
  /** Stable id, independent of the file name, e.g. `LG-S3-001`. */
  id: string;
  /** Package path below `lexguard.checks`, e.g. `s3.encryption_cmk`: the key of its results. */
  package: string;
  /** The Rego source file, relative to the project root. */
  file: string;
  title: string;
  description: string;
  severity: Severity;
  /** Clauses of the firm's confidentiality policy the rule serves, e.g. `CP-01`. */
  clauses: string[];
  resource_kinds: RuleSubject[];
  /** Which sources can judge the rule; on any other source the rule is NOT_APPLICABLE. */
  sources: SourceKind[];
  remediation: string;
  /** The CDK property or construct call that fixes the defect, when there is one. */
  cdk?: string;
  /** Controls of external frameworks the rule serves, by framework (e.g. `{"ISO27001": ["A.8.24"]}`). */
  frameworks?: Record<string, string[]>;
}
