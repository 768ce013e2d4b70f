/**
 * How users write suppressions (CP-14: every accepted finding is justified, owned and expiring).
 *
 * - The central file a security team owns (`lexguard.suppressions.yaml`, or `--suppressions FILE`): its
 *   JSON Schema, `suppressions.schema.json`, is generated from `SuppressionsFile` (`npm run generate`).
 * - A resource's own `Metadata.lexguard`, so CDK users add them from code (see `scanner/cdk/suppress.ts`):
 *   its schema, `metadata.schema.json`, is generated from `LexguardMetadata`.
 */
export interface SuppressionsFile {
  suppressions: FileSuppression[];
}

/** The terms every suppression states, wherever it is written. */
export interface SuppressionTerms {
  /** The lexguard rule whose finding is accepted. */
  rule: RuleId;
  /** Why the finding is accepted: the justification an auditor reads. */
  reason: Text;
  /** Who answers for the accepted risk: a person or a team. */
  owner: Text;
  /** The last day (UTC) the suppression holds; from the next day on the finding fails again. */
  expires: IsoDate;
}

/**
 * A suppression in the central file: what it covers is named by globs (`*`, `**`, `?`, `{a,b}`), and a
 * finding is covered when every glob given matches; at least one must be given.
 */
export interface FileSuppression extends SuppressionTerms {
  /** Glob over the model id, `<template or stack>/<logical id>` (e.g. `store/Documents*`). */
  resource?: Glob;
  /** Glob over the CloudFormation logical id. */
  logical_id?: Glob;
  /** Glob over the CDK construct path (e.g. `DocumentStore/Documents/**`). */
  construct_path?: Glob;
}

/** What lexguard reads from a resource's `Metadata.lexguard`. */
export interface LexguardMetadata {
  suppressions: SuppressionTerms[];
}

/**
 * A lexguard rule id such as LG-S3-001.
 * @pattern ^LG-[A-Z0-9]+-[0-9]{3}$
 */
export type RuleId = string;

/**
 * Text that says something.
 * @minLength 1
 * @pattern \S
 */
export type Text = string;

/**
 * A calendar date, YYYY-MM-DD.
 * @pattern ^[0-9]{4}-[0-9]{2}-[0-9]{2}$
 */
export type IsoDate = string;

/**
 * A glob pattern.
 * @minLength 1
 */
export type Glob = string;
