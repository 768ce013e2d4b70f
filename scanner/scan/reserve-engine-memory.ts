import { statSync } from 'node:fs';
import type { PolicyEngine } from '../engine/policy-engine';

/**
 * The rules' input is a model of 1.7 (JSON) to 2.4 (YAML) bytes per template byte on the benchmark's
 * document-store templates; resources no adapter reads add nothing. An estimate only: the engine makes
 * more room if a model turns out larger.
 */
const MODEL_BYTES_PER_TEMPLATE_BYTE = 2.5;

/**
 * Sizes the engine's memory for the models these template files will make, before any is read, while
 * the JavaScript heap is still small (see `PolicyEngine.reserve`). `largest` when each file is evaluated
 * on its own (templates), `sum` when they make one model (a cloud assembly). A file that cannot be read
 * counts as empty: reading it reports the problem.
 */
export function reserveEngineMemory(
  engine: PolicyEngine,
  files: readonly string[],
  combine: 'largest' | 'sum',
): void {
  let bytes = 0;
  for (const file of files) {
    let size = 0;
    try {
      size = statSync(file).size;
    } catch {
      // Reading it reports the problem.
    }
    bytes = combine === 'sum' ? bytes + size : Math.max(bytes, size);
  }
  engine.reserve(bytes * MODEL_BYTES_PER_TEMPLATE_BYTE);
}
