import { loadPolicySync, type LoadedPolicy } from '@open-policy-agent/opa-wasm';
import { describeThrown, LexguardError } from '../errors';
import { isRuleStatus, type RuleStatus } from '../findings/status';
import type { Model } from '../model/model';
import type { BundleManifest } from './bundle-manifest';
import { readPolicyBundle, type ReadBundleOptions } from './policy-bundle';
import { inputPieces } from './input-pieces';
import { ParsedInput, WASM_PAGE_BYTES } from './parsed-input';
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

/** The policy's compiled Wasm module, what `loadPolicySync` instantiates. */
type CompiledPolicy = Parameters<typeof loadPolicySync>[0];

/** The WebAssembly API, seen narrowly: the project's `lib` has no WebAssembly types (they come with DOM). */
const wasmApi = (
  globalThis as unknown as {
    WebAssembly: {
      compile(b: Uint8Array): Promise<CompiledPolicy>;
      Module: new (b: Uint8Array) => CompiledPolicy;
    };
  }
).WebAssembly;

const MAX_WASM_PAGES = 65536;
/**
 * OPA's Wasm allocator grows memory a page at a time, and V8 counts every growth of a Wasm memory as
 * external memory pressure: on a 10,000-resource model the growth triggered some 200 full garbage
 * collections and took 20 s instead of 0.5 s. A memory created with enough initial pages does not, so
 * the engine sizes the memory up front and instantiates the module anew (cheap: it is compiled once)
 * when a larger model comes. Evaluation measured about 10 bytes of memory per input byte (the input, as
 * written and parsed, and the work of the most demanding rule: see `ParsedInput`). Written in pieces, the
 * text goes halfway up the free memory, above the eight bytes per input byte its parsed values take, so
 * that needs about 18. Untouched pages cost no resident memory, so the margin is wide.
 */
const HEAP_BYTES_PER_INPUT_BYTE = 24;
const HEAP_HEADROOM_PAGES = 256;

/**
 * Evaluates the compiled Rego rules on normalised models. The Wasm module is compiled once; each
 * evaluation parses the whole model once and runs every rule on it through the rule's own entrypoint.
 */
export class PolicyEngine {
  /** Instantiated on first use, with the memory the first reservation or evaluation asks for. */
  private policy: LoadedPolicy | undefined;

  private constructor(
    private readonly module: CompiledPolicy,
    private readonly dir: string,
    readonly manifest: BundleManifest,
  ) {}

  /** Loads the bundle, compiling its Wasm module once: a larger memory later costs an instantiation only. */
  static async load(options: ReadBundleOptions = {}): Promise<PolicyEngine> {
    const bundle = readPolicyBundle(options);
    let module: CompiledPolicy;
    try {
      module = await wasmApi.compile(bundle.wasm);
    } catch (thrown) {
      throw loadError(bundle.dir, thrown);
    }
    return new PolicyEngine(module, bundle.dir, bundle.manifest);
  }

  /**
   * Loads the engine synchronously, for callers that cannot wait: CDK calls a validation plugin's
   * `validate` synchronously. Node compiles a Wasm module of any size synchronously (only browsers
   * limit it on their main thread), so this costs the same as `load`.
   */
  static loadSync(options: ReadBundleOptions = {}): PolicyEngine {
    const bundle = readPolicyBundle(options);
    let module: CompiledPolicy;
    try {
      module = new wasmApi.Module(bundle.wasm);
    } catch (thrown) {
      throw loadError(bundle.dir, thrown);
    }
    return new PolicyEngine(module, bundle.dir, bundle.manifest);
  }

  get rules(): readonly RuleMetadata[] {
    return this.manifest.rules;
  }

  /**
   * Sizes the Wasm memory for models of about `inputBytes` bytes of rules' input, before they are built.
   * Creating a large Wasm memory makes V8 collect the whole JavaScript heap at once (it counts the memory
   * as external pressure): with a 10,000-resource model already built that took 0.14 s of CPU per
   * collection, two or three times over, where done before the templates are read it costs about 1 ms.
   * A model larger than reserved still evaluates: `evaluate` makes room as before.
   */
  reserve(inputBytes: number): void {
    this.policyFor(inputBytes);
  }

  /**
   * Evaluates the rules on a model: the model is parsed once into the Wasm memory, and each rule runs
   * through its own entrypoint, so a rule that crashes is an ERROR of its own and the others still report.
   */
  evaluate(model: Model, rules: readonly RuleMetadata[] = this.manifest.rules): RuleOutcome[] {
    let parsed: ParsedInput;
    try {
      parsed = this.parse(model);
    } catch (thrown) {
      return rules.map((rule) => ({
        rule,
        error: `rule ${rule.id} could not be evaluated: ${describeThrown(thrown)}`,
      }));
    }
    const texts = new TextPool();
    return rules.map((rule) => {
      try {
        return outcomeOf(rule, firstResult(parsed.evaluate(entrypointOf(rule))), texts);
      } catch (thrown) {
        return { rule, error: `rule ${rule.id} could not be evaluated: ${describeThrown(thrown)}` };
      }
    });
  }

  /**
   * The model parsed into the policy's memory: written there piece by piece when the memory has room (as
   * `reserve` makes it), else written whole into an instance sized for it.
   */
  private parse(model: Model): ParsedInput {
    if (this.policy) {
      const parsed = ParsedInput.fromPieces(this.policy, inputPieces(model));
      if (parsed) return parsed;
    }
    const input = [...inputPieces(model)].join('');
    const bytes = Buffer.byteLength(input, 'utf8');
    return ParsedInput.fromText(this.policyFor(bytes), input, bytes);
  }

  /** An instance whose memory holds the input and the rules' work: the current one, or a fresh one. */
  private policyFor(inputBytes: number): LoadedPolicy {
    const wanted = Math.min(
      Math.ceil((inputBytes * HEAP_BYTES_PER_INPUT_BYTE) / WASM_PAGE_BYTES) + HEAP_HEADROOM_PAGES,
      MAX_WASM_PAGES,
    );
    if (this.policy && wanted <= this.policy.mem.buffer.byteLength / WASM_PAGE_BYTES) return this.policy;
    this.policy = instantiate(this.module, this.dir, wanted);
    return this.policy;
  }
}

function instantiate(module: CompiledPolicy, dir: string, pages: number): LoadedPolicy {
  try {
    return loadPolicySync(module, { initial: pages, maximum: MAX_WASM_PAGES });
  } catch (thrown) {
    throw loadError(dir, thrown);
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
function outcomeOf(rule: RuleMetadata, raw: unknown, texts: TextPool): RuleOutcome {
  if (raw === undefined) return { rule, results: [] };
  if (!Array.isArray(raw))
    return { rule, error: `rule ${rule.id} returned ${typeof raw}, not a set of results` };
  const results: RuleResult[] = [];
  for (const item of raw) {
    const result = asRuleResult(item, texts);
    if (!result)
      return { rule, error: `rule ${rule.id} returned a malformed result: ${JSON.stringify(item)}` };
    results.push(result);
  }
  return { rule, results };
}

function asRuleResult(item: unknown, texts: TextPool): RuleResult | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const { resource, status, message, property } = item as Record<string, unknown>;
  if (typeof resource !== 'string' || !isRuleStatus(status) || typeof message !== 'string') return undefined;
  return {
    resource,
    status,
    message: texts.one(message),
    property: typeof property === 'string' ? texts.one(property) : '',
  };
}

/**
 * One string for each distinct text. Findings keep their rule's message and property: a rule says the
 * same few things about most resources, but `JSON.parse` makes a new string of each, and the 74,000
 * findings of a 10,000-resource template (47 distinct messages) kept 4.7 MB of copies.
 */
class TextPool {
  private readonly texts = new Map<string, string>();

  one(text: string): string {
    const known = this.texts.get(text);
    if (known !== undefined) return known;
    this.texts.set(text, text);
    return text;
  }
}
