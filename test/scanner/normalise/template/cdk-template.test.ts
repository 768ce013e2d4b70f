import { readFileSync } from 'node:fs';
import type { Model } from '../../../../scanner/model/model';
import { templateToModel } from '../../../../scanner/normalise/template/template-to-model';
import { parseTemplateText } from '../../../../scanner/sources/template/parse-template';
import { DEFAULT_RULE_CONFIG } from '../../../../scanner/config/defaults';
import { fixture } from '../../../_helpers/paths';
import { SCANNED_AT } from '../../../_helpers/template-model';

/**
 * `cdk-synth/document-store.json` is `cdk synth` output (aws-cdk-lib 2.276) of a stack using the constructs the
 * document store uses: a key with an alias, buckets, a trail with data events, a vault, plan and selection,
 * IAM users, groups, roles and policies, an alarm on a metric filter, and AwsCustomResources for the
 * password policy and account Block Public Access. The provider function is left out.
 */
function cdkModel(): { model: Model; diagnostics: unknown[]; notModelled: Record<string, number> } {
  const file = fixture('cdk-synth', 'document-store.json');
  const [template] = parseTemplateText(file, readFileSync(file, 'utf8'));
  return templateToModel(template, { config: DEFAULT_RULE_CONFIG, scannedAt: SCANNED_AT, scope: 'Store' });
}

/** Every link in the model whose reference is known, with where it is. */
function linksIn(value: unknown, path = ''): Array<{ path: string; ref: string; target?: string }> {
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  const ref = record.ref as { state?: string; value?: unknown } | undefined;
  if (ref && typeof ref === 'object' && 'state' in ref) {
    return typeof ref.value === 'string'
      ? [{ path, ref: ref.value, target: record.target as string | undefined }]
      : [];
  }
  return Object.entries(record).flatMap(([key, item]) => linksIn(item, `${path}/${key}`));
}

describe('a template as CDK synthesises it', () => {
  const { model, diagnostics, notModelled } = cdkModel();

  it('is read whole: every type modelled, nothing reported', () => {
    expect(notModelled).toEqual({});
    expect(diagnostics).toEqual([]);
  });

  it('links every reference CDK wrote to the resource it names', () => {
    const unlinked = linksIn(model).filter((link) => link.target === undefined);
    expect(unlinked).toEqual([]);
    expect(linksIn(model).length).toBeGreaterThanOrEqual(17);
  });

  it('leaves no leaf waiting for the linking pass', () => {
    expect(JSON.stringify(model)).not.toContain('not linked yet');
  });

  it('finds the reverse links a rule reads', () => {
    const docs = model.s3_buckets['Store/DocsA50029D5'];
    expect(docs.backup_selections).toMatchObject({ state: 'explicit', value: ['Store/PlanSel47C3C466'] });
    expect(docs.data_event_trails.read).toMatchObject({ value: ['Store/Trail022F0CF2'] });
    expect(model.kms_keys['Store/Key961B73FD'].used_by).toEqual({
      documents: ['Store/DocsA50029D5'],
      logs: ['Store/TrailBucketA831CE63', 'Store/Trail022F0CF2', 'Store/TrailLogs3B05809D'],
      backups: ['Store/Vault23237E5B'],
      other: ['Store/Alarms04B5A0BF'],
    });
    expect(model.cloudwatch_metric_filters['Store/Unauth27D1BE6E'].alarms).toMatchObject({
      value: ['Store/UnauthAlarmDD9D86AF'],
    });
    expect(model.accounts['Store/account'].password_policy).toMatchObject({
      state: 'explicit',
      value: { minimum_length: 14 },
    });
  });
});
