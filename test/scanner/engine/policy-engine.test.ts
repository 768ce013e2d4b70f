import { DEFAULT_RULE_CONFIG } from '../../../scanner/config/defaults';
import { PolicyEngine, type RuleOutcome } from '../../../scanner/engine/policy-engine';
import { emptyModel } from '../../../scanner/normalise/empty-model';
import type { Model } from '../../../scanner/model/model';
import type { S3Bucket } from '../../../scanner/model/s3';
import { buildTestBundle } from '../../_helpers/bundles';
import { fixture } from '../../_helpers/paths';
import { modelOf } from '../../_helpers/template-model';

function outcomeFor(outcomes: RuleOutcome[], id: string): RuleOutcome {
  const outcome = outcomes.find((o) => o.rule.id === id);
  if (!outcome) throw new Error(`no outcome for ${id}`);
  return outcome;
}

describe('PolicyEngine with the project bundle', () => {
  let engine: PolicyEngine;
  beforeAll(async () => {
    engine = await PolicyEngine.load();
  });

  it('carries each rule’s metadata from its METADATA annotation', () => {
    const rule = engine.rules.find((r) => r.id === 'LG-S3-001');
    expect(rule).toMatchObject({
      package: 's3.encryption_cmk',
      file: 'policies/checks/s3/encryption_cmk.rego',
      severity: 'HIGH',
      clauses: ['CP-01'],
      sources: ['template', 'live'],
    });
    expect(rule?.remediation).toMatch(/customer managed key/);
  });

  it('evaluates every rule in one pass and keeps PASS results as evidence', () => {
    const model = modelOf(
      'Resources:\n  Key:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: true\n  Plain:\n    Type: AWS::S3::Bucket\n',
    );
    const outcomes = engine.evaluate(model);
    expect(outcomes).toHaveLength(engine.rules.length);
    expect(outcomeFor(outcomes, 'LG-KMS-001')).toMatchObject({
      results: [{ resource: 'T/Key', status: 'PASS' }],
    });
    expect(outcomeFor(outcomes, 'LG-S3-001')).toMatchObject({
      results: [{ resource: 'T/Plain', status: 'FAIL', property: 'encryption.algorithm' }],
    });
  });

  it('evaluates a model of ten thousand buckets (memory is sized once, not grown page by page)', () => {
    const model = emptyModel({ source_kind: 'template', scanned_at: 'now' }, DEFAULT_RULE_CONFIG);
    const template = modelOf('Resources:\n  B:\n    Type: AWS::S3::Bucket\n').s3_buckets['T/B'];
    for (let i = 0; i < 10000; i++) model.s3_buckets[`b${i}`] = { ...template, id: `b${i}` } as S3Bucket;
    const encryption = outcomeFor(engine.evaluate(model), 'LG-S3-001');
    expect('results' in encryption && encryption.results).toHaveLength(10000);
  });

  it('evaluates a model larger than the memory reserved for it, and a smaller one after it', () => {
    const small = modelOf('Resources:\n  B:\n    Type: AWS::S3::Bucket\n');
    const large = emptyModel({ source_kind: 'template', scanned_at: 'now' }, DEFAULT_RULE_CONFIG);
    for (let i = 0; i < 3000; i++) large.s3_buckets[`b${i}`] = { ...small.s3_buckets['T/B'], id: `b${i}` };
    const reserved = PolicyEngine.loadSync();
    reserved.reserve(1000);
    const results = (outcome: RuleOutcome): number => ('results' in outcome ? outcome.results.length : -1);
    expect(results(outcomeFor(reserved.evaluate(large), 'LG-S3-001'))).toBe(3000);
    expect(results(outcomeFor(reserved.evaluate(small), 'LG-S3-001'))).toBe(1);
  });
});

describe('PolicyEngine isolation', () => {
  let engine: PolicyEngine;
  let model: Model;
  beforeAll(async () => {
    const dir = buildTestBundle(fixture('policies', 'isolation'));
    engine = await PolicyEngine.load({ dir, policiesDir: false });
    model = modelOf('Resources:\n  crash:\n    Type: AWS::S3::Bucket\n');
    model.s3_buckets = { crash: { ...model.s3_buckets['T/crash'], id: 'crash' } };
  });

  it('reports a rule that crashes as an error and still runs the others', () => {
    const outcomes = engine.evaluate(model);
    expect(outcomeFor(outcomes, 'LG-DEMO-001')).toMatchObject({
      results: [{ resource: 'crash', status: 'PASS' }],
    });
    const crashed = outcomeFor(outcomes, 'LG-DEMO-002');
    expect('error' in crashed && crashed.error).toMatch(/rule LG-DEMO-002 could not be evaluated/);
  });

  it('reports a rule that returns a malformed result as an error, never as a pass', () => {
    const outcome = outcomeFor(engine.evaluate(model), 'LG-DEMO-003');
    expect('error' in outcome && outcome.error).toMatch(/malformed result.*MAYBE/);
  });
});
