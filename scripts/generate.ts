/**
 * Writes the files lexguard generates from its sources and commits, or with `--check` fails when a
 * committed one is stale:
 *   policies/schema/input.json     the rules' input schema, generated from the model's TypeScript types
 *   scanner/config/config.schema.json   the configuration file's schema, from `ConfigFile`
 *   scanner/suppressions/*.schema.json  the suppressions file's and resource Metadata's schemas
 *   scanner/attestations/attestations.schema.json  the attestations file's schema, from `AttestationsFile`
 *   policies/lib/attested_controls.rego the catalog's attested control ids, for the rule that judges them
 *   docs/schema/scan-report-2.0.json    the JSON report's published schema, from `JsonReport`
 *   docs/schema/scan-report-1.0.json    the scan report's own layout (history records, older JSON reports), from `ScanReport`
 *   scanner/catalog/*.schema.json       the control catalog files' schemas, from `ClausesFile` and `FrameworksFile`
 *   docs/rules.md                       the rules reference, from the rules' METADATA and the catalog
 *   lib/config/store-context.schema.json   the document store's cdk.json context schema, from `StoreContext`
 *   lib/config/audit-context.schema.json   the audit scanner's cdk.json context schema, from `AuditContext`
 *   scanner/util/schema-validators.generated.ts  every schema above that validates documents at run time,
 *                                       compiled to JavaScript once (ajv's standalone code)
 */
import { Command } from 'commander';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createGenerator } from 'ts-json-schema-generator';
import { catalogView } from '../scanner/catalog/catalog-view';
import { CATALOG_SCHEMAS, readCatalog } from '../scanner/catalog/read-catalog';
import { catalogMarkdown } from '../scanner/catalog/render/markdown';
import { JSON_REPORT_SCHEMA_VERSION } from '../scanner/findings/json-report';
import { SCAN_REPORT_SCHEMA_VERSION } from '../scanner/findings/scan-report';
import { ATTESTED_CONTROLS_REGO, attestedControlsRego } from './lib/attested-controls-rego';
import { INPUT_SCHEMA_FILE, POLICIES_DIR, ROOT } from './lib/opa-tool';
import { readRuleMetadata } from './lib/rule-annotations';
import { withoutEvidence, type JsonSchemaDocument } from './lib/rule-input-schema';
import { renderSchemaValidators, SCHEMA_VALIDATORS_FILE } from './lib/schema-validators';

interface GeneratedFile {
  file: string;
  render: () => string;
}

const GENERATED: GeneratedFile[] = [
  {
    file: INPUT_SCHEMA_FILE,
    render: () =>
      renderSchema('scanner/model/model.ts', 'Model', 'input.json', "lexguard rules' input", withoutEvidence),
  },
  {
    file: path.join(ROOT, 'scanner', 'config', 'config.schema.json'),
    render: () =>
      renderSchema('scanner/config/config-file.ts', 'ConfigFile', 'config.json', 'lexguard configuration'),
  },
  {
    file: path.join(ROOT, 'scanner', 'suppressions', 'suppressions.schema.json'),
    render: () =>
      renderSchema(
        'scanner/suppressions/suppressions-file.ts',
        'SuppressionsFile',
        'suppressions.json',
        'lexguard suppressions file',
      ),
  },
  {
    file: path.join(ROOT, 'scanner', 'suppressions', 'metadata.schema.json'),
    render: () =>
      renderSchema(
        'scanner/suppressions/suppressions-file.ts',
        'LexguardMetadata',
        'metadata.json',
        "lexguard suppressions in a resource's Metadata",
      ),
  },
  {
    file: path.join(ROOT, 'scanner', 'attestations', 'attestations.schema.json'),
    render: () =>
      renderSchema(
        'scanner/attestations/attestations-file.ts',
        'AttestationsFile',
        'attestations.json',
        'lexguard attestations file',
      ),
  },
  {
    // Before the catalog is read: the rule that judges attestations imports it.
    file: path.join(ROOT, ATTESTED_CONTROLS_REGO),
    render: () => attestedControlsRego(POLICIES_DIR),
  },
  {
    file: path.join(ROOT, 'docs', 'schema', `scan-report-${JSON_REPORT_SCHEMA_VERSION}.json`),
    render: () =>
      renderSchema(
        'scanner/findings/json-report.ts',
        'JsonReport',
        `scan-report-${JSON_REPORT_SCHEMA_VERSION}.json`,
        `lexguard JSON report, schema_version ${JSON_REPORT_SCHEMA_VERSION}`,
      ),
  },
  {
    file: path.join(ROOT, 'docs', 'schema', `scan-report-${SCAN_REPORT_SCHEMA_VERSION}.json`),
    render: () =>
      renderSchema(
        'scanner/findings/scan-report.ts',
        'ScanReport',
        `scan-report-${SCAN_REPORT_SCHEMA_VERSION}.json`,
        `lexguard scan report, schema_version ${SCAN_REPORT_SCHEMA_VERSION}`,
      ),
  },
  {
    file: path.join(ROOT, CATALOG_SCHEMAS.clauses),
    render: () =>
      renderSchema('scanner/catalog/catalog.ts', 'ClausesFile', 'clauses.json', 'lexguard policy clauses'),
  },
  {
    file: path.join(ROOT, CATALOG_SCHEMAS.frameworks),
    render: () =>
      renderSchema(
        'scanner/catalog/catalog.ts',
        'FrameworksFile',
        'frameworks.json',
        'lexguard framework mappings',
      ),
  },
  {
    // After the catalog schemas: reading the catalog validates it against them.
    file: path.join(ROOT, 'docs', 'rules.md'),
    render: () => {
      const rules = readRuleMetadata();
      return catalogMarkdown.render(catalogView(readCatalog(POLICIES_DIR, rules), rules));
    },
  },
  {
    file: path.join(ROOT, 'lib', 'config', 'store-context.schema.json'),
    render: () =>
      renderSchema(
        'lib/config/store-context.ts',
        'StoreContext',
        'store-context.json',
        'lexguard document store context (cdk.json documentStore)',
      ),
  },
  {
    file: path.join(ROOT, 'lib', 'config', 'audit-context.schema.json'),
    render: () =>
      renderSchema(
        'lib/config/audit-context.ts',
        'AuditContext',
        'audit-context.json',
        'lexguard audit scanner context (cdk.json auditScanner)',
      ),
  },
  {
    // Last: compiled from the schemas above as written.
    file: path.join(ROOT, SCHEMA_VALIDATORS_FILE),
    render: () => renderSchemaValidators(ROOT),
  },
];

/** A JSON Schema generated from a TypeScript type, with no other properties allowed. */
function renderSchema(
  source: string,
  type: string,
  id: string,
  title: string,
  adapt: (schema: JsonSchemaDocument) => JsonSchemaDocument = (schema) => schema,
): string {
  const generator = createGenerator({
    path: path.join(ROOT, source),
    tsconfig: path.join(ROOT, 'tsconfig.json'),
    type,
    skipTypeCheck: true,
    additionalProperties: false,
  });
  const schema = {
    $id: `https://lexguard.dev/schema/${id}`,
    title,
    description: `Generated from ${source} by \`npm run generate\`; do not edit by hand.`,
    ...adapt(generator.createSchema(type) as JsonSchemaDocument),
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

const program = new Command('generate')
  .description('write or check the generated files')
  .option('--check', 'fail when a committed generated file is stale, writing nothing')
  .action((options: { check?: boolean }) => {
    const stale: string[] = [];
    for (const { file, render } of GENERATED) {
      const wanted = render();
      const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
      if (current === wanted) continue;
      if (options.check) {
        stale.push(path.relative(ROOT, file));
      } else {
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, wanted);
        console.log(`generate: wrote ${path.relative(ROOT, file)}`);
      }
    }
    if (stale.length > 0) {
      console.error(
        `generated files are stale: ${stale.join(', ')}; run \`npm run generate\` and commit them`,
      );
      process.exit(1);
    }
  });
program.parse();
