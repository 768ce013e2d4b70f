import { readFileSync } from 'node:fs';
import path from 'node:path';
import type fc from 'fast-check';
import type { RuleOutcome } from '../../scanner/engine/policy-engine';
import type { Model } from '../../scanner/model/model';
import { ROOT } from './paths';
import { arbitraryFromSchema, type JsonSchema } from './schema-arbitrary';

/** The rules' input schema, generated from `scanner/model/*.ts`. */
export const INPUT_SCHEMA = JSON.parse(
  readFileSync(path.join(ROOT, 'policies', 'schema', 'input.json'), 'utf8'),
) as JsonSchema;

/**
 * Literals the rules compare with (effects, actions, condition keys, regions, tag keys, key specs…) and a
 * few model ids, drawn now and then for strings and map keys so that generated models reach the rules'
 * deeper branches and their links sometimes point at a resource of the model.
 */
const VOCABULARY = [
  'a',
  'b',
  'c',
  '*',
  'Allow',
  'Deny',
  'AWS',
  'CUSTOMER',
  'SYMMETRIC_DEFAULT',
  'RSA_2048',
  'aws:kms',
  'AES256',
  's3:*',
  's3:GetObject',
  's3:PutObject',
  'kms:*',
  'iam:*',
  'arn:aws:s3:::a',
  'arn:aws:s3:::a/*',
  'arn:aws:iam::111122223333:root',
  'aws:securetransport',
  's3:tlsversion',
  'aws:multifactorauthpresent',
  'aws:sourcevpce',
  'Bool',
  'NumericLessThan',
  'StringEquals',
  'false',
  'true',
  '1.2',
  'eu-west-1',
  'us-east-1',
  'data-classification',
  'owner',
  'confidential',
  'privileged',
  'public',
  'Enabled',
  'COMPLIANCE',
  'GOVERNANCE',
  'lexguard:role',
  'scanner',
];

/** Models valid against the input schema; with `allUnknown`, every leaf of them is unknown. */
export function generatedModels(allUnknown = false): fc.Arbitrary<Model> {
  return arbitraryFromSchema(INPUT_SCHEMA, {
    vocabulary: VOCABULARY,
    maxItems: 3,
    ...(allUnknown ? { onlyBranch: 'UnknownLeaf', nothingDerived: true } : {}),
  }) as fc.Arbitrary<Model>;
}

/** Rules that could not be evaluated, as `rule: error`. */
export function evaluationErrors(outcomes: RuleOutcome[]): string[] {
  return outcomes.flatMap((outcome) => ('error' in outcome ? [`${outcome.rule.id}: ${outcome.error}`] : []));
}

/** Results that PASS, as `rule resource`. */
export function passes(outcomes: RuleOutcome[]): string[] {
  return outcomes.flatMap((outcome) =>
    'results' in outcome
      ? outcome.results.filter((r) => r.status === 'PASS').map((r) => `${outcome.rule.id} ${r.resource}`)
      : [],
  );
}
