import type {
  IPolicyValidationContext,
  IPolicyValidationPlugin,
  PolicyValidationPluginReport,
  PolicyViolation,
} from 'aws-cdk-lib';
import {
  attestedControlIds,
  loadAttestationsFile,
  type Attestations,
} from '../attestations/load-attestations';
import { loadConfig, type LexguardConfig } from '../config/load-config';
import { PolicyEngine } from '../engine/policy-engine';
import { gateFailures, type GatePolicy } from '../findings/exit-code';
import type { Finding } from '../findings/finding';
import type { InputProblem } from '../findings/scan-report';
import { atLeast, type Severity } from '../findings/severity';
import { describeLapsedWaiver } from '../reporters/describe';
import { problemOf } from '../scan/scan-templates';
import { loadSuppressionsFile } from '../suppressions/load-suppressions-file';
import type { Suppression } from '../suppressions/suppression';
import { lexguardVersion } from '../util/version';
import { scanApp } from './scan-app';

export interface LexguardValidationPluginProps {
  /** FAIL findings at or above this severity stop the synth; lower ones are printed as warnings. @default 'LOW' */
  readonly failOn?: Severity;
  /**
   * What an UNKNOWN finding (a value lexguard could not resolve, such as an `Fn::ImportValue`) does:
   * `fail` stops the synth like a FAIL; `warn` prints it in CDK's validation report and lets the synth go
   * on. It is never left out. @default 'fail'
   */
  readonly unknown?: 'fail' | 'warn';
  /** The central suppressions file. @default ./lexguard.suppressions.yaml when present */
  readonly suppressionsFile?: string;
  /** The configuration file. @default ./lexguard.config.yaml when present */
  readonly configFile?: string;
  /**
   * The attestations of the practices no API shows; without them those controls are UNKNOWN.
   * @default ./lexguard.attestations.yaml when present
   */
  readonly attestationsFile?: string;
  /**
   * The configuration itself, when the app already holds it (the document store derives its approved
   * regions and retention periods from its cdk.json context); `configFile` is then not read.
   */
  readonly config?: LexguardConfig;
  /**
   * Parameter values and pseudo parameters, as `scan template --param` takes them. A stack whose
   * environment CDK knows is judged in that account and region; for an environment-agnostic stack give
   * `AWS::Region` and `AWS::AccountId`, or the rules that judge where data is kept (CP-12) and principals
   * built from the account id answer UNKNOWN. @default none
   */
  readonly parameters?: Readonly<Record<string, string>>;
  /** Folder of the compiled policy bundle. @default the installation's dist/policy */
  readonly bundleDir?: string;
  /** The clock suppressions expire against, for tests. */
  readonly now?: () => Date;
}

/** How lexguard's rules are named in CDK's report and acknowledgements: `lexguard::LG-S3-001`. */
export const PLUGIN_NAME = 'lexguard';
/** The rule name of an input lexguard could not scan (a template it could not read, a bad suppression). */
export const INPUT_RULE = 'LG-INPUT';

/**
 * lexguard as a CDK policy validation plugin: `Validations.of(app).addPlugins(new LexguardValidationPlugin())`
 * makes `cdk synth` and `cdk deploy` scan every synthesized template with lexguard's rules, print each
 * violation in CDK's validation report with its fix, and stop.
 *
 * - lexguard suppressions in a resource's Metadata (see `suppress`) and in the central file waive findings
 *   as in every other scan; CDK's own `Validations.of(scope).acknowledge({ id: 'lexguard::LG-S3-001', reason })`
 *   works too.
 * - CDK calls `validate` synchronously, so the engine is loaded synchronously when the plugin is made; a
 *   missing or stale policy bundle fails there, at once, rather than passing the synth.
 * - Anything that cannot be scanned (an unreadable template, a suppression without a reason) is a fatal
 *   violation of its own (`LG-INPUT`) that no acknowledgement silences, never a pass.
 */
export class LexguardValidationPlugin implements IPolicyValidationPlugin {
  readonly name = PLUGIN_NAME;
  readonly version = lexguardVersion();
  readonly ruleIds: string[];
  private readonly engine: PolicyEngine;

  constructor(private readonly props: LexguardValidationPluginProps = {}) {
    this.engine = PolicyEngine.loadSync(props.bundleDir ? { dir: props.bundleDir } : {});
    this.ruleIds = this.engine.rules.map((rule) => rule.id);
  }

  validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    let config: LexguardConfig;
    let suppressions: Suppression[];
    let attestations: Attestations;
    try {
      config = this.props.config ?? loadConfig(this.props.configFile);
      suppressions = loadSuppressionsFile(this.props.suppressionsFile);
      attestations = loadAttestationsFile(
        attestedControlIds(this.engine.manifest.catalog),
        this.props.attestationsFile,
      );
    } catch (thrown) {
      // CDK reports a plugin's exception by its message alone; as a violation it keeps file and line.
      const file =
        this.props.suppressionsFile ??
        this.props.configFile ??
        this.props.attestationsFile ??
        'lexguard configuration';
      return this.reportOf([inputViolation(problemOf(thrown, file))]);
    }
    const report = scanApp(context, {
      engine: this.engine,
      config,
      suppressions,
      attestations,
      ...(this.props.parameters ? { parameters: { ...this.props.parameters } } : {}),
      ...(this.props.now ? { now: this.props.now } : {}),
    });
    const gate: GatePolicy = {
      failOn: this.props.failOn ?? 'LOW',
      failOnUnknown: this.props.unknown !== 'warn',
    };
    const failing = new Set(gateFailures(report.findings, gate));
    const violations: PolicyViolation[] = [
      ...report.errors.map(inputViolation),
      ...report.findings
        .filter((finding) => failing.has(finding) || worthAWarning(finding, gate))
        .map((finding) => findingViolation(finding, failing.has(finding), report.scopeTemplate)),
    ];
    return this.reportOf(violations);
  }

  private reportOf(violations: PolicyViolation[]): PolicyValidationPluginReport {
    return {
      success: violations.every((violation) => violation.severity === 'warning'),
      violations,
      pluginVersion: this.version,
      metadata: { policy_digest: this.engine.manifest.source_digest },
    };
  }
}

/** Findings that do not stop the synth but must still be seen: FAILs below the threshold, UNKNOWNs. */
function worthAWarning(finding: Finding, gate: GatePolicy): boolean {
  return (
    finding.status === 'FAIL' || (finding.status === 'UNKNOWN' && atLeast(finding.severity, gate.failOn))
  );
}

function findingViolation(
  finding: Finding,
  fails: boolean,
  scopeTemplate: string | undefined,
): PolicyViolation {
  const location = finding.location;
  const lapsed = finding.lapsed_waiver ? ` (${describeLapsedWaiver(finding.lapsed_waiver)})` : '';
  return {
    ruleName: finding.rule_id,
    description: `${finding.title}. ${finding.status}: ${finding.message}${lapsed}`,
    fix: finding.remediation,
    severity: fails ? 'error' : 'warning',
    ruleMetadata: {
      status: finding.status,
      severity: finding.severity,
      clauses: finding.clauses.join(', '),
    },
    violatingResources:
      location.kind === 'template'
        ? [
            {
              resourceLogicalId: location.logical_id,
              templatePath: location.file,
              locations: location.property_path ? [location.property_path.replace(/\./g, '/')] : [],
            },
          ]
        : // A finding about the scan as a whole (an attested control, a rule that could not run) names the
          // template: CDK prints, and fails the synth on, only violations that name something.
          location.kind === 'scope'
          ? [{ templatePath: scopeTemplate ?? location.target, locations: [] }]
          : [],
  };
}

function inputViolation(problem: InputProblem): PolicyViolation {
  const where = [problem.line, problem.column].filter((part) => part !== undefined).join(':');
  return {
    ruleName: INPUT_RULE,
    description: `lexguard could not read ${problem.file ?? 'an input'}${where ? `:${where}` : ''}: ${problem.message}`,
    fix: 'Correct the input; until then lexguard cannot say whether the stack complies.',
    // Fatal, which CDK does not let an acknowledgement silence: an unread input was never judged.
    severity: 'fatal',
    violatingResources: problem.file ? [{ templatePath: problem.file, locations: [] }] : [],
  };
}
