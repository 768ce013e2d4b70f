import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { LexguardError } from '../../errors';
import { readTextFile } from '../read-text-file';
import { parseJsonText } from '../template/parse-template';

export interface SynthOptions {
  /** The folder holding the user's `cdk.json`. */
  cwd: string;
  /** How long the app may run. */
  timeoutMs?: number;
}

/** Lines of the app's output a failure shows. */
const TAIL_LINES = 20;

/**
 * Synthesizes the CDK app of a project the way `cdk synth` does, without the CDK CLI: runs the `app`
 * command of `cdk.json` with the environment the CLI gives it (`CDK_OUTDIR`, and the context of
 * `cdk.json` and `cdk.context.json` in `CDK_CONTEXT_JSON`), offline and without AWS credentials.
 * Returns the cloud assembly folder (`output` of `cdk.json`, else `cdk.out`). A failing app is an error
 * that ends with the tail of its output.
 */
export function synthesizeApp(options: SynthOptions): string {
  // Named as the user sees it from where lexguard runs.
  const configFile = path.relative(process.cwd(), path.join(options.cwd, 'cdk.json'));
  if (!existsSync(configFile)) {
    throw new LexguardError('USAGE', 'no cdk.json here: run `lexguard scan cdk` in a CDK project', {
      position: { file: options.cwd },
    });
  }
  const config = parseJsonText(configFile, readTextFile(configFile)) as Record<string, unknown>;
  if (typeof config.app !== 'string' || config.app.trim() === '') {
    throw new LexguardError('CONFIG_INVALID', 'cdk.json has no "app" command to synthesize', {
      position: { file: configFile },
    });
  }
  const outdir = path.resolve(options.cwd, typeof config.output === 'string' ? config.output : 'cdk.out');
  mkdirSync(outdir, { recursive: true });
  const result = spawnSync(config.app, {
    cwd: options.cwd,
    shell: true,
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 5 * 60 * 1000,
    maxBuffer: 64 * 1024 * 1024,
    env: {
      ...cleanEnvironment(),
      CDK_OUTDIR: outdir,
      CDK_CONTEXT_JSON: JSON.stringify(contextOf(options.cwd, config)),
    },
  });
  if (result.error || result.status !== 0) {
    const how = result.error
      ? result.error.message
      : result.signal
        ? `was stopped by ${result.signal}`
        : `exited with code ${String(result.status)}`;
    const tail = `${result.stderr ?? ''}${result.stdout ?? ''}`.trimEnd().split('\n').slice(-TAIL_LINES);
    throw new LexguardError(
      'SYNTH_FAILED',
      `the CDK app (${config.app}) ${how}${tail.length > 0 && tail[0] !== '' ? `; the end of its output:\n  ${tail.join('\n  ')}` : ''}`,
      { position: { file: configFile } },
    );
  }
  return outdir;
}

/** The context the CDK CLI gives an app: settings from `cdk.json`, then its `context`, then `cdk.context.json`. */
function contextOf(cwd: string, config: Record<string, unknown>): Record<string, unknown> {
  const saved = path.join(cwd, 'cdk.context.json');
  const cached = existsSync(saved)
    ? (parseJsonText(saved, readTextFile(saved)) as Record<string, unknown>)
    : {};
  return {
    'aws:cdk:enable-path-metadata': config.pathMetadata ?? true,
    'aws:cdk:enable-asset-metadata': config.assetMetadata ?? true,
    'aws:cdk:version-reporting': config.versionReporting ?? true,
    'aws:cdk:bundling-stacks': ['**'],
    ...(typeof config.context === 'object' && config.context !== null ? config.context : {}),
    ...cached,
  };
}

/** The environment without AWS credentials: a synth must not reach AWS (lookups fail instead). */
function cleanEnvironment(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of Object.keys(env)) {
    if (/^AWS_(ACCESS_KEY_ID|SECRET_ACCESS_KEY|SESSION_TOKEN|PROFILE)$/.test(name)) delete env[name];
  }
  return env;
}
