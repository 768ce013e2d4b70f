import { loadPolicy, loadPolicySync, type LoadedPolicy } from '@open-policy-agent/opa-wasm';
import { describeThrown, LexguardError } from '../errors';
import { isRuleStatus, type RuleStatus } from '../findings/status';
import type { Model } from '../model/model';
import type { BundleManifest } from './bundle-manifest';
import { readPolicyBundle, type ReadBundleOptions } from './policy-bundle';
import type { RuleMetadata } from './rule-metadata';

/** What one rule said about one resource, as the Rego returned it. */
export interface RuleResult {
  resource: string;
  status: RuleStatus;
  message: string;
  /** The model property (dotted path inside the resource) the verdict is about; `''` for none. */
  property: string;
}

/** The outcome of one rule over a model: its results, or the error that stopped it. */
export type RuleOutcome =
  | { rule: RuleMetadata; results: RuleResult[] }
  | { rule: RuleMetadata; error: string };

const WASM_PAGE_BYTES = 64 * 1024;
/** The Wasm memory: starts small and is grown to the input's size before each evaluation. */
const WASM_MEMORY = { initial: 64, maximum: 65536 };
/**
 * OPA's Wasm allocator grows memory a page at a time, and each growth of a large memory is slow: sizing
 * the memory once from the input size beforehand keeps evaluation linear in the model's size. The parsed
 * input takes about 13 times its JSON size; a little more leaves room for the rules' own work.
 */
const HEAP_BYTES_PER_INPUT_BYTE = 16;
const HEAP_HEADROOM_PAGES = 256;

/**
 * Evaluates the compiled Rego rules on normalised models. The Wasm module is compiled once; each
 * evaluation parses the whole model once and runs every rule through one entrypoint. If that fails, every
 * rule is run on its own so that one broken rule shows as an ERROR and the others still report.
 */
export class PolicyEngine {
  private constructor(
    private readonly policy: LoadedPolicy,
    readonly manifest: BundleManifest,
  ) {}

  static async load(options: ReadBundleOptions = {}): Promise<PolicyEngine> {
    const bundle = readPolicyBundle(options);
    try {
      return new PolicyEngine(await loadPolicy(bundle.wasm, WASM_MEMORY), bundle.manifest);
    } catch (thrown) {
      throw loadError(bundle.dir, thrown);
    }
  }

  /**
   * Loads the engine synchronously, for callers that cannot wait: CDK calls a validation plugin's
   * `validate` synchronously. Node compiles a Wasm module of any size synchronously (only browsers
   * limit it on their main thread), so this costs the same as `load`.
   */
  static loadSync(options: ReadBundleOptions = {}): PolicyEngine {
    const bundle = readPolicyBundle(options);
    try {
      return new PolicyEngine(loadPolicySync(bundle.wasm, WASM_MEMORY), bundle.manifest);
    } catch (thrown) {
      throw loadError(bundle.dir, thrown);
    }
  }

  get rules(): readonly RuleMetadata[] {
    return this.manifest.rules;
  }

  evaluate(model: Model, rules: readonly RuleMetadata[] = this.manifest.rules): RuleOutcome[] {
    const input = encodeInput(model);
    this.reserveMemory(input.byteLength);
    let all: Record<string, unknown>;
    try {
      all = expectObject(firstResult(this.policy.evaluate(input.buffer, this.manifest.main_entrypoint)));
    } catch {
      return rules.map((rule) => this.evaluateAlone(rule, input.buffer));
    }
    return rules.map((rule) => outcomeOf(rule, all[rule.package]));
  }

  /** Runs one rule through its own entrypoint, turning a crash into an ERROR outcome. */
  private evaluateAlone(rule: RuleMetadata, input: ArrayBuffer): RuleOutcome {
    try {
      return outcomeOf(rule, firstResult(this.policy.evaluate(input, entrypointOf(rule))));
    } catch (thrown) {
      return { rule, error: `rule ${rule.id} could not be evaluated: ${describeThrown(thrown)}` };
    }
  }

  private reserveMemory(inputBytes: number): void {
    const wanted =
      Math.ceil((inputBytes * HEAP_BYTES_PER_INPUT_BYTE) / WASM_PAGE_BYTES) + HEAP_HEADROOM_PAGES;
    const current = this.policy.mem.buffer.byteLength / WASM_PAGE_BYTES;
    if (wanted > current) this.policy.mem.grow(wanted - current);
  }
}

function loadError(dir: string, thrown: unknown): LexguardError {
  return new LexguardError('POLICY_EVALUATION_FAILED', `cannot load ${dir}: ${describeThrown(thrown)}`, {
    cause: thrown,
  });
}

/** The entrypoint of one rule's results, e.g. `lexguard/checks/s3/encryption_cmk/results`. */
export function entrypointOf(rule: Pick<RuleMetadata, 'package'>): string {
  return `lexguard/checks/${rule.package.split('.').join('/')}/results`;
}

function encodeInput(model: Model): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(JSON.stringify(model));
}

/** OPA returns a result set: `[{ result: value }]`, or `[]` when the entrypoint is undefined. */
function firstResult(resultSet: unknown): unknown {
  if (!Array.isArray(resultSet)) throw new Error('the policy returned no result set');
  if (resultSet.length === 0) return undefined;
  return expectObject(resultSet[0]).result;
}

function expectObject(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`expected an object from the policy, got ${JSON.stringify(value)}`);
  }
  return value as Record<string, unknown>;
}

/** Checks the shape of a rule's results: a malformed one is the rule's error, not a silent pass. */
function outcomeOf(rule: RuleMetadata, raw: unknown): RuleOutcome {
  if (raw === undefined) return { rule, results: [] };
  if (!Array.isArray(raw))
    return { rule, error: `rule ${rule.id} returned ${typeof raw}, not a set of results` };
  const results: RuleResult[] = [];
  for (const item of raw) {
    const result = asRuleResult(item);
    if (!result)
      return { rule, error: `rule ${rule.id} returned a malformed result: ${JSON.stringify(item)}` };
    results.push(result);
  }
  return { rule, results };
}

function asRuleResult(item: unknown): RuleResult | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const { resource, status, message, property } = item as Record<string, unknown>;
  if (typeof resource !== 'string' || !isRuleStatus(status) || typeof message !== 'string') return undefined;
  return { resource, status, message, property: typeof property === 'string' ? property : '' };
}
