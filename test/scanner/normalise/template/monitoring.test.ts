import { valueOf } from '../../../../scanner/normalise/leaves';
import { cfn, modelOfResources, resource } from '../../../_helpers/template-model';

const KEY = { Key: resource('AWS::KMS::Key') };

describe('the AWS::Logs::LogGroup adapter', () => {
  it.each<[string, Record<string, unknown>, unknown, unknown]>([
    [
      'no key and no retention: CloudWatch Logs’ own encryption, kept forever',
      {},
      { ref: expect.objectContaining({ state: 'default', value: null }) },
      { state: 'default', value: null },
    ],
    [
      'a key of the template and a retention',
      { KmsKeyId: cfn.getAtt('Key', 'Arn'), RetentionInDays: 2557 },
      { ref: expect.objectContaining({ state: 'explicit' }), target: 'T/Key' },
      { state: 'explicit', value: 2557 },
    ],
    [
      'a key and a retention that cannot be resolved',
      { KmsKeyId: cfn.importValue('LogsKey'), RetentionInDays: cfn.ref('NoSuchParameter') },
      {
        ref: expect.objectContaining({
          state: 'unknown',
          reason: expect.stringMatching(/Fn::ImportValue LogsKey/),
        }),
      },
      { state: 'unknown', reason: expect.stringMatching(/NoSuchParameter/) },
    ],
  ])('reads a group with %s', (_name, properties, key, retention) => {
    const { model } = modelOfResources({ ...KEY, Audit: resource('AWS::Logs::LogGroup', properties) });
    expect(model.logs_log_groups['T/Audit'].kms_key).toEqual(key);
    expect(model.logs_log_groups['T/Audit'].retention_days).toMatchObject(retention as object);
  });
});

describe('the AWS::SNS::Topic adapter', () => {
  it.each<[string, Record<string, unknown>, unknown]>([
    ['an unencrypted topic', {}, { ref: expect.objectContaining({ state: 'default', value: null }) }],
    [
      'a topic encrypted with a key of the template',
      { KmsMasterKeyId: cfn.ref('Key') },
      expect.objectContaining({ target: 'T/Key' }),
    ],
    [
      'a topic encrypted with the AWS managed key',
      { KmsMasterKeyId: 'alias/aws/sns' },
      { ref: expect.objectContaining({ state: 'explicit', value: 'alias/aws/sns' }) },
    ],
    [
      'a topic whose key cannot be resolved',
      { KmsMasterKeyId: cfn.importValue('TopicKey') },
      {
        ref: expect.objectContaining({
          state: 'unknown',
          reason: expect.stringMatching(/Fn::ImportValue TopicKey/),
        }),
      },
    ],
  ])('reads %s', (_name, properties, key) => {
    const { model } = modelOfResources({ ...KEY, Alarms: resource('AWS::SNS::Topic', properties) });
    expect(model.sns_topics['T/Alarms'].kms_key).toEqual(key);
  });

  it('counts the topic’s key as used for something other than documents, logs or backups', () => {
    const { model } = modelOfResources({
      ...KEY,
      Alarms: resource('AWS::SNS::Topic', { KmsMasterKeyId: cfn.ref('Key') }),
    });
    expect(model.kms_keys['T/Key'].used_by).toEqual({
      documents: [],
      logs: [],
      backups: [],
      other: ['T/Alarms'],
    });
  });
});

describe('the AWS::KMS::Alias adapter', () => {
  it.each<[string, unknown]>([
    ['Ref', cfn.ref('Key')],
    ['Fn::GetAtt Arn', cfn.getAtt('Key', 'Arn')],
  ])('adds the alias to the key it names by %s', (_name, target) => {
    const { model, diagnostics } = modelOfResources({
      ...KEY,
      Alias: resource('AWS::KMS::Alias', { AliasName: 'alias/documents', TargetKeyId: target }),
    });
    expect(model.kms_keys['T/Key'].aliases).toMatchObject({
      state: 'explicit',
      value: ['alias/documents'],
      at: { path: 'Properties.AliasName', logical_id: 'Alias' },
    });
    expect(diagnostics).toEqual([]);
  });

  it('reports an alias of a key outside the template', () => {
    const { diagnostics } = modelOfResources({
      Alias: resource('AWS::KMS::Alias', { AliasName: 'alias/x', TargetKeyId: 'shared-key' }),
    });
    expect(diagnostics).toEqual([
      expect.objectContaining({
        message: 'alias alias/x points at key shared-key, which is not in the template',
      }),
    ]);
  });

  it('lets a bucket name its key by Ref of the alias', () => {
    const { model } = modelOfResources({
      ...KEY,
      Alias: resource('AWS::KMS::Alias', { AliasName: 'alias/documents', TargetKeyId: cfn.ref('Key') }),
      Docs: resource('AWS::S3::Bucket', {
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [
            { ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: cfn.ref('Alias') } },
          ],
        },
      }),
    });
    expect(model.s3_buckets['T/Docs'].encryption.kms_key.target).toBe('T/Key');
    expect(model.kms_keys['T/Key'].used_by.documents).toEqual(['T/Docs']);
  });
});

describe('the AWS::Logs::MetricFilter and AWS::CloudWatch::Alarm adapters', () => {
  const filter = (properties: Record<string, unknown> = {}) =>
    resource('AWS::Logs::MetricFilter', {
      LogGroupName: cfn.ref('Audit'),
      FilterPattern: '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }',
      MetricTransformations: [
        { MetricNamespace: 'CISBenchmark', MetricName: 'Unauthorized', MetricValue: '1' },
      ],
      ...properties,
    });
  const alarm = (properties: Record<string, unknown> = {}) =>
    resource('AWS::CloudWatch::Alarm', {
      Namespace: 'CISBenchmark',
      MetricName: 'Unauthorized',
      AlarmActions: [cfn.ref('Alarms')],
      ...properties,
    });
  const modelWith = (resources: Record<string, unknown>) =>
    modelOfResources({
      Audit: resource('AWS::Logs::LogGroup'),
      Alarms: resource('AWS::SNS::Topic'),
      ...resources,
    }).model;

  it('read the filter’s log group, pattern and metrics, and the alarm watching them', () => {
    const model = modelWith({ Unauthorized: filter(), UnauthorizedAlarm: alarm() });
    const read = model.cloudwatch_metric_filters['T/Unauthorized'];
    expect(read.log_group.target).toBe('T/Audit');
    expect(read.pattern_compact).toMatchObject({
      state: 'explicit',
      value: '{($.errorCode="*UnauthorizedOperation")||($.errorCode="AccessDenied*")}',
    });
    expect(read.metrics).toMatchObject({ value: [{ namespace: 'CISBenchmark', name: 'Unauthorized' }] });
    expect(read.alarms).toMatchObject({ state: 'explicit', value: ['T/UnauthorizedAlarm'] });
    const watching = model.cloudwatch_alarms['T/UnauthorizedAlarm'];
    expect(watching.actions_enabled).toMatchObject({ state: 'default', value: true });
    expect(valueOf(watching.alarm_actions)).toEqual([
      { ref: expect.objectContaining({ value: '{{lexguard:Alarms}}' }), target: 'T/Alarms' },
    ]);
  });

  it.each<[string, Record<string, unknown>, unknown]>([
    [
      'an alarm on another metric',
      { UnauthorizedAlarm: alarm({ MetricName: 'Other' }) },
      { state: 'default', value: [] },
    ],
    [
      'an alarm on the metric through a one-metric Metrics list',
      {
        UnauthorizedAlarm: alarm({
          Namespace: undefined,
          MetricName: undefined,
          Metrics: [
            {
              Id: 'm1',
              MetricStat: {
                Metric: { Namespace: 'CISBenchmark', MetricName: 'Unauthorized' },
                Period: 300,
                Stat: 'Sum',
              },
            },
          ],
        }),
      },
      { state: 'explicit', value: ['T/UnauthorizedAlarm'] },
    ],
    [
      'only an alarm whose metric cannot be read',
      { OtherAlarm: alarm({ MetricName: cfn.importValue('Metric') }) },
      {
        state: 'unknown',
        reason: expect.stringMatching(/the metric of alarm T\/OtherAlarm is unknown: Fn::ImportValue Metric/),
      },
    ],
    [
      'only an alarm over metric math',
      {
        MathAlarm: alarm({
          Namespace: undefined,
          MetricName: undefined,
          Metrics: [
            { Id: 'a', MetricStat: { Metric: { Namespace: 'CISBenchmark', MetricName: 'Unauthorized' } } },
            { Id: 'b', MetricStat: { Metric: { Namespace: 'CISBenchmark', MetricName: 'Other' } } },
            { Id: 'sum', Expression: 'a+b' },
          ],
        }),
      },
      { state: 'unknown', reason: expect.stringMatching(/metric math/) },
    ],
  ])('give the filter’s alarms for %s', (_name, alarms, expected) => {
    const model = modelWith({ Unauthorized: filter(), ...alarms });
    expect(model.cloudwatch_metric_filters['T/Unauthorized'].alarms).toMatchObject(expected as object);
  });

  it('make the alarms unknown when the filter’s metrics are', () => {
    const model = modelWith({
      Unauthorized: filter({ MetricTransformations: cfn.importValue('M') }),
      UnauthorizedAlarm: alarm(),
    });
    expect(model.cloudwatch_metric_filters['T/Unauthorized'].alarms).toMatchObject({
      state: 'unknown',
      reason: expect.stringMatching(/Fn::ImportValue M/),
    });
  });
});
