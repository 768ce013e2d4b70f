import fc from 'fast-check';
import { inputPieces } from '../../../scanner/engine/input-pieces';
import { RESOURCE_COLLECTIONS } from '../../../scanner/model/collections';
import type { Model } from '../../../scanner/model/model';
import { generatedModels } from '../../_helpers/generated-models';
import { modelOf } from '../../_helpers/template-model';

const SEED = 20261123;

/** The rules' input written whole: the model without leaves' `at` and resources' `source`. */
function whole(model: Model): string {
  const judged: Record<string, unknown> = { ...model };
  for (const collection of RESOURCE_COLLECTIONS) {
    judged[collection] = Object.fromEntries(
      Object.entries(model[collection]).map(([id, resource]) => [id, { ...resource, source: undefined }]),
    );
  }
  return JSON.stringify(judged, (key: string, value: unknown) => (key === 'at' ? undefined : value));
}

/** A model with no resource whose id is `at`, which the whole-model replacer would drop as a field. */
const noResourceCalledAt = (model: Model): boolean =>
  RESOURCE_COLLECTIONS.every((collection) => !Object.hasOwn(model[collection], 'at'));

describe('the rules’ input in pieces', () => {
  it('joins into the model as JSON without leaves’ `at` and resources’ `source`, on models generated from the input schema (property)', () => {
    fc.assert(
      fc.property(generatedModels().filter(noResourceCalledAt), (model) => {
        expect([...inputPieces(model)].join('')).toBe(whole(model));
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('writes a template’s model a resource at a time, each resource one piece', () => {
    const model = modelOf(
      'Resources:\n  Docs:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags:\n        - Key: owner\n          Value: "Zoë 😀"\n  Key:\n    Type: AWS::KMS::Key\n',
    );
    const pieces = [...inputPieces(model)];
    expect(pieces.join('')).toBe(whole(model));
    expect(pieces.join('')).not.toContain('"at":');
    expect(pieces.join('')).not.toContain('"source":');
    expect(pieces.join('')).toContain('"owner":"Zoë 😀"');
    expect(pieces.filter((piece) => piece.includes('"id":"T/Docs"'))).toHaveLength(1);
    expect(pieces.find((piece) => piece.includes('"id":"T/Docs"'))).not.toContain('"id":"T/Key"');
  });

  it('leaves out fields without a JSON form, as JSON.stringify does, and writes empty collections', () => {
    const model = modelOf('Resources:\n  Docs:\n    Type: AWS::S3::Bucket\n');
    const withGaps = { ...model, scenario: undefined, kms_keys: {} } as unknown as Model;
    expect([...inputPieces(withGaps)].join('')).toBe(whole(withGaps));
    expect(JSON.parse([...inputPieces(withGaps)].join(''))).toMatchObject({ kms_keys: {} });
  });
});
