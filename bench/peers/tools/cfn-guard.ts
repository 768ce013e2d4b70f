/**
 * AWS CloudFormation Guard (crates.io `cfn-guard`), built with `cargo install --locked` into its own folder
 * (a build of several minutes, done once and reused), running Guard rules written for this benchmark
 * against raw CloudFormation for the five controls (`bench/peers/rules/guard/`).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Control, FindingKey } from '../../corpus/controls';
import { ensureInstalled, InstallError, peerDir, runOrThrow, tryRun } from '../install';
import { ROOT } from '../paths';
import { fileKey, type RunOutput, type Tool } from './tool';

export const CFN_GUARD_VERSION = '3.2.1';
const RULES = path.join(ROOT, 'bench', 'peers', 'rules', 'guard', 'five_controls.guard');

const RULE_CONTROL: Record<string, Control> = {
  s3_cmk_encryption: 's3-cmk-encryption',
  s3_tls_only: 's3-tls-only',
  s3_public_access_block: 's3-public-access-block',
  kms_rotation: 'kms-rotation',
  cloudtrail_log_validation: 'cloudtrail-log-validation',
};

interface GuardFileResult {
  name: string;
  not_compliant: Array<{ Rule: { name: string; checks: unknown } }>;
}

/**
 * The logical ids a failing rule's checks name: the resource of every path under /Resources/<id>/ it
 * traversed, and for a check on the keys of Resources (the TLS rule's "every bucket has a policy") the key
 * itself. The `to` side of a comparison lists what was compared against, not what failed, and is skipped.
 */
export function failingIds(checks: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(checks)) {
    for (const each of checks) failingIds(each, into);
  } else if (checks !== null && typeof checks === 'object') {
    const record = checks as Record<string, unknown>;
    const from = record.from as { path?: unknown; value?: unknown } | undefined;
    if (from?.path === '/Resources' && typeof from.value === 'string') into.add(from.value);
    if (typeof record.path === 'string') {
      const match = /^\/Resources\/([^/]+)/.exec(record.path);
      if (match) into.add(match[1]);
    }
    for (const [key, value] of Object.entries(record)) if (key !== 'to') failingIds(value, into);
  }
  return into;
}

export function cfnGuardTool(): Tool {
  const dir = peerDir('cfn-guard');
  const bin = path.join(dir, 'bin', 'cfn-guard');
  return {
    id: 'cfn-guard',
    name: 'cfn-guard',
    checks:
      'Guard rules written for this benchmark against raw CloudFormation, one per control (bench/peers/rules/guard)',
    equivalents: {
      's3-cmk-encryption': 'bench rule',
      's3-tls-only': 'bench rule (a policy without the statement fails on the policy)',
      's3-public-access-block': 'bench rule',
      'kms-rotation': 'bench rule',
      'cloudtrail-log-validation': 'bench rule',
    },
    install: () =>
      ensureInstalled(
        'cfn-guard',
        CFN_GUARD_VERSION,
        () =>
          tryRun(bin, ['--version'])
            ?.trim()
            .replace(/^cfn-guard /, ''),
        () => {
          if (!tryRun('cargo', ['--version'])) {
            throw new InstallError(
              'Rust is required to build cfn-guard; `cargo` is not on PATH (https://rustup.rs)',
            );
          }
          runOrThrow('cargo', [
            'install',
            '--locked',
            '--version',
            CFN_GUARD_VERSION,
            'cfn-guard',
            '--root',
            dir,
          ]);
        },
      ),
    command: (item) => ({
      command: bin,
      args: [
        'validate',
        '--data',
        item.path,
        '--rules',
        RULES,
        '--output-format',
        'json',
        '--show-summary',
        'none',
        '--structured',
      ],
    }),
    // 19: some rule failed; 0: every rule passed or was skipped.
    completedExitCodes: [0, 19],
    findings(output: RunOutput) {
      const results = JSON.parse(readFileSync(output.stdoutFile, 'utf8')) as GuardFileResult[];
      const failing: FindingKey[] = [];
      for (const result of results) {
        const file = fileKey(result.name);
        const policies = output.item.bucketOfPolicy?.[file] ?? {};
        for (const { Rule } of result.not_compliant) {
          const control = RULE_CONTROL[Rule.name];
          if (!control) continue;
          for (const id of failingIds(Rule.checks)) {
            failing.push({ control, file, logicalId: control === 's3-tls-only' ? (policies[id] ?? id) : id });
          }
        }
      }
      return { failing, undecided: 0 };
    },
  };
}
