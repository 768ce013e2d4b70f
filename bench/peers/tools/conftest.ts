/**
 * Conftest (Go module), built from the benchmark's own Go tools module (`bench/peers/go/conftest`, whose
 * go.mod and go.sum pin it and every dependency), running Rego rules written for raw CloudFormation for the
 * five controls (`bench/peers/rules/conftest/`). It is the plain-OPA way to do what lexguard does.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CONTROLS, type Control, type FindingKey } from '../../corpus/controls';
import { ensureInstalled, InstallError, peerDir, runOrThrow, tryRun } from '../install';
import { ROOT } from '../paths';
import { fileKey, type RunOutput, type Tool } from './tool';

const MODULE_DIR = path.join(ROOT, 'bench', 'peers', 'go', 'conftest');
const POLICY_DIR = path.join(ROOT, 'bench', 'peers', 'rules', 'conftest');
const MODULE = 'github.com/open-policy-agent/conftest';

/** The version go.mod pins, without its "v". */
export function conftestVersion(): string {
  const match = new RegExp(`${MODULE} v(\\S+)`).exec(readFileSync(path.join(MODULE_DIR, 'go.mod'), 'utf8'));
  if (!match) throw new InstallError(`${path.relative(ROOT, MODULE_DIR)}/go.mod does not require ${MODULE}`);
  return match[1];
}

interface ConftestResult {
  filename: string;
  failures?: Array<{ msg: string }>;
}

export function conftestTool(): Tool {
  const dir = peerDir('conftest');
  const bin = path.join(dir, 'bin', 'conftest');
  const version = conftestVersion();
  return {
    id: 'conftest',
    name: 'Conftest',
    checks:
      'Rego rules written for this benchmark against raw CloudFormation, one per control (bench/peers/rules/conftest)',
    equivalents: {
      's3-cmk-encryption': 'bench rule',
      's3-tls-only': 'bench rule',
      's3-public-access-block': 'bench rule',
      'kms-rotation': 'bench rule',
      'cloudtrail-log-validation': 'bench rule',
    },
    install: () =>
      ensureInstalled(
        'conftest',
        version,
        () => /^Conftest: (\S+)/m.exec(tryRun(bin, ['--version']) ?? '')?.[1],
        () => {
          if (!tryRun('go', ['version']))
            throw new InstallError('Go is required to build Conftest; `go` is not on PATH');
          // Conftest's releases set their version the same way; `go build` from a module that requires it
          // honours go.sum and ignores any replace directive of Conftest's own go.mod.
          runOrThrow(
            'go',
            [
              'build',
              '-trimpath',
              '-ldflags',
              `-X ${MODULE}/internal/version.Version=${version}`,
              '-o',
              bin,
              MODULE,
            ],
            { cwd: MODULE_DIR, env: { GOTOOLCHAIN: 'local', GOFLAGS: '-mod=readonly' } },
          );
        },
      ),
    command: (item) => ({
      command: bin,
      args: ['test', item.path, '--policy', POLICY_DIR, '--output', 'json', '--no-color'],
    }),
    // 1: a rule denied something.
    completedExitCodes: [0, 1],
    findings(output: RunOutput) {
      const results = JSON.parse(readFileSync(output.stdoutFile, 'utf8')) as ConftestResult[];
      const failing: FindingKey[] = [];
      for (const result of results) {
        for (const { msg } of result.failures ?? []) {
          // "s3-tls-only Bucket0x1: …": the rules name the control and the logical id first.
          const match = /^(\S+) ([^:\s]+):/.exec(msg);
          if (!match || !CONTROLS.includes(match[1] as Control)) continue;
          failing.push({ control: match[1] as Control, file: fileKey(result.filename), logicalId: match[2] });
        }
      }
      return { failing, undecided: 0 };
    },
  };
}
