import Ajv from 'ajv';
import fc from 'fast-check';
import { PolicyEngine } from '../../scanner/engine/policy-engine';
import { evaluationErrors, generatedModels, INPUT_SCHEMA, passes } from '../_helpers/generated-models';
import { arbitraryFromSchema, type JsonSchema } from '../_helpers/schema-arbitrary';

/**
 * Every rule on models generated from the input schema (`policies/schema/input.json`): no rule may fail
 * to evaluate on any model the schema admits, and on a model whose every leaf is unknown no rule may
 * answer PASS. Fixed seed and a bounded number of runs here; `npm run fuzz` runs thousands.
 *
 * Planted bugs these caught before they were trusted (in LG-KMS-001): a second `verdict` definition that
 * conflicts with the chain on live keys (ERROR: var assignment conflict), and a PASS tested first with
 * `not value == false`, which an unknown leaf satisfies (PASS on an all-unknown key).
 */

const SEED = 91123;
let engine: PolicyEngine;
const validate = new Ajv({ strict: false, allErrors: true }).compile(INPUT_SCHEMA as object);

beforeAll(async () => {
  engine = await PolicyEngine.load();
});

describe('arbitraryFromSchema', () => {
  const schema: JsonSchema = {
    $ref: '#/definitions/Thing',
    definitions: {
      Thing: {
        type: 'object',
        properties: {
          kind: { type: 'string', const: 'thing' },
          size: { type: 'integer', minimum: 1 },
          colour: { enum: ['red', 'blue'] },
          leaf: { anyOf: [{ $ref: '#/definitions/Known' }, { $ref: '#/definitions/Unknown' }] },
          tags: { type: 'object', additionalProperties: { type: 'string' } },
          list: { type: 'array', items: { type: ['number', 'null'] } },
          flag: { type: 'boolean' },
        },
        required: ['kind', 'size', 'leaf'],
        additionalProperties: false,
      },
      Known: { type: 'object', properties: { state: { const: 'explicit' } }, required: ['state'] },
      Unknown: { type: 'object', properties: { state: { const: 'unknown' } }, required: ['state'] },
    },
  };

  it('generates only values the schema accepts (property)', () => {
    const check = new Ajv({ strict: false }).compile(schema as object);
    fc.assert(
      fc.property(arbitraryFromSchema(schema), (value) => {
        expect(check(value)).toBe(true);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('generates only the named branch of a union when asked', () => {
    fc.assert(
      fc.property(arbitraryFromSchema(schema, { onlyBranch: 'Unknown' }), (value) => {
        expect((value as { leaf: unknown }).leaf).toEqual({ state: 'unknown' });
      }),
      { seed: SEED, numRuns: 100 },
    );
  });

  it('refuses a schema feature it does not know rather than ignore it', () => {
    expect(() => arbitraryFromSchema({ type: 'object', properties: { a: { type: 'date' } } })).toThrow(
      /unsupported schema/,
    );
  });
});

describe('every rule on models generated from the input schema (property)', () => {
  it('generates models the input schema accepts', () => {
    fc.assert(
      fc.property(generatedModels(), generatedModels(true), (model, unknown) => {
        expect(validate(model)).toBe(true);
        expect(validate(unknown)).toBe(true);
      }),
      { seed: SEED, numRuns: 50 },
    );
  });

  it('no rule raises an evaluation error (ERROR) on any of them', () => {
    fc.assert(
      fc.property(generatedModels(), (model) => {
        expect(evaluationErrors(engine.evaluate(model))).toEqual([]);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('no rule answers PASS on a model whose every leaf is unknown', () => {
    fc.assert(
      fc.property(generatedModels(true), (model) => {
        const outcomes = engine.evaluate(model);
        expect(evaluationErrors(outcomes)).toEqual([]);
        expect(passes(outcomes)).toEqual([]);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
