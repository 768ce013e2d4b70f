import type { S3Bucket } from '../../../../scanner/model/s3';
import { cfn, modelOfResources, resource } from '../../../_helpers/template-model';

const TAGS = [
  { Key: 'data-classification', Value: 'privileged' },
  { Key: 'backup', Value: 'daily' },
];

/** A generated-name bucket `Docs` and a named, tagged bucket `Named`, with the resources under test. */
function bucketsWith(resources: Record<string, unknown>): Record<string, S3Bucket> {
  return modelOfResources({
    Docs: resource('AWS::S3::Bucket'),
    Named: resource('AWS::S3::Bucket', { BucketName: 'firm-docs', Tags: TAGS }),
    Plan: resource('AWS::Backup::BackupPlan', { BackupPlan: { BackupPlanName: 'p', BackupPlanRule: [] } }),
    ...resources,
  }).model.s3_buckets;
}

describe('backup selections covering buckets', () => {
  const selection = (spec: Record<string, unknown>) => ({
    Selection: resource('AWS::Backup::BackupSelection', {
      BackupPlanId: cfn.ref('Plan'),
      BackupSelection: { SelectionName: 's', IamRoleArn: 'arn:aws:iam::111122223333:role/backup', ...spec },
    }),
  });
  const covered = ['T/Selection'];

  it.each<[string, Record<string, unknown>, unknown, unknown]>([
    ['by Fn::GetAtt Arn', { Resources: [cfn.getAtt('Docs', 'Arn')] }, covered, []],
    [
      'by an ARN built with Fn::Join',
      { Resources: [cfn.join(['arn:', cfn.ref('AWS::Partition'), ':s3:::', cfn.ref('Docs')])] },
      covered,
      [],
    ],
    [
      'by an ARN built with Fn::Sub',
      { Resources: [cfn.sub('arn:${AWS::Partition}:s3:::${Docs}')] },
      covered,
      [],
    ],
    ['by a literal ARN', { Resources: ['arn:aws:s3:::firm-docs'] }, [], covered],
    ['by every S3 resource', { Resources: ['arn:aws:s3:::*'] }, covered, covered],
    ['by every resource', { Resources: ['*'] }, covered, covered],
    ['by resources of another service only', { Resources: ['arn:aws:dynamodb:*:*:table/*'] }, [], []],
    ['by a name pattern', { Resources: ['arn:aws:s3:::firm-*'] }, 'unknown', covered],
    [
      'by a tag (ListOfTags)',
      { ListOfTags: [{ ConditionType: 'STRINGEQUALS', ConditionKey: 'backup', ConditionValue: 'daily' }] },
      [],
      covered,
    ],
    [
      'by a condition only, which narrows every resource',
      {
        Conditions: {
          StringLike: [{ ConditionKey: 'aws:ResourceTag/data-classification', ConditionValue: 'priv*' }],
        },
      },
      [],
      covered,
    ],
    [
      'by resources narrowed by a condition',
      {
        Resources: ['arn:aws:s3:::*'],
        Conditions: {
          StringNotEquals: [{ ConditionKey: 'aws:ResourceTag/backup', ConditionValue: 'daily' }],
        },
      },
      covered,
      [],
    ],
    [
      'minus NotResources',
      { Resources: ['arn:aws:s3:::*'], NotResources: [cfn.getAtt('Docs', 'Arn')] },
      [],
      covered,
    ],
    ['by resources that cannot be resolved', { Resources: [cfn.importValue('Arn')] }, 'unknown', 'unknown'],
  ])('are found %s', (_name, spec, docs, named) => {
    const buckets = bucketsWith(selection(spec));
    for (const [id, expected] of [
      ['T/Docs', docs],
      ['T/Named', named],
    ] as const) {
      const leaf = buckets[id].backup_selections;
      if (expected === 'unknown')
        expect(leaf).toMatchObject({
          state: 'unknown',
          reason: expect.stringContaining('backup selection T/Selection'),
        });
      else expect(leaf).toMatchObject({ value: expected });
    }
  });

  it('are none, known, when the template has no selection', () => {
    expect(bucketsWith({})['T/Docs'].backup_selections).toEqual({ state: 'default', value: [] });
  });
});

describe('trails recording a bucket’s data events', () => {
  const trail = (selectors: unknown[]) => ({
    Trail: resource('AWS::CloudTrail::Trail', {
      IsLogging: true,
      S3BucketName: 'logs',
      EventSelectors: selectors,
    }),
  });
  const s3 = (values: unknown[], readWrite = 'All') => ({
    ReadWriteType: readWrite,
    DataResources: [{ Type: 'AWS::S3::Object', Values: values }],
  });
  const by = ['T/Trail'];

  it.each<[string, unknown[], { read: unknown; write: unknown }, { read: unknown; write: unknown }]>([
    ['every bucket', [s3(['arn:aws:s3'])], { read: by, write: by }, { read: by, write: by }],
    [
      'the bucket as CDK writes it',
      [s3([cfn.join([cfn.getAtt('Docs', 'Arn'), '/'])])],
      { read: by, write: by },
      { read: [], write: [] },
    ],
    [
      'the bucket by Fn::Sub',
      [s3([cfn.sub('arn:${AWS::Partition}:s3:::${Docs}/')])],
      { read: by, write: by },
      { read: [], write: [] },
    ],
    [
      'the bucket by name, writes only',
      [s3(['arn:aws:s3:::firm-docs/'], 'WriteOnly')],
      { read: [], write: [] },
      { read: [], write: by },
    ],
    [
      'a prefix of the bucket only',
      [s3(['arn:aws:s3:::firm-docs/clients/'])],
      { read: [], write: [] },
      { read: [], write: [] },
    ],
    [
      'a value that cannot be resolved',
      [s3([cfn.importValue('Arn')], 'ReadOnly')],
      { read: 'unknown', write: [] },
      { read: 'unknown', write: [] },
    ],
  ])('are found for a selector of %s', (_name, selectors, docs, named) => {
    const buckets = bucketsWith(trail(selectors));
    for (const [id, expected] of [
      ['T/Docs', docs],
      ['T/Named', named],
    ] as const) {
      for (const direction of ['read', 'write'] as const) {
        const leaf = buckets[id].data_event_trails[direction];
        if (expected[direction] === 'unknown')
          expect(leaf).toMatchObject({ state: 'unknown', reason: expect.stringContaining('trail T/Trail') });
        else expect(leaf).toMatchObject({ value: expected[direction] });
      }
    }
  });

  it('are unknown when a trail’s selectors cannot be read', () => {
    const buckets = bucketsWith({
      Trail: resource('AWS::CloudTrail::Trail', {
        IsLogging: true,
        S3BucketName: 'logs',
        EventSelectors: cfn.importValue('S'),
      }),
    });
    expect(buckets['T/Docs'].data_event_trails.read).toMatchObject({
      state: 'unknown',
      reason: expect.stringMatching(/trail T\/Trail: its data events are unknown: Fn::ImportValue S/),
    });
  });
});

describe('metric filters reading a log group', () => {
  const filter = (logGroupName: unknown) =>
    resource('AWS::Logs::MetricFilter', {
      LogGroupName: logGroupName,
      FilterPattern: '{ $.userIdentity.type = "Root" }',
      MetricTransformations: [{ MetricNamespace: 'CIS', MetricName: 'Root', MetricValue: '1' }],
    });
  const groups = (resources: Record<string, unknown>) =>
    modelOfResources({
      Audit: resource('AWS::Logs::LogGroup'),
      App: resource('AWS::Logs::LogGroup', { LogGroupName: 'app' }),
      ...resources,
    }).model.logs_log_groups;

  it('are found by the log group’s Ref and by its name', () => {
    const found = groups({ Root: filter(cfn.ref('Audit')), AppErrors: filter('app') });
    expect(found['T/Audit'].metric_filters).toMatchObject({ value: ['T/Root'] });
    expect(found['T/App'].metric_filters).toMatchObject({ value: ['T/AppErrors'] });
  });

  it('are unknown for every group without a filter when a filter’s log group cannot be resolved', () => {
    const found = groups({ Root: filter(cfn.ref('Audit')), Imported: filter(cfn.importValue('Group')) });
    expect(found['T/Audit'].metric_filters).toMatchObject({ value: ['T/Root'] });
    expect(found['T/App'].metric_filters).toMatchObject({
      state: 'unknown',
      reason: expect.stringMatching(
        /metric filter T\/Imported: its log group is unknown: .*Fn::ImportValue Group/,
      ),
    });
  });
});
