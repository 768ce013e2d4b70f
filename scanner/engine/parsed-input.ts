import type { LoadedPolicy } from '@open-policy-agent/opa-wasm';

/** The size of a WebAssembly memory page. */
export const WASM_PAGE_BYTES = 64 * 1024;

/**
 * The exports of OPA's Wasm ABI (https://www.openpolicyagent.org/docs/wasm) that evaluating on an input
 * parsed once needs; `@open-policy-agent/opa-wasm` calls the same ones for its own evaluations.
 */
interface OpaAbi {
  opa_malloc(bytes: number): number;
  opa_json_parse(address: number, length: number): number;
  opa_json_dump(value: number): number;
  opa_heap_ptr_get(): number;
  opa_heap_ptr_set(address: number): void;
  opa_eval_ctx_new(): number;
  opa_eval_ctx_set_input(context: number, value: number): void;
  opa_eval_ctx_set_data(context: number, value: number): void;
  opa_eval_ctx_set_entrypoint(context: number, entrypoint: number): void;
  opa_eval_ctx_get_result(context: number): number;
  eval(context: number): number;
}

/** The parts of a loaded policy this reads: its documented fields, typed narrowly. */
interface PolicyParts {
  wasmInstance: { exports: OpaAbi };
  mem: { buffer: ArrayBuffer; grow(pages: number): number };
  dataAddr: number;
  dataHeapPtr: number;
  entrypoints: Record<string, number>;
}

/**
 * An input parsed into a policy's memory once, on which any number of entrypoints are then evaluated.
 * `LoadedPolicy.evaluate` parses its input anew on every call, so evaluating each rule through its own
 * entrypoint would parse a 10,000-resource model 24 times; evaluating every rule through one entrypoint
 * keeps every rule's work in memory at once (242 MB of Wasm memory on that model). Here the input stays
 * parsed below a heap mark, as the library keeps `data`, and each evaluation starts again from that mark:
 * the memory holds the input and one rule's work (119 MB on that model), for the same CPU time and the
 * same results.
 */
export class ParsedInput {
  private constructor(
    private readonly parts: PolicyParts,
    private readonly input: number,
    private readonly mark: number,
  ) {}

  /**
   * Parses `json`, written as UTF-8 straight into the policy's memory (of `bytes` bytes, which the memory
   * must hold with room to spare): no copy of the model's text is made outside it.
   */
  static fromText(policy: LoadedPolicy, json: string, bytes: number): ParsedInput {
    const parts = policy as unknown as PolicyParts;
    const abi = parts.wasmInstance.exports;
    abi.opa_heap_ptr_set(parts.dataHeapPtr);
    const raw = abi.opa_malloc(bytes);
    ENCODER.encodeInto(json, new Uint8Array(parts.mem.buffer, raw, bytes));
    return ParsedInput.parse(parts, raw, bytes);
  }

  /**
   * Parses the JSON text of `pieces`, each written as UTF-8 straight into the free half of the policy's
   * memory as it comes, so that no string of the whole text is made. The parser allocates the parsed
   * values from the bottom of the free memory and copies every string and number out of the text (OPA's
   * `json.c`), so the text is needed only while it parses: afterwards the rules' work may overwrite it.
   * `undefined` when the parsed values would have reached the text (a model larger than the memory was
   * sized for): the caller then parses the text whole, with `fromText`.
   */
  static fromPieces(policy: LoadedPolicy, pieces: Iterable<string>): ParsedInput | undefined {
    const parts = policy as unknown as PolicyParts;
    const abi = parts.wasmInstance.exports;
    abi.opa_heap_ptr_set(parts.dataHeapPtr);
    const free = abi.opa_heap_ptr_get();
    const start = free + Math.floor((parts.mem.buffer.byteLength - free) / 2);
    let end = start;
    let memory = new Uint8Array(parts.mem.buffer);
    for (const piece of pieces) {
      // UTF-8 takes at most three bytes for each UTF-16 code unit.
      const room = end + piece.length * 3 - memory.length;
      if (room > 0) {
        // At least half again as much, so that a long text does not grow the memory page by page.
        parts.mem.grow(Math.ceil(Math.max(room, memory.length / 2) / WASM_PAGE_BYTES));
        memory = new Uint8Array(parts.mem.buffer);
      }
      end += ENCODER.encodeInto(piece, memory.subarray(end)).written;
    }
    let parsed: ParsedInput | undefined;
    try {
      parsed = ParsedInput.parse(parts, start, end - start);
    } catch (thrown) {
      // A parse that ran into its own text failed because of that, not because of the text.
      if (abi.opa_heap_ptr_get() <= start) throw thrown;
    }
    // Allocations only move up from where the heap began, so the text stayed whole if they stayed below it.
    return parsed && parsed.mark <= start ? parsed : undefined;
  }

  private static parse(parts: PolicyParts, address: number, bytes: number): ParsedInput {
    const abi = parts.wasmInstance.exports;
    const input = abi.opa_json_parse(address, bytes);
    if (input === 0) throw new Error('the policy could not parse its input');
    return new ParsedInput(parts, input, abi.opa_heap_ptr_get());
  }

  /** Evaluates one entrypoint: its result set, as `LoadedPolicy.evaluate` returns it. Throws what the policy throws. */
  evaluate(entrypoint: string): unknown {
    const id = this.parts.entrypoints[entrypoint];
    if (id === undefined) throw new Error(`the policy has no entrypoint ${entrypoint}`);
    const abi = this.parts.wasmInstance.exports;
    abi.opa_heap_ptr_set(this.mark);
    const context = abi.opa_eval_ctx_new();
    abi.opa_eval_ctx_set_input(context, this.input);
    abi.opa_eval_ctx_set_data(context, this.parts.dataAddr);
    abi.opa_eval_ctx_set_entrypoint(context, id);
    abi.eval(context);
    const json = abi.opa_json_dump(abi.opa_eval_ctx_get_result(context));
    const memory = new Uint8Array(this.parts.mem.buffer);
    return JSON.parse(DECODER.decode(memory.subarray(json, memory.indexOf(0, json)))) as unknown;
  }
}

const DECODER = new TextDecoder();
const ENCODER = new TextEncoder();
