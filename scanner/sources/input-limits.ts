/**
 * Limits that keep a hostile or mistaken input from exhausting time or memory. Each can be changed in the
 * configuration file (`limits:`); the defaults are documented in the README.
 */
export interface InputLimits {
  /** Largest file read, in bytes. */
  maxFileBytes: number;
  /** Deepest nesting of mappings and lists in a template (and of intrinsic functions in a value). */
  maxNestingDepth: number;
  /** Values YAML aliases may add to a document when expanded, beyond those written (alias bombs). */
  maxAliasExpansion: number;
  /**
   * Scenarios judged for a template whose conditions cannot be decided (each combination of the
   * undecidable conditions it uses is one scenario); beyond it, what depends on them is UNKNOWN.
   */
  maxScenarios: number;
  /**
   * Characters the resolved values of one template may hold in all: parameters, mapping values, `Fn::Sub`
   * variables and YAML aliases can repeat a value any number of times, and `Fn::Join` its delimiter.
   */
  maxResolvedChars: number;
}

export const DEFAULT_INPUT_LIMITS: InputLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxNestingDepth: 100,
  maxAliasExpansion: 100_000,
  maxScenarios: 16,
  maxResolvedChars: 64 * 1024 * 1024,
};
