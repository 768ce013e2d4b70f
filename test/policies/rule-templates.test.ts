import Ajv from 'ajv';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_CONFIG } from '../../scanner/config/load-config';
import { readValidatedYaml } from '../../scanner/config/read-yaml-file';
import { PolicyEngine } from '../../scanner/engine/policy-engine';
import { describeThrown } from '../../scanner/errors';
import type { Status } from '../../scanner/findings/status';
import { scanTemplates } from '../../scanner/scan/scan-templates';
import { fixture } from '../_helpers/paths';

/** What `<template>.expected.yaml` says the folder's rule gives on the template (see the folder's README). */
interface Expectation {
  region?: string;
  account?: string;
  findings: Record<string, Status>;
  messages?: Record<string, string>;
}

const EXPECTATION_SCHEMA = new Ajv({ strict: false }).compile(
  JSON.parse(readFileSync(fixture('rules', 'expectation.schema.json'), 'utf8')) as object,
);

const RULES_DIR = fixture('rules');
const EXPECTED_SUFFIX = '.expected.yaml';

interface Case {
  ruleId: string;
  template: string;
  expectation: Expectation;
}

function cases(): Case[] {
  return readdirSync(RULES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((folder) =>
      readdirSync(path.join(RULES_DIR, folder.name))
        .filter((name) => /\.(ya?ml|json)$/.test(name) && !name.endsWith(EXPECTED_SUFFIX))
        .sort()
        .map((name) => {
          const template = path.join(RULES_DIR, folder.name, name);
          const expected = template.replace(/\.(ya?ml|json)$/, EXPECTED_SUFFIX);
          if (!existsSync(expected))
            throw new Error(`${template} has no ${path.basename(expected)} beside it`);
          const expectation = readExpectation(expected);
          return { ruleId: folder.name, template, expectation };
        }),
    );
}

/** A mistake in an expectation file names the file and line, rather than failing somewhere inside Jest. */
function readExpectation(file: string): Expectation {
  try {
    return readValidatedYaml<Expectation>(file, EXPECTATION_SCHEMA, 'expectation').value;
  } catch (thrown) {
    throw new Error(describeThrown(thrown));
  }
}

const CASES = cases();

describe('each rule on hand-written templates', () => {
  let engine: PolicyEngine;
  beforeAll(async () => {
    engine = await PolicyEngine.load();
  });

  it.each(CASES.map((c) => [`${c.ruleId} ${path.basename(c.template)}`, c] as const))(
    '%s gives exactly the expected findings',
    (_name, { ruleId, template, expectation }) => {
      expect(engine.rules.map((r) => r.id)).toContain(ruleId);
      const others = engine.rules.map((r) => r.id).filter((id) => id !== ruleId);
      const report = scanTemplates({
        paths: [template],
        engine,
        config: { ...DEFAULT_CONFIG, skipRules: others },
        parameters: {
          ...(expectation.region ? { 'AWS::Region': expectation.region } : {}),
          ...(expectation.account ? { 'AWS::AccountId': expectation.account } : {}),
        },
      });
      expect(report.errors).toEqual([]);
      const findings = report.findings.filter((f) => f.resource.kind !== 'scope');
      const statuses = Object.fromEntries(findings.map((f) => [logicalId(f.resource.id), f.status]));
      expect(statuses).toEqual(expectation.findings);
      for (const [resource, part] of Object.entries(expectation.messages ?? {})) {
        expect(findings.find((f) => logicalId(f.resource.id) === resource)?.message).toContain(part);
      }
    },
  );

  it('has a bad and a good template for every rule a template can judge', () => {
    // A rule that judges attestations reads the attestations file, not the template: its cases are in
    // test/scanner/attestations/.
    const missing = engine.rules
      .filter((rule) => rule.sources.includes('template') && !rule.resource_kinds.includes('attestation'))
      .flatMap((rule) => {
        const mine = CASES.filter((c) => c.ruleId === rule.id).map((c) =>
          Object.values(c.expectation.findings),
        );
        const bad = mine.some((statuses) => statuses.includes('FAIL'));
        const good = mine.some((statuses) => statuses.includes('PASS') && !statuses.includes('FAIL'));
        return [
          ...(bad ? [] : [`${rule.id}: no bad template`]),
          ...(good ? [] : [`${rule.id}: no good template`]),
        ];
      });
    expect(missing).toEqual([]);
  });

  it('has no folder for a rule that does not exist', () => {
    const ids = new Set(engine.rules.map((rule) => rule.id));
    expect([...new Set(CASES.map((c) => c.ruleId))].filter((id) => !ids.has(id))).toEqual([]);
  });
});

/** `bucket-key/DocumentsBucket` → `DocumentsBucket`: expectations name resources by logical id. */
function logicalId(modelId: string): string {
  return modelId.slice(modelId.lastIndexOf('/') + 1);
}
