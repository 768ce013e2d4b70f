import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readCatalog } from '../../../scanner/catalog/read-catalog';
import type { RuleMetadata } from '../../../scanner/engine/rule-metadata';
import { lexguardErrorOf } from '../../_helpers/errors';

const RULE: RuleMetadata = {
  id: 'LG-S3-001',
  package: 's3.encryption_cmk',
  file: 'policies/checks/s3/encryption_cmk.rego',
  title: 'Encrypted',
  description: 'Encrypted with a firm key.',
  severity: 'HIGH',
  clauses: ['CP-01'],
  resource_kinds: ['s3_bucket'],
  sources: ['template'],
  remediation: 'Encrypt it with a firm key.',
};

const CLAUSES = `clauses:
  - id: CP-01
    title: Encryption at rest
    policy: Client information is encrypted at rest.
    checkable: SSE-KMS with a customer managed key.
  - id: CP-15
    title: Practices outside the cloud
    policy: Staff are trained.
    checkable: Attested.
    attested_controls:
      - id: CP-15.training
        title: Staff are trained
        description: Everyone completed the training.
        evidence: Training records.
`;

const FRAMEWORKS = `frameworks:
  - id: nist-800-53
    name: NIST SP 800-53
    version: Revision 5
    control_pattern: '^[A-Z]{2}-[0-9]{1,2}(\\([0-9]{1,2}\\))?$'
mappings:
  LG-S3-001:
    nist-800-53: [SC-28, SC-28(1)]
  CP-15.training:
    nist-800-53: [AT-2]
`;

/** A policies folder holding only a catalog with these two files. */
function policiesDir(clauses: string, frameworks: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'lexguard-catalog-'));
  mkdirSync(path.join(dir, 'catalog'));
  writeFileSync(path.join(dir, 'catalog', 'clauses.yaml'), clauses);
  writeFileSync(path.join(dir, 'catalog', 'frameworks.yaml'), frameworks);
  return dir;
}

function problemOf(clauses: string, frameworks: string, rules: RuleMetadata[] = [RULE]): string {
  const dir = policiesDir(clauses, frameworks);
  return lexguardErrorOf(() => readCatalog(dir, rules))
    .describe()
    .split(`${dir}${path.sep}`)
    .join('');
}

describe('reading the control catalog', () => {
  it('reads clauses, attested controls, frameworks and mappings', () => {
    const catalog = readCatalog(policiesDir(CLAUSES, FRAMEWORKS), [RULE]);
    expect(catalog.clauses.map((c) => c.id)).toEqual(['CP-01', 'CP-15']);
    expect(catalog.clauses[0].attested_controls).toEqual([]);
    expect(catalog.clauses[1].attested_controls?.[0].id).toBe('CP-15.training');
    expect(catalog.mappings['LG-S3-001']).toEqual({ 'nist-800-53': ['SC-28', 'SC-28(1)'] });
  });

  it.each([
    [
      'a mapping for a rule that does not exist',
      CLAUSES,
      FRAMEWORKS.replace('  LG-S3-001:', '  LG-S3-099:'),
      'catalog/frameworks.yaml:7:3: LG-S3-099 is neither a rule nor an attested control',
    ],
    [
      'a control of the wrong form',
      CLAUSES,
      FRAMEWORKS.replace('SC-28(1)', 'SC-28.1'),
      'catalog/frameworks.yaml:8:26: SC-28.1 is not a nist-800-53 control',
    ],
    [
      'a framework the catalog does not define',
      CLAUSES,
      FRAMEWORKS.replace('    nist-800-53: [AT-2]', '    iso-27001: [A.6.3]'),
      'catalog/frameworks.yaml:10:5: mappings.CP-15.training.iso-27001: iso-27001 is not a framework of the catalog',
    ],
    [
      'an attested control named after another clause',
      CLAUSES.replace('CP-15.training', 'CP-14.training'),
      FRAMEWORKS.replace('CP-15.training', 'CP-14.training'),
      'catalog/clauses.yaml:11:9: attested control CP-14.training must be named CP-15.<practice>',
    ],
    [
      'a clause defined twice',
      CLAUSES.replace('id: CP-15', 'id: CP-01'),
      FRAMEWORKS.replace(/CP-15\.training/g, 'CP-01.training'),
      'catalog/clauses.yaml:6:5: clause CP-01 is defined twice',
    ],
    [
      'a number where a control id goes',
      CLAUSES,
      FRAMEWORKS.replace('[AT-2]', '[3.6]'),
      'catalog/frameworks.yaml:10:19: mappings.CP-15.training.nist-800-53[0] must be string',
    ],
    [
      'an unknown key',
      CLAUSES.replace('    checkable: Attested.', '    checkable: Attested.\n    owner: records'),
      FRAMEWORKS,
      'catalog/clauses.yaml:10:5: clauses[1].owner is not a catalog key',
    ],
    ['broken YAML', `${CLAUSES}  - id: [CP-02\n`, FRAMEWORKS, 'catalog/clauses.yaml:16:1: invalid YAML'],
  ])('refuses %s, naming the file, line and column', (_name, clauses, frameworks, message) => {
    expect(problemOf(clauses, frameworks)).toContain(message);
  });

  it('refuses a rule that serves a clause the catalog does not define', () => {
    const problem = problemOf(CLAUSES, FRAMEWORKS, [{ ...RULE, clauses: ['CP-07'] }]);
    expect(problem).toContain(
      'policies/checks/s3/encryption_cmk.rego: rule LG-S3-001 serves clause CP-07, which is not defined',
    );
  });

  it('lists every problem at once', () => {
    const problem = problemOf(CLAUSES, FRAMEWORKS.replace('SC-28(1)', 'SC28').replace('[AT-2]', '[AT2]'));
    expect(problem.match(/is not a nist-800-53 control/g)).toHaveLength(2);
  });
});
