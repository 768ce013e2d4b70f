import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { LexguardError } from '../../errors';
import { problemOf } from '../../findings/input-problem';
import type { InputProblem } from '../../findings/scan-report';
import { readTextFile } from '../read-text-file';
import { parseJsonText } from '../template/parse-template';

/** One CloudFormation stack of a cloud assembly, as its `manifest.json` describes it. */
export interface AssemblyStack {
  /** The stack's path in the app, e.g. `Storage` or `DR/Replica`: the scope of its model ids. */
  displayName: string;
  /** The name CloudFormation deploys it under. */
  stackName: string;
  templateFile: string;
  /** The folder of the (possibly nested) cloud assembly holding its template and assets. */
  assemblyDir: string;
  /** Known when the stack is bound to an environment (`aws://111122223333/eu-west-1`). */
  account?: string;
  region?: string;
  /** Construct paths by logical id, from the manifest's metadata. */
  constructPaths: Map<string, string>;
}

/** Nested cloud assemblies (stages) deeper than this are refused; CDK apps rarely nest more than 3. */
const MAX_ASSEMBLY_DEPTH = 16;

interface ManifestArtifact {
  type?: unknown;
  environment?: unknown;
  displayName?: unknown;
  properties?: Record<string, unknown>;
  metadata?: unknown;
  additionalMetadataFile?: unknown;
}

/**
 * Reads a cloud assembly's `manifest.json`: every `aws:cloudformation:stack` artifact, and the stacks of
 * every nested cloud assembly (`cdk:cloud-assembly`, what a CDK Stage synthesizes to). A manifest that
 * cannot be read stops the scan; a nested assembly that cannot be read is reported and the rest is read.
 */
export function readAssembly(dir: string, problems: InputProblem[]): AssemblyStack[] {
  const manifestFile = path.join(dir, 'manifest.json');
  if (!existsSync(manifestFile)) {
    throw new LexguardError(
      'INPUT_UNREADABLE',
      'not a cloud assembly: it has no manifest.json (synthesize the app with `cdk synth`, or use `lexguard scan cdk`)',
      { position: { file: dir } },
    );
  }
  const stacks: AssemblyStack[] = [];
  readManifest(dir, '', stacks, problems, new Set(), 0);
  return stacks;
}

function readManifest(
  dir: string,
  stagePrefix: string,
  stacks: AssemblyStack[],
  problems: InputProblem[],
  seen: Set<string>,
  depth: number,
): void {
  const real = realpathSync(dir);
  if (seen.has(real)) return;
  seen.add(real);
  const manifestFile = path.join(dir, 'manifest.json');
  const manifest = parseJsonText(manifestFile, readTextFile(manifestFile)) as { artifacts?: unknown };
  const artifacts = (
    typeof manifest.artifacts === 'object' && manifest.artifacts !== null ? manifest.artifacts : {}
  ) as Record<string, ManifestArtifact>;
  for (const [id, artifact] of Object.entries(artifacts)) {
    const properties = artifact.properties ?? {};
    if (artifact.type === 'aws:cloudformation:stack' && typeof properties.templateFile === 'string') {
      const [account, region] = environmentOf(artifact.environment);
      stacks.push({
        displayName: typeof artifact.displayName === 'string' ? artifact.displayName : `${stagePrefix}${id}`,
        stackName: typeof properties.stackName === 'string' ? properties.stackName : id,
        templateFile: path.join(dir, properties.templateFile),
        assemblyDir: dir,
        ...(account ? { account } : {}),
        ...(region ? { region } : {}),
        constructPaths: constructPaths(dir, artifact, problems),
      });
    } else if (artifact.type === 'cdk:cloud-assembly' && typeof properties.directoryName === 'string') {
      const nested = path.join(dir, properties.directoryName);
      if (depth + 1 > MAX_ASSEMBLY_DEPTH) {
        problems.push({
          code: 'INPUT_TOO_LARGE',
          message: `cloud assemblies nest deeper than ${MAX_ASSEMBLY_DEPTH} levels`,
          file: nested,
        });
        continue;
      }
      const name = typeof properties.displayName === 'string' ? properties.displayName : id;
      try {
        readManifest(nested, `${name}/`, stacks, problems, seen, depth + 1);
      } catch (thrown) {
        problems.push(problemOf(thrown, path.join(nested, 'manifest.json')));
      }
    }
  }
}

/** `aws://111122223333/eu-west-1`; CDK writes `unknown-account`/`unknown-region` for agnostic stacks. */
function environmentOf(environment: unknown): [string | undefined, string | undefined] {
  const match = typeof environment === 'string' ? /^aws:\/\/([^/]+)\/([^/]+)$/.exec(environment) : null;
  if (!match) return [undefined, undefined];
  const known = (value: string): string | undefined => (value.startsWith('unknown-') ? undefined : value);
  return [known(match[1]), known(match[2])];
}

/**
 * Construct paths by logical id, from the `aws:cdk:logicalId` entries of the artifact's metadata (in the
 * manifest, or in the file newer CDK versions write beside it). Templates also carry `aws:cdk:path` per
 * resource unless path metadata is turned off; this covers that case.
 */
function constructPaths(
  dir: string,
  artifact: ManifestArtifact,
  problems: InputProblem[],
): Map<string, string> {
  let metadata: unknown = artifact.metadata;
  if (typeof artifact.additionalMetadataFile === 'string') {
    const file = path.join(dir, artifact.additionalMetadataFile);
    try {
      metadata = parseJsonText(file, readTextFile(file));
    } catch (thrown) {
      problems.push(problemOf(thrown, file));
    }
  }
  const paths = new Map<string, string>();
  if (typeof metadata !== 'object' || metadata === null) return paths;
  for (const [constructPath, entries] of Object.entries(metadata)) {
    if (!Array.isArray(entries)) continue;
    for (const entry of entries as Array<{ type?: unknown; data?: unknown }>) {
      if (entry.type === 'aws:cdk:logicalId' && typeof entry.data === 'string') {
        paths.set(entry.data, constructPath.replace(/^\//, ''));
      }
    }
  }
  return paths;
}
