import type { CloudTrailTrail } from '../../../../scanner/model/cloudtrail';
import { cfn, modelOfResources, resource } from '../../../_helpers/template-model';

const BASE = { IsLogging: true, S3BucketName: cfn.ref('TrailBucket') };

function trailOf(properties: Record<string, unknown>, others: Record<string, unknown> = {}): CloudTrailTrail {
  const { model } = modelOfResources({
    TrailBucket: resource('AWS::S3::Bucket'),
    ...others,
    Trail: resource('AWS::CloudTrail::Trail', { ...BASE, ...properties }),
  });
  return model.cloudtrail_trails['T/Trail'];
}

describe('the AWS::CloudTrail::Trail adapter', () => {
  it.each<[keyof CloudTrailTrail, string, unknown]>([
    ['multi_region', 'IsMultiRegionTrail', false],
    ['include_global_service_events', 'IncludeGlobalServiceEvents', true],
    ['log_file_validation', 'EnableLogFileValidation', false],
    ['organization_trail', 'IsOrganizationTrail', false],
    ['management_events', 'EventSelectors', 'All'],
    ['excluded_management_event_sources', 'EventSelectors', []],
    ['data_events', 'EventSelectors', []],
  ])('assumes CloudTrail’s default for %s when %s is not set', (field, _property, value) => {
    expect(trailOf({})[field]).toMatchObject({ state: 'default', value });
  });

  it.each<[keyof CloudTrailTrail, string, unknown]>([
    ['multi_region', 'IsMultiRegionTrail', true],
    ['include_global_service_events', 'IncludeGlobalServiceEvents', false],
    ['log_file_validation', 'EnableLogFileValidation', true],
    ['organization_trail', 'IsOrganizationTrail', true],
    ['is_logging', 'IsLogging', false],
  ])('reads %s from %s', (field, property, value) => {
    expect(trailOf({ [property]: value })[field]).toMatchObject({
      state: 'explicit',
      value,
      at: { path: `Properties.${property}` },
    });
  });

  it.each<[string, Record<string, unknown>, keyof CloudTrailTrail, RegExp]>([
    ['a missing IsLogging', { IsLogging: undefined }, 'is_logging', /IsLogging is required/],
    [
      'an imported flag',
      { IsMultiRegionTrail: cfn.importValue('Flag') },
      'multi_region',
      /Fn::ImportValue Flag/,
    ],
    [
      'selectors that cannot be resolved',
      { EventSelectors: cfn.importValue('S') },
      'data_events',
      /Fn::ImportValue S/,
    ],
  ])('makes %s unknown, with the reason', (_name, properties, field, reason) => {
    const leaf = trailOf(properties)[field] as { state: string; reason?: string };
    expect(leaf.state).toBe('unknown');
    expect(leaf.reason).toMatch(reason);
  });

  it('takes its home region from the stack', () => {
    const { model } = modelOfResources(
      { TrailBucket: resource('AWS::S3::Bucket'), Trail: resource('AWS::CloudTrail::Trail', BASE) },
      { region: 'eu-west-1' },
    );
    expect(model.cloudtrail_trails['T/Trail'].home_region).toMatchObject({
      state: 'explicit',
      value: 'eu-west-1',
    });
  });

  describe('links', () => {
    const others = {
      Key: resource('AWS::KMS::Key'),
      KeyAlias: resource('AWS::KMS::Alias', {
        AliasName: 'alias/logs',
        TargetKeyId: cfn.getAtt('Key', 'Arn'),
      }),
      Logs: resource('AWS::Logs::LogGroup', { LogGroupName: 'audit' }),
      Named: resource('AWS::S3::Bucket', { BucketName: 'firm-trail' }),
    };

    it.each<[string, Record<string, unknown>, 'bucket' | 'kms_key' | 'log_group', string]>([
      ['the bucket by Ref', {}, 'bucket', 'T/TrailBucket'],
      ['the bucket by name', { S3BucketName: 'firm-trail' }, 'bucket', 'T/Named'],
      ['the key by Fn::GetAtt Arn', { KMSKeyId: cfn.getAtt('Key', 'Arn') }, 'kms_key', 'T/Key'],
      ['the key by its alias', { KMSKeyId: 'alias/logs' }, 'kms_key', 'T/Key'],
      ['the key by Ref of its alias', { KMSKeyId: cfn.ref('KeyAlias') }, 'kms_key', 'T/Key'],
      [
        'the key by an ARN built with Fn::Sub',
        { KMSKeyId: cfn.sub('arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/${Key}') },
        'kms_key',
        'T/Key',
      ],
      [
        'the log group by Fn::GetAtt Arn',
        { CloudWatchLogsLogGroupArn: cfn.getAtt('Logs', 'Arn') },
        'log_group',
        'T/Logs',
      ],
      [
        'the log group by an ARN ending in :*',
        {
          CloudWatchLogsLogGroupArn: cfn.sub(
            'arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:${Logs}:*',
          ),
        },
        'log_group',
        'T/Logs',
      ],
      [
        'the log group by a literal ARN',
        { CloudWatchLogsLogGroupArn: 'arn:aws:logs:eu-west-1:111122223333:log-group:audit:*' },
        'log_group',
        'T/Logs',
      ],
    ])('links %s', (_name, properties, field, target) => {
      expect(trailOf(properties, others)[field].target).toBe(target);
    });

    it('has no key and no log group when none is set', () => {
      const trail = trailOf({}, others);
      expect(trail.kms_key).toEqual({ ref: expect.objectContaining({ state: 'default', value: null }) });
      expect(trail.log_group).toEqual({ ref: expect.objectContaining({ state: 'default', value: null }) });
    });

    it('keeps a reference outside the template without a target', () => {
      const trail = trailOf({ KMSKeyId: 'arn:aws:kms:eu-west-1:111122223333:key/shared' }, others);
      expect(trail.kms_key).toEqual({
        ref: expect.objectContaining({
          state: 'explicit',
          value: 'arn:aws:kms:eu-west-1:111122223333:key/shared',
        }),
      });
    });
  });

  describe('event selectors', () => {
    const s3 = (values: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> => ({
      ...extra,
      DataResources: [{ Type: 'AWS::S3::Object', Values: values }],
    });

    it.each<[string, unknown[], Partial<CloudTrailTrail>]>([
      [
        'a selector of every read and write, and S3 objects',
        [s3(['arn:aws:s3'])],
        {
          management_events: expect.objectContaining({ value: 'All' }),
          data_events: expect.objectContaining({
            value: [
              {
                resource_type: 'AWS::S3::Object',
                read: true,
                write: true,
                values: ['arn:aws:s3'],
                unresolved: [],
              },
            ],
          }),
        },
      ],
      [
        'a write-only selector without management events',
        [s3(['arn:aws:s3:::docs/'], { ReadWriteType: 'WriteOnly', IncludeManagementEvents: false })],
        {
          management_events: expect.objectContaining({ value: 'None' }),
          data_events: expect.objectContaining({
            value: [expect.objectContaining({ read: false, write: true, values: ['arn:aws:s3:::docs/'] })],
          }),
        },
      ],
      [
        'a read-only and a write-only selector together',
        [{ ReadWriteType: 'ReadOnly' }, { ReadWriteType: 'WriteOnly' }],
        { management_events: expect.objectContaining({ value: 'All' }) },
      ],
      [
        'excluded event sources',
        [{ ExcludeManagementEventSources: ['kms.amazonaws.com', 'rdsdata.amazonaws.com'] }],
        {
          excluded_management_event_sources: expect.objectContaining({
            value: ['kms.amazonaws.com', 'rdsdata.amazonaws.com'],
          }),
        },
      ],
      [
        'a source excluded by one selector but recorded by another',
        [{ ExcludeManagementEventSources: ['kms.amazonaws.com'] }, {}],
        { excluded_management_event_sources: expect.objectContaining({ value: [] }) },
      ],
      [
        'a value that cannot be resolved',
        [s3([cfn.importValue('DocsArn'), 'arn:aws:s3:::logs/'])],
        {
          data_events: expect.objectContaining({
            value: [
              expect.objectContaining({
                values: ['arn:aws:s3:::logs/'],
                unresolved: ['EventSelectors[0].DataResources[0].Values[0]'],
              }),
            ],
          }),
        },
      ],
      [
        'the bucket written as CDK writes it',
        [s3([cfn.join([cfn.getAtt('TrailBucket', 'Arn'), '/'])])],
        {
          data_events: expect.objectContaining({
            value: [expect.objectContaining({ values: ['{{lexguard:TrailBucket.Arn}}/'] })],
          }),
        },
      ],
    ])('reads EventSelectors: %s', (_name, selectors, expected) => {
      expect(trailOf({ EventSelectors: selectors })).toMatchObject(expected);
    });

    const field = (Field: string, operators: Record<string, unknown[]>): Record<string, unknown> => ({
      Field,
      ...operators,
    });

    it.each<[string, unknown[], Partial<CloudTrailTrail>]>([
      [
        'management events, reads only',
        [
          {
            FieldSelectors: [
              field('eventCategory', { Equals: ['Management'] }),
              field('readOnly', { Equals: ['true'] }),
            ],
          },
        ],
        {
          management_events: expect.objectContaining({ value: 'ReadOnly' }),
          data_events: expect.objectContaining({ value: [] }),
        },
      ],
      [
        'management events without KMS',
        [
          {
            FieldSelectors: [
              field('eventCategory', { Equals: ['Management'] }),
              field('eventSource', { NotEquals: ['kms.amazonaws.com'] }),
            ],
          },
        ],
        {
          management_events: expect.objectContaining({ value: 'All' }),
          excluded_management_event_sources: expect.objectContaining({ value: ['kms.amazonaws.com'] }),
        },
      ],
      [
        'S3 data events by ARN prefix and exact ARN',
        [
          {
            FieldSelectors: [
              field('eventCategory', { Equals: ['Data'] }),
              field('resources.type', { Equals: ['AWS::S3::Object'] }),
              field('readOnly', { Equals: ['false'] }),
              field('resources.ARN', {
                StartsWith: [cfn.sub('arn:${AWS::Partition}:s3:::${TrailBucket}/')],
                Equals: ['arn:aws:s3:::x/y'],
              }),
            ],
          },
        ],
        {
          management_events: expect.objectContaining({ value: 'None' }),
          data_events: expect.objectContaining({
            value: [
              {
                resource_type: 'AWS::S3::Object',
                read: false,
                write: true,
                values: ['arn:aws:s3:::{{lexguard:TrailBucket}}/', 'arn:aws:s3:::x/y'],
                unresolved: [],
              },
            ],
          }),
        },
      ],
      [
        'a data selector filtered on event names, which the model cannot hold',
        [
          {
            FieldSelectors: [
              field('eventCategory', { Equals: ['Data'] }),
              field('resources.type', { Equals: ['AWS::S3::Object'] }),
              field('eventName', { Equals: ['PutObject'] }),
            ],
          },
        ],
        {
          data_events: expect.objectContaining({
            value: [
              expect.objectContaining({
                values: [],
                unresolved: ['AdvancedEventSelectors[0].FieldSelectors.eventName.Equals'],
              }),
            ],
          }),
        },
      ],
    ])('reads AdvancedEventSelectors: %s', (_name, selectors, expected) => {
      expect(trailOf({ AdvancedEventSelectors: selectors })).toMatchObject(expected);
    });

    it('makes management events unknown when a selector records some event sources only', () => {
      const trail = trailOf({
        AdvancedEventSelectors: [
          {
            FieldSelectors: [
              field('eventCategory', { Equals: ['Management'] }),
              field('eventSource', { Equals: ['s3.amazonaws.com'] }),
            ],
          },
        ],
      });
      expect(trail.management_events).toMatchObject({
        state: 'unknown',
        reason: expect.stringMatching(/some event sources only/),
      });
    });
  });
});
