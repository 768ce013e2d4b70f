import { JSON_REPORT_SCHEMA_VERSION } from '../findings/json-report';
import { SCAN_REPORT_SCHEMA_VERSION } from '../findings/scan-report';

/**
 * Every JSON Schema lexguard validates documents against at run time, by path from the project root.
 * `npm run generate` compiles each into `schema-validators.generated.ts` (ajv's standalone code), so
 * that no run pays for loading ajv and compiling a schema: about 55 ms of a scan that reads a
 * configuration or attestations file, a sixth of a 1,000-resource scan.
 */
export const VALIDATED_SCHEMAS = [
  'scanner/config/config.schema.json',
  'scanner/suppressions/suppressions.schema.json',
  'scanner/suppressions/metadata.schema.json',
  'scanner/attestations/attestations.schema.json',
  'scanner/catalog/clauses.schema.json',
  'scanner/catalog/frameworks.schema.json',
  `docs/schema/scan-report-${JSON_REPORT_SCHEMA_VERSION}.json`,
  `docs/schema/scan-report-${SCAN_REPORT_SCHEMA_VERSION}.json`,
  'lib/config/store-context.schema.json',
  'lib/config/audit-context.schema.json',
] as const;

export type ValidatedSchema = (typeof VALIDATED_SCHEMAS)[number];
