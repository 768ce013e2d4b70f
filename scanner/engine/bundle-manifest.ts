import type { Catalog } from '../catalog/catalog';
import type { RuleMetadata } from './rule-metadata';

/** The manifest written beside the compiled Wasm policy by `scripts/build-policies.ts`. */
export interface BundleManifest {
  /** Version of this manifest's layout. */
  format: 1;
  opa_version: string;
  /** SHA-256 of each Rego source and catalog file the bundle was built from, by path below `policies/`. */
  sources: Record<string, string>;
  /** One digest over `sources`: the policy version shown in every report. */
  source_digest: string;
  /** SHA-256 of the Wasm module. */
  wasm_sha256: string;
  /** The entrypoint that evaluates every rule at once. */
  main_entrypoint: string;
  rules: RuleMetadata[];
  /** The control catalog the rules were built with: clauses, attested controls, framework mappings. */
  catalog: Catalog;
}

export const BUNDLE_FILES = {
  wasm: 'lexguard.wasm',
  manifest: 'manifest.json',
} as const;
