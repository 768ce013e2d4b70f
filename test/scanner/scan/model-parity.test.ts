import { readFileSync } from 'node:fs';
import { DEFAULT_RULE_CONFIG } from '../../../scanner/config/defaults';
import { compareResources, type PropertyDifference } from '../../../scanner/drift/compare-resources';
import type { Model } from '../../../scanner/model/model';
import type { ResourceBase, ResourceKind } from '../../../scanner/model/resource';
import { RESOURCE_COLLECTIONS } from '../../../scanner/model/collections';
import { templateToModel } from '../../../scanner/normalise/template/template-to-model';
import { parseTemplateText } from '../../../scanner/sources/template/parse-template';
import { replaceTokens } from '../../../scanner/sources/template/resolve/tokens';
import { startLiveLab, type LiveLab } from '../../_helpers/live-lab';
import { MOTO_ACCOUNT } from '../../_helpers/moto';
import { fixture } from '../../_helpers/paths';

/**
 * Model parity for the resource kinds moto's CloudFormation cannot deploy (trails, metric filters, alarms,
 * backup vaults and plans) and for IAM: the live estate's audit, backup, alarm and identity resources,
 * created with the SDK, against the same resources written as CloudFormation (test/_fixtures/live/estate.yaml)
 * and read by the template adapters. Every setting known on both sides must be equal, whatever rules exist.
 */
const LIVE_NAME_OF: Record<string, string> = {
  DocsKey: 'docs-key',
  TrailBucket: 'trail-bucket',
  TrailLogs: 'log-group',
  Trail: 'trail',
  AlarmTopic: 'topic',
  UnauthorizedCalls: 'metric-filter',
  UnauthorizedCallsAlarm: 'alarm',
  Vault: 'vault',
  Plan: 'plan',
  Lawyers: 'group',
  Alice: 'user',
  Scanner: 'role',
};

/** `Ref` gives an SNS topic's ARN and other resources' names or ids, as CloudFormation documents. */
const REF_IS_ARN = new Set(['AlarmTopic']);

let lab: LiveLab;
let live: Model;
let planned: Model;

beforeAll(async () => {
  lab = await startLiveLab();
  live = (await lab.scan()).collection.model;
  const [template] = parseTemplateText('estate.yaml', readFileSync(fixture('live', 'estate.yaml'), 'utf8'));
  planned = templateToModel(template, {
    config: DEFAULT_RULE_CONFIG,
    scannedAt: live.scan.scanned_at,
    scope: 'estate',
    pseudo: { region: 'eu-west-1', accountId: MOTO_ACCOUNT },
  }).model;
}, 120_000);

afterAll(async () => {
  await lab?.stop();
});

function find(model: Model, id: string): ResourceBase<ResourceKind> | undefined {
  for (const collection of RESOURCE_COLLECTIONS) {
    const resource = (model[collection] as Record<string, ResourceBase<ResourceKind>>)[id];
    if (resource) return resource;
  }
  return undefined;
}

function liveIdOfLogical(logicalId: string): string | undefined {
  const short = LIVE_NAME_OF[logicalId];
  return short ? lab.estate.ids[short] : undefined;
}

function compare(logicalId: string): { differences: PropertyDifference[]; compared: number } {
  const template = find(planned, `estate/${logicalId}`);
  const resource = find(live, liveIdOfLogical(logicalId) ?? '');
  if (!template || !resource)
    throw new Error(`${logicalId}: template ${Boolean(template)}, live ${Boolean(resource)}`);
  return compareResources(template, resource, {
    liveIdOf: (templateId) =>
      templateId.startsWith('estate/') ? liveIdOfLogical(templateId.slice('estate/'.length)) : templateId,
    resolveTokens: (value) =>
      replaceTokens(value, ({ logicalId: target, attribute }) => {
        const found = find(live, liveIdOfLogical(target) ?? '');
        if (!found || found.arn.state === 'unknown' || found.name.state === 'unknown') return undefined;
        if (attribute === 'Arn' || (!attribute && REF_IS_ARN.has(target))) return found.arn.value;
        return attribute ? undefined : found.name.value;
      }),
  });
}

describe('template and live models of the same resources', () => {
  test.each(Object.keys(LIVE_NAME_OF).filter((id) => id !== 'DocsKey' && id !== 'TrailBucket'))(
    '%s: every setting known on both sides is equal',
    (logicalId) => {
      const { differences, compared } = compare(logicalId);
      expect(differences).toEqual([]);
      expect(compared).toBeGreaterThan(0);
    },
  );
});
