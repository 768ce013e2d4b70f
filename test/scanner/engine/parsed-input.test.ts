import { loadPolicySync, type LoadedPolicy } from '@open-policy-agent/opa-wasm';
import { inputPieces } from '../../../scanner/engine/input-pieces';
import { ParsedInput } from '../../../scanner/engine/parsed-input';
import { entrypointOf } from '../../../scanner/engine/policy-engine';
import { readPolicyBundle } from '../../../scanner/engine/policy-bundle';
import type { Model } from '../../../scanner/model/model';
import { modelOf } from '../../_helpers/template-model';

const bundle = readPolicyBundle();
const TAGS_RULE = bundle.manifest.rules.find((rule) => rule.id === 'LG-S3-017');

/** A policy instance with `pages` of 64 KiB of memory to start with. */
function policyWith(pages: number): LoadedPolicy {
  return loadPolicySync(bundle.wasm, { initial: pages, maximum: 65536 });
}

/** A model of `count` buckets whose tags hold text that takes two, three and four bytes a character in UTF-8. */
function bucketsModel(count: number): Model {
  const resources = Array.from(
    { length: count },
    (_, i) =>
      `  Docs${i}:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags:\n        - Key: owner\n          Value: "Zoë — 文書 😀 ${i}"\n`,
  );
  return modelOf(`Resources:\n${resources.join('')}`);
}

function wholeText(model: Model): string {
  return [...inputPieces(model)].join('');
}

describe('an input parsed into the policy’s memory', () => {
  if (!TAGS_RULE) throw new Error('the bundle has no rule LG-S3-017');
  const entrypoint = entrypointOf(TAGS_RULE);

  it('reads the same from pieces as from the whole text, non-ASCII text included', () => {
    const model = bucketsModel(50);
    const text = wholeText(model);
    const fromPieces = ParsedInput.fromPieces(policyWith(1024), inputPieces(model));
    expect(fromPieces).toBeDefined();
    const fromText = ParsedInput.fromText(policyWith(1024), text, Buffer.byteLength(text));
    const result = fromPieces?.evaluate(entrypoint);
    expect(result).toEqual(fromText.evaluate(entrypoint));
    expect(JSON.stringify(result)).toContain('T/Docs49');
  });

  it('needs nothing of the text once parsed: the rules’ work may overwrite it', () => {
    const model = bucketsModel(200);
    const policy = policyWith(1024);
    const expected = ParsedInput.fromText(
      policyWith(1024),
      wholeText(model),
      Buffer.byteLength(wholeText(model)),
    );
    const parsed = ParsedInput.fromPieces(policy, inputPieces(model));
    expect(parsed).toBeDefined();
    // Everything above the parsed values, the text included, is scribbled over.
    const parts = policy as unknown as {
      mem: { buffer: ArrayBuffer };
      wasmInstance: { exports: { opa_heap_ptr_get(): number } };
    };
    new Uint8Array(parts.mem.buffer).fill(0xff, parts.wasmInstance.exports.opa_heap_ptr_get());
    for (const rule of bundle.manifest.rules) {
      expect(parsed?.evaluate(entrypointOf(rule))).toEqual(expected.evaluate(entrypointOf(rule)));
    }
  });

  it('grows the memory when the text does not fit in it', () => {
    const model = bucketsModel(300);
    const policy = policyWith(3);
    const parsed = ParsedInput.fromPieces(policy, inputPieces(model));
    // Either parsed below the text, or refused: never a parse of overwritten text.
    if (parsed) expect(JSON.stringify(parsed.evaluate(entrypoint))).toContain('T/Docs299');
    expect((policy as unknown as { mem: { buffer: ArrayBuffer } }).mem.buffer.byteLength).toBeGreaterThan(
      Buffer.byteLength(wholeText(model)),
    );
  });

  it('is refused, not read wrongly, when the parsed values would reach the text', () => {
    const model = bucketsModel(1000);
    const text = wholeText(model);
    // The text takes about a third of this memory and the values parsed from it about eight times the text.
    const pages = Math.ceil((Buffer.byteLength(text) * 3) / 65536);
    expect(ParsedInput.fromPieces(policyWith(pages), inputPieces(model))).toBeUndefined();
    const whole = ParsedInput.fromText(policyWith(pages * 8), text, Buffer.byteLength(text));
    expect(JSON.stringify(whole.evaluate(entrypoint))).toContain('T/Docs999');
  });
});
