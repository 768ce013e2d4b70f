/**
 * The control catalog: the firm's policy clauses with their attested controls (`policies/catalog/
 * clauses.yaml`) and the framework controls each rule or attested control helps meet
 * (`policies/catalog/frameworks.yaml`). The file types below generate the files' JSON Schemas
 * (`npm run generate`); the policy build validates both files and carries the catalog into the bundle
 * manifest, so reports can show clauses and frameworks without the source tree.
 */

export interface ClausesFile {
  /** @minItems 1 */
  clauses: Clause[];
}

export interface Clause {
  id: ClauseId;
  /** @minLength 1 */
  title: string;
  /**
   * The clause as the firm's written policy states it.
   * @minLength 1
   */
  policy: string;
  /**
   * What makes the clause checkable on AWS.
   * @minLength 1
   */
  checkable: string;
  /** Practices no API can show, confirmed by an attestation instead. */
  attested_controls?: AttestedControl[];
}

export interface AttestedControl {
  /** `<clause id>.<practice>`, e.g. `CP-15.training`: the key of the attestation that confirms it. */
  id: AttestedControlId;
  /** @minLength 1 */
  title: string;
  /** @minLength 1 */
  description: string;
  /**
   * What an attestation must point to.
   * @minLength 1
   */
  evidence: string;
}

export interface FrameworksFile {
  /** @minItems 1 */
  frameworks: Framework[];
  /**
   * For each rule id or attested control id, the controls it helps meet, by framework id. A rule no
   * framework control names is left out.
   */
  mappings: Record<string, FrameworkControls>;
}

export interface Framework {
  /**
   * Short id used in mappings, e.g. `nist-800-53`.
   * @pattern ^[a-z0-9]+(-[a-z0-9]+)*$
   */
  id: string;
  /** @minLength 1 */
  name: string;
  /**
   * The version the mappings cite, e.g. `v3.0.0`, `Revision 5`.
   * @minLength 1
   */
  version: string;
  /**
   * A regular expression every control id of this framework matches, so a mistyped control is refused.
   * @minLength 1
   */
  control_pattern: string;
}

/** Control ids by framework id. */
export type FrameworkControls = Record<string, ControlList>;

/**
 * @minItems 1
 * @uniqueItems true
 */
export type ControlList = ControlId[];

/** @minLength 1 */
export type ControlId = string;

/**
 * A clause of the firm's policy, CP-01 … CP-15.
 * @pattern ^CP-[0-9]{2}$
 */
export type ClauseId = string;

/**
 * @pattern ^CP-[0-9]{2}\.[a-z0-9]+(-[a-z0-9]+)*$
 */
export type AttestedControlId = string;

/** The catalog as the bundle manifest carries it. */
export interface Catalog {
  clauses: Clause[];
  frameworks: Framework[];
  mappings: Record<string, FrameworkControls>;
}

export const CATALOG_FILES = {
  clauses: 'clauses.yaml',
  frameworks: 'frameworks.yaml',
} as const;
