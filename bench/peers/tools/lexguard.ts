/**
 * lexguard itself, run as a user runs it: the compiled CLI (`node dist/bin/lexguard.js scan template …`),
 * with a JSON report and `--timings`. Two variants: every rule of the bundle, and only its equivalents of
 * the five compared controls (the other rules skipped through `rules.skip` in a configuration file), so
 * the like-for-like figure and the everyday figure are both measured.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CONTROLS, type Control, type FindingKey } from '../../corpus/controls';
import { InstallError, type Installed } from '../install';
import { ROOT } from '../paths';
import { fileKey, type RunOutput, type Tool, type ToolFindings } from './tool';

const CLI = path.join(ROOT, 'dist', 'bin', 'lexguard.js');
const MANIFEST = path.join(ROOT, 'dist', 'policy', 'manifest.json');
/** Where the benchmark's templates are "deployed": without it, rules that need the account answer UNKNOWN. */
const DEPLOYMENT = ['-p', 'AWS::Region=eu-west-1', '-p', 'AWS::AccountId=111122223333'];

interface ManifestRule {
  id: string;
  title: string;
  resource_kinds: string[];
}

interface ReportFinding {
  rule_id: string;
  status: string;
  location?: { file?: string; logical_id?: string };
}

/** The rules of the compiled bundle. */
export function bundleRules(): ManifestRule[] {
  if (!existsSync(MANIFEST))
    throw new InstallError(`${path.relative(ROOT, MANIFEST)} is missing: run npm run build`);
  return (JSON.parse(readFileSync(MANIFEST, 'utf8')) as { rules: ManifestRule[] }).rules;
}

/**
 * lexguard's rule for each control. The four whose rules exist are named; the CloudTrail one is looked up
 * by what it judges (a trail, log file validation), so a build that adds it is measured without editing
 * the benchmark, and a build without it is shown missing those findings.
 */
export function lexguardEquivalents(rules: readonly ManifestRule[]): Record<Control, string | null> {
  const has = (id: string): string | null => (rules.some((rule) => rule.id === id) ? id : null);
  const trail = rules.find(
    (rule) => rule.resource_kinds.some((kind) => /trail/i.test(kind)) && /validat/i.test(rule.title),
  );
  return {
    's3-cmk-encryption': has('LG-S3-001'),
    's3-tls-only': has('LG-S3-003'),
    's3-public-access-block': has('LG-S3-005'),
    'kms-rotation': has('LG-KMS-001'),
    'cloudtrail-log-validation': trail?.id ?? null,
  };
}

export function lexguardTool(variant: 'full' | 'five', outDir: string): Tool {
  const rules = bundleRules();
  const equivalents = lexguardEquivalents(rules);
  const controlOf = new Map<string, Control>(
    CONTROLS.flatMap((control) => (equivalents[control] ? [[equivalents[control], control] as const] : [])),
  );
  const configFile = path.join(outDir, `lexguard-${variant}.config.yaml`);
  const skipped = variant === 'five' ? rules.map((rule) => rule.id).filter((id) => !controlOf.has(id)) : [];
  // All rules run with the default configuration, as a user without a configuration file runs them; an empty
  // file is given only if one lies in the folder lexguard runs in, so that it cannot change what is measured.
  const config =
    variant === 'five' || existsSync(path.join(ROOT, 'lexguard.config.yaml')) ? ['-c', configFile] : [];
  return {
    id: `lexguard-${variant}`,
    name: variant === 'full' ? 'lexguard (all rules)' : 'lexguard (five controls)',
    checks:
      variant === 'full'
        ? `all ${rules.length} rules of its bundle, default configuration`
        : `its ${controlOf.size} rules for the five controls (${[...controlOf.keys()].join(', ')}); the other ${skipped.length} skipped with rules.skip`,
    equivalents,
    install(): Installed {
      if (!existsSync(CLI))
        throw new InstallError(`${path.relative(ROOT, CLI)} is missing: run npm run build`);
      writeFileSync(
        configFile,
        variant === 'five' ? `rules:\n  skip:\n${skipped.map((id) => `    - ${id}\n`).join('')}` : '{}\n',
      );
      const version = (
        JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }
      ).version;
      const digest = (JSON.parse(readFileSync(MANIFEST, 'utf8')) as { source_digest: string }).source_digest;
      return { version: `${version} (policy ${digest.slice(0, 12)})`, action: 'reused', seconds: 0 };
    },
    command: (item, reportFile) => ({
      command: process.execPath,
      args: [
        CLI,
        'scan',
        'template',
        item.path,
        '--format',
        'json',
        '--output',
        reportFile,
        ...config,
        ...DEPLOYMENT,
        '--timings',
      ],
      cwd: ROOT,
    }),
    completedExitCodes: [0, 1],
    findings(output: RunOutput): ToolFindings {
      const report = JSON.parse(readFileSync(output.reportFile, 'utf8')) as { findings: ReportFinding[] };
      const failing: FindingKey[] = [];
      let undecided = 0;
      for (const finding of report.findings) {
        const control = controlOf.get(finding.rule_id);
        if (!control) continue;
        if (finding.status === 'UNKNOWN' || finding.status === 'ERROR') undecided++;
        if (finding.status !== 'FAIL') continue;
        failing.push({
          control,
          file: fileKey(finding.location?.file ?? ''),
          logicalId: finding.location?.logical_id ?? '',
        });
      }
      return { failing, undecided };
    },
  };
}

/** The phases `--timings` printed on standard error, in milliseconds. */
export function readTimings(stderrFile: string): Record<string, number> | undefined {
  const line = readFileSync(stderrFile, 'utf8')
    .split('\n')
    .find((text) => text.startsWith('lexguard: timings (ms):'));
  if (!line) return undefined;
  return Object.fromEntries(
    [...line.matchAll(/(\w+)=(\d+(?:\.\d+)?)/g)].map(([, name, value]) => [name, Number(value)]),
  );
}
