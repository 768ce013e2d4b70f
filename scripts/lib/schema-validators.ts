import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { VALIDATED_SCHEMAS } from '../../scanner/util/validated-schemas';

export const SCHEMA_VALIDATORS_FILE = 'scanner/util/schema-validators.generated.ts';

/**
 * The validators of every schema in `VALIDATED_SCHEMAS`, as ajv's standalone code: a TypeScript module
 * (unchecked: ajv writes JavaScript) exporting `VALIDATORS`, the validate function of each schema file.
 * Compiled with the options `checkAgainstSchema` used to compile them with at run time.
 */
export function renderSchemaValidators(root: string): string {
  const ajv = new Ajv({ allErrors: false, strict: false, code: { source: true, esm: true } });
  const exports: Record<string, string> = {};
  VALIDATED_SCHEMAS.forEach((file, index) => {
    const schema = JSON.parse(readFileSync(path.join(root, file), 'utf8')) as { $id?: string };
    ajv.addSchema(schema, file);
    exports[`validate${index}`] = file;
  });
  const entries = VALIDATED_SCHEMAS.map((file, index) => `  ${JSON.stringify(file)}: validate${index},`);
  return [
    '// @ts-nocheck -- ajv writes JavaScript; the module is typed where it is used (schema-validation.ts).',
    `// Generated from the schemas in scanner/util/validated-schemas.ts by \`npm run generate\`; do not edit by hand.`,
    standaloneCode(ajv, exports),
    'export const VALIDATORS = {',
    ...entries,
    '};',
    '',
  ].join('\n');
}
