/**
 * Checkov (PyPI), in its own virtualenv, restricted with `--check` to its own CloudFormation checks that
 * stand for the five controls. Checkov 3.3 has no CloudFormation check for a customer managed key on S3
 * (CKV_AWS_19 accepts any server-side encryption, SSE-S3 included) and none for a TLS-only bucket policy,
 * so it is shown missing those findings.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Control, FindingKey } from '../../corpus/controls';
import { ensureInstalled, installPythonPackage, peerDir, tryRun } from '../install';
import { fileKey, isDirectory, type RunOutput, type Tool } from './tool';

export const CHECKOV_VERSION = '3.3.30';

const CHECKS: Record<string, Control> = {
  CKV_AWS_19: 's3-cmk-encryption',
  CKV_AWS_53: 's3-public-access-block',
  CKV_AWS_54: 's3-public-access-block',
  CKV_AWS_55: 's3-public-access-block',
  CKV_AWS_56: 's3-public-access-block',
  CKV_AWS_7: 'kms-rotation',
  CKV_AWS_36: 'cloudtrail-log-validation',
};

interface CheckovReport {
  results?: { failed_checks?: Array<{ check_id: string; resource: string; file_path: string }> };
}

export function checkovTool(): Tool {
  const dir = peerDir('checkov');
  const bin = path.join(dir, 'bin', 'checkov');
  return {
    id: 'checkov',
    name: 'Checkov',
    checks: `its own checks ${Object.keys(CHECKS).join(', ')} (--check); --compact --quiet --skip-download`,
    equivalents: {
      's3-cmk-encryption': 'CKV_AWS_19 (any SSE, not a CMK)',
      's3-tls-only': null,
      's3-public-access-block': 'CKV_AWS_53, 54, 55, 56 (one per flag)',
      'kms-rotation': 'CKV_AWS_7',
      'cloudtrail-log-validation': 'CKV_AWS_36',
    },
    install: () =>
      ensureInstalled(
        'checkov',
        CHECKOV_VERSION,
        () => tryRun(bin, ['--version'])?.trim(),
        () => installPythonPackage(dir, 'checkov', CHECKOV_VERSION),
      ),
    command: (item) => ({
      command: bin,
      args: [
        isDirectory(item.path) ? '-d' : '-f',
        item.path,
        '--framework',
        'cloudformation',
        '--check',
        Object.keys(CHECKS).join(','),
        '--output',
        'json',
        '--compact',
        '--quiet',
        // Without it, every run first tries to download check guidelines from the vendor's platform.
        '--skip-download',
      ],
    }),
    completedExitCodes: [0, 1],
    findings(output: RunOutput) {
      const text = readFileSync(output.stdoutFile, 'utf8').trim();
      // With several frameworks Checkov prints a list; with no file it prints an empty summary.
      const parsed = JSON.parse(text || '{}') as CheckovReport | CheckovReport[];
      const reports = Array.isArray(parsed) ? parsed : [parsed];
      const failing = new Map<string, FindingKey>();
      for (const check of reports.flatMap((report) => report.results?.failed_checks ?? [])) {
        const control = CHECKS[check.check_id];
        if (!control) continue;
        // "AWS::S3::Bucket.Bucket0x0": the logical id follows the type. Four PAB checks make one finding.
        const logicalId = check.resource.slice(check.resource.lastIndexOf('.') + 1);
        const finding = { control, file: fileKey(check.file_path), logicalId };
        failing.set(`${control} ${finding.file} ${logicalId}`, finding);
      }
      return { failing: [...failing.values()], undecided: 0 };
    },
  };
}
