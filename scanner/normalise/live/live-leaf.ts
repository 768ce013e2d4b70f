import type { Leaf } from '../../model/leaf';
import type { PolicyDocument } from '../../model/policy-document';
import type { CallResult } from '../../sources/live/live-caller';
import { explicit, unknown } from '../leaves';
import { normalisePolicyDocument } from '../policy-document';

/**
 * The leaf a call's answer gives: `read(output)` when it answered, `absent` when it said "not configured"
 * (an explicit answer too), unknown with the failure as the reason when it was denied or failed. Every
 * leaf names the call it came from.
 */
export function leafFrom<O, T>(result: CallResult<O>, read: (output: O) => T, absent?: T): Leaf<T> {
  const at = { call: result.call };
  if (result.kind === 'ok') return explicit(read(result.output), at);
  if (result.kind === 'absent') {
    if (absent === undefined) return unknown(`${result.call} answered ${result.code}`, at);
    return explicit(absent, at);
  }
  return unknown(result.reason, at);
}

/** Like `leafFrom`, for values that need decoding and may be malformed: `read` returns a Leaf itself. */
export function leafFromLeaf<O, T>(result: CallResult<O>, read: (output: O) => Leaf<T>, absent?: T): Leaf<T> {
  const at = { call: result.call };
  if (result.kind === 'ok') {
    const leaf = read(result.output);
    return leaf.state === 'unknown' ? unknown(leaf.reason, at) : { ...leaf, at };
  }
  return leafFrom(result, () => undefined as never, absent);
}

/** A leaf for a value that was never asked for, saying why. */
export function notRead(reason: string): Leaf<never> {
  return unknown(reason);
}

/** A policy document as an API returns it (JSON text); `null` when there is none. */
export function policyDocumentLeaf(text: string | undefined): Leaf<PolicyDocument | null> {
  if (text === undefined) return explicit(null);
  const result = normalisePolicyDocument(text);
  return 'document' in result ? explicit(result.document) : unknown(result.unresolved);
}
