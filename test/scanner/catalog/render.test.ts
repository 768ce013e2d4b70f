import type { Catalog } from '../../../scanner/catalog/catalog';
import { catalogView } from '../../../scanner/catalog/catalog-view';
import { catalogJson } from '../../../scanner/catalog/render/json';
import { catalogMarkdown } from '../../../scanner/catalog/render/markdown';
import { catalogTable } from '../../../scanner/catalog/render/table';
import type { RuleMetadata } from '../../../scanner/engine/rule-metadata';

const CATALOG: Catalog = {
  clauses: [
    { id: 'CP-01', title: 'Encryption at rest', policy: 'Encrypted at rest.', checkable: 'SSE-KMS.' },
    { id: 'CP-02', title: 'Encryption in transit', policy: 'Encrypted in transit.', checkable: 'TLS only.' },
    {
      id: 'CP-15',
      title: 'Practices outside the cloud',
      policy: 'Staff are trained.',
      checkable: 'Attested.',
      attested_controls: [
        { id: 'CP-15.training', title: 'Staff are trained', description: 'Trained.', evidence: 'Records.' },
      ],
    },
  ],
  frameworks: [
    { id: 'cis-aws', name: 'CIS AWS Foundations', version: 'v3.0.0', control_pattern: '.' },
    { id: 'nist-800-53', name: 'NIST SP 800-53', version: 'Revision 5', control_pattern: '.' },
  ],
  mappings: {
    'LG-S3-001': { 'nist-800-53': ['SC-28'], 'cis-aws': ['2.1.1'] },
    'CP-15.training': { 'nist-800-53': ['AT-2'] },
  },
};

const RULES: RuleMetadata[] = [
  {
    id: 'LG-S3-001',
    package: 's3.encryption_cmk',
    file: 'policies/checks/s3/encryption_cmk.rego',
    title: 'Buckets use a firm key',
    description: 'Default encryption is SSE-KMS with a customer managed key | not AES256.',
    severity: 'HIGH',
    clauses: ['CP-01'],
    resource_kinds: ['s3_bucket'],
    sources: ['template', 'live'],
    remediation: 'Use SSE-KMS with a customer managed key.',
    cdk: "new s3.Bucket(this, 'Docs', { encryptionKey })",
  },
];

const VIEW = catalogView(CATALOG, RULES);

describe('the catalog view', () => {
  it('walks from each clause to what checks it, and to the frameworks in the catalog’s order', () => {
    expect(VIEW.clauses[0].rules).toEqual([
      {
        id: 'LG-S3-001',
        title: 'Buckets use a firm key',
        severity: 'HIGH',
        sources: ['template', 'live'],
        frameworks: [
          { framework: 'cis-aws', controls: ['2.1.1'] },
          { framework: 'nist-800-53', controls: ['SC-28'] },
        ],
      },
    ]);
    expect(VIEW.clauses[2]).toMatchObject({ covered: true, rules: [], attested: [{ id: 'CP-15.training' }] });
    expect(VIEW.uncovered).toEqual(['CP-02']);
  });
});

describe('the catalog renderers', () => {
  it('prints a table that marks uncovered clauses', () => {
    expect(catalogTable.render(VIEW)).toBe(
      [
        'CP-01  Encryption at rest',
        '       LG-S3-001   HIGH     Buckets use a firm key',
        '                            cis-aws 2.1.1 · nist-800-53 SC-28',
        '',
        'CP-02  Encryption in transit  — UNCOVERED: no rule or attested control',
        '',
        'CP-15  Practices outside the cloud',
        '       CP-15.training (attested) Staff are trained',
        '                            nist-800-53 AT-2',
        '',
        '3 clauses, 1 uncovered (CP-02); 1 rules, 1 attested controls',
        '',
      ].join('\n'),
    );
  });

  it('writes Markdown with the coverage table, the frameworks and a section per rule', () => {
    const markdown = catalogMarkdown.render(VIEW);
    expect(markdown).toContain('| CP-01 Encryption at rest | LG-S3-001 | covered |');
    expect(markdown).toContain('| CP-02 Encryption in transit | — | **uncovered** |');
    expect(markdown).toContain('| CP-15 Practices outside the cloud | CP-15.training (attested) | covered |');
    expect(markdown).toContain('**Uncovered clauses**: CP-02.');
    expect(markdown).toContain('| cis-aws | CIS AWS Foundations | v3.0.0 |');
    expect(markdown).toContain(
      [
        '### LG-S3-001: Buckets use a firm key',
        '',
        '| severity | clauses | resources | judged on |',
        '| --- | --- | --- | --- |',
        '| HIGH | CP-01 | s3_bucket | template, live |',
        '',
        'Default encryption is SSE-KMS with a customer managed key | not AES256.',
        '',
        '**Remediation**: Use SSE-KMS with a customer managed key.',
        '',
        "**CDK**: `new s3.Bucket(this, 'Docs', { encryptionKey })`",
        '',
        '**Frameworks**: cis-aws 2.1.1 · nist-800-53 SC-28',
      ].join('\n'),
    );
    expect(markdown).toContain('### CP-15.training: Staff are trained');
  });

  it('writes the view as JSON', () => {
    expect(JSON.parse(catalogJson.render(VIEW))).toEqual(JSON.parse(JSON.stringify(VIEW)));
  });
});
