import { normalisePolicyDocument } from '../../../scanner/normalise/policy-document';
import { Unresolved } from '../../../scanner/sources/template/resolve/unresolved';

describe('normalisePolicyDocument', () => {
  it('puts single values into lists and lower-cases condition keys', () => {
    const result = normalisePolicyDocument({
      Statement: {
        Sid: 'DenyHttp',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: 'arn:aws:s3:::docs/*',
        Condition: { Bool: { 'aws:SecureTransport': false }, NumericLessThan: { 's3:TlsVersion': 1.2 } },
      },
    });
    expect(result).toEqual({
      document: {
        statements: [
          {
            sid: 'DenyHttp',
            effect: 'Deny',
            principals: { wildcard: true, aws: [], service: [], federated: [], canonical_user: [] },
            not_principals: null,
            actions: ['s3:*'],
            not_actions: [],
            resources: ['arn:aws:s3:::docs/*'],
            not_resources: [],
            conditions: [
              {
                operator: 'Bool',
                qualifier: null,
                if_exists: false,
                key: 'aws:securetransport',
                values: ['false'],
              },
              {
                operator: 'NumericLessThan',
                qualifier: null,
                if_exists: false,
                key: 's3:tlsversion',
                values: ['1.2'],
              },
            ],
            unresolved: [],
          },
        ],
      },
    });
  });

  it('splits set qualifiers and IfExists off condition operators', () => {
    const result = normalisePolicyDocument({
      Statement: [
        {
          Effect: 'Allow',
          Action: '*',
          Condition: { 'ForAnyValue:StringLikeIfExists': { 'aws:PrincipalTag/team': ['a', 'b'] } },
        },
      ],
    });
    expect('document' in result && result.document.statements[0].conditions).toEqual([
      {
        operator: 'StringLike',
        qualifier: 'ForAnyValue',
        if_exists: true,
        key: 'aws:principaltag/team',
        values: ['a', 'b'],
      },
    ]);
  });

  it('reads principals by type', () => {
    const result = normalisePolicyDocument({
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: ['arn:aws:iam::1:root', '*'], Service: 'cloudtrail.amazonaws.com' },
          Action: 'kms:*',
        },
      ],
    });
    expect('document' in result && result.document.statements[0].principals).toEqual({
      wildcard: false,
      aws: ['arn:aws:iam::1:root', '*'],
      service: ['cloudtrail.amazonaws.com'],
      federated: [],
      canonical_user: [],
    });
  });

  it('records the parts it could not resolve instead of guessing them', () => {
    const result = normalisePolicyDocument({
      Statement: [
        {
          Effect: 'Deny',
          Principal: '*',
          Action: ['s3:*', new Unresolved('import')],
          Condition: { StringNotEquals: { 'aws:SourceVpce': new Unresolved('import') } },
        },
        new Unresolved('whole statement'),
      ],
    });
    expect('document' in result && result.document.statements.map((s) => s.unresolved)).toEqual([
      ['Action[1]', 'Condition.StringNotEquals.aws:SourceVpce'],
      ['Statement[1]'],
    ]);
  });

  it('parses the JSON strings AWS APIs return', () => {
    const result = normalisePolicyDocument(
      '{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Principal":{"AWS":"*"}}]}',
    );
    expect('document' in result && result.document.statements[0].principals?.aws).toEqual(['*']);
    expect(normalisePolicyDocument('{not json')).toEqual({
      unresolved: 'the policy document is not valid JSON',
    });
  });

  it('passes an unresolved document on as unresolved', () => {
    expect(normalisePolicyDocument(new Unresolved('Fn::ImportValue SharedPolicy'))).toEqual({
      unresolved: 'Fn::ImportValue SharedPolicy',
    });
  });
});
