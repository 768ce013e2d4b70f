import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { LexguardError } from '../../scanner/errors';
import { projectRoot } from '../../scanner/util/project-root';

/**
 * The audit functions' code: one folder `npm run build` fills (scripts/build-lambda.ts), deployed as one
 * Lambda asset. It is laid out like an installed lexguard so that the library finds its parts as it does
 * anywhere: `package.json` (name and version), the bundled handlers, `dist/policy/` (the Wasm policy
 * bundle), `scanner/config/config.schema.json`, and Chart.js beside the handlers for the HTML report.
 */
export const LAMBDA_BUNDLE_DIR = path.join('dist', 'lambda', 'audit');

/** Handler files of the bundle (`<name>.js`, exporting `handler`), by the source they are built from. */
export const AUDIT_HANDLERS = {
  'list-targets': 'lib/lambda/audit/list-targets.ts',
  'collect-region': 'lib/lambda/audit/collect-region.ts',
  'judge-account': 'lib/lambda/audit/judge-account.ts',
  finalise: 'lib/lambda/audit/finalise.ts',
} as const;

export type AuditHandlerName = keyof typeof AUDIT_HANDLERS;

/** Files copied into the bundle as they are, by their path in the project (and in the bundle). */
export const COPIED_FILES = [
  'dist/policy/lexguard.wasm',
  'dist/policy/manifest.json',
  'scanner/config/config.schema.json',
] as const;

export const BUNDLE_MANIFEST = 'bundle-manifest.json';

/** What the bundle was built from: every input file (sources, node_modules, copied files) and its SHA-256. */
export interface LambdaBundleManifest {
  format: 1;
  version: string;
  inputs: Record<string, string>;
}

export function sha256Of(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/**
 * The bundle's folder, refused when it is missing or older than what it was built from: deploying it
 * would ship yesterday's handlers or rules. `npm run build` rebuilds it.
 */
export function freshLambdaBundle(root: string = projectRoot()): string {
  const dir = path.join(root, LAMBDA_BUNDLE_DIR);
  const manifestFile = path.join(dir, BUNDLE_MANIFEST);
  if (!existsSync(manifestFile)) {
    throw new LexguardError(
      'POLICY_BUNDLE_MISSING',
      `the audit functions' bundle is missing from ${LAMBDA_BUNDLE_DIR}; build it with \`npm run build\``,
    );
  }
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as LambdaBundleManifest;
  const version = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string })
    .version;
  const changed = Object.entries(manifest.inputs)
    .filter(([file, digest]) => {
      const absolute = path.join(root, file);
      return !existsSync(absolute) || sha256Of(absolute) !== digest;
    })
    .map(([file]) => file);
  if (manifest.version !== version) changed.unshift(`package.json (version ${version})`);
  if (changed.length > 0) {
    const more = changed.length > 3 ? ` and ${changed.length - 3} more` : '';
    throw new LexguardError(
      'POLICY_BUNDLE_STALE',
      `the audit functions' bundle is stale: ${changed.slice(0, 3).join(', ')}${more} changed since it was built; rebuild it with \`npm run build\``,
    );
  }
  return dir;
}
