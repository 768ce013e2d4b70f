/**
 * cfn-lint (PyPI), in its own virtualenv, with its default rules. It is a linter: it checks a template's
 * syntax, resource schemas, property values, references and service limits, and none of its rules judges
 * the five compared controls (its rules never read EnableKeyRotation, EnableLogFileValidation, SSE settings,
 * Block Public Access or aws:SecureTransport), so only its time and its own problem count are reported.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ensureInstalled, installPythonPackage, peerDir, tryRun } from '../install';
import { isDirectory, type RunOutput, type Tool } from './tool';

export const CFN_LINT_VERSION = '1.58.0';

export function cfnLintTool(): Tool {
  const dir = peerDir('cfn-lint');
  const bin = path.join(dir, 'bin', 'cfn-lint');
  return {
    id: 'cfn-lint',
    name: 'cfn-lint',
    checks: 'its default rules (syntax, resource schemas, values, references, limits): none of the five',
    equivalents: {
      's3-cmk-encryption': null,
      's3-tls-only': null,
      's3-public-access-block': null,
      'kms-rotation': null,
      'cloudtrail-log-validation': null,
    },
    install: () =>
      ensureInstalled(
        'cfn-lint',
        CFN_LINT_VERSION,
        () =>
          tryRun(bin, ['--version'])
            ?.trim()
            .replace(/^cfn-lint /, ''),
        () => installPythonPackage(dir, 'cfn-lint', CFN_LINT_VERSION),
      ),
    command: (item) => ({
      command: bin,
      // cfn-lint expands glob patterns itself.
      args: [
        '--format',
        'json',
        '--',
        ...(isDirectory(item.path)
          ? [path.join(item.path, '*.json'), path.join(item.path, '*.yaml')]
          : [item.path]),
      ],
    }),
    // Exit codes are flags: 2 errors, 4 warnings, 8 informational; 1 means cfn-lint itself failed.
    completedExitCodes: [0, 2, 4, 6, 8, 10, 12, 14],
    findings: () => undefined,
    problems: (output: RunOutput) =>
      (JSON.parse(readFileSync(output.stdoutFile, 'utf8') || '[]') as unknown[]).length,
  };
}
