import {
  DescribeTrailsCommand,
  GetEventSelectorsCommand,
  GetTrailStatusCommand,
  ListTagsCommand,
  type AdvancedEventSelector,
  type EventSelector,
  type GetEventSelectorsCommandOutput,
  type Trail,
} from '@aws-sdk/client-cloudtrail';
import type { CloudTrailTrail, DataEventSelector } from '../../../model/cloudtrail';
import type { Leaf } from '../../../model/leaf';
import type { ApiEvidence } from '../../../model/resource';
import { explicit, linkTo } from '../../../normalise/leaves';
import { leafFrom } from '../../../normalise/live/live-leaf';
import { liveResourceBase, tagMap } from '../../../normalise/live/live-resource';
import type { CollectContext } from '../collect-context';

/**
 * Trails visible from one region, shadow trails of other regions included: a multi-region trail shows in
 * every region, so each trail is read once, by ARN, from its home region.
 */
export async function collectCloudTrail(
  context: CollectContext,
  region: string,
  seen: Set<string>,
): Promise<void> {
  const { caller, scope } = context;
  const described = await caller.send('cloudtrail:DescribeTrails', (s) =>
    scope.clients
      .cloudtrail(region)
      .send(new DescribeTrailsCommand({ includeShadowTrails: true }), { abortSignal: s }),
  );
  context.listing.record('cloudtrail_trails', described, region);
  if (described.kind !== 'ok') return;
  const trails = (described.output.trailList ?? []).filter((trail) => {
    if (!trail.TrailARN || seen.has(trail.TrailARN)) return false;
    seen.add(trail.TrailARN);
    return true;
  });
  await Promise.all(trails.map((trail) => collectTrail(context, trail, described.evidence)));
}

async function collectTrail(context: CollectContext, trail: Trail, listed: ApiEvidence): Promise<void> {
  const { caller, scope } = context;
  const arn = trail.TrailARN ?? '';
  const home = trail.HomeRegion ?? arn.split(':')[3];
  const client = scope.clients.cloudtrail(home);
  const [status, selectors, tags] = await Promise.all([
    caller.send('cloudtrail:GetTrailStatus', (s) =>
      client.send(new GetTrailStatusCommand({ Name: arn }), { abortSignal: s }),
    ),
    caller.send('cloudtrail:GetEventSelectors', (s) =>
      client.send(new GetEventSelectorsCommand({ TrailName: arn }), { abortSignal: s }),
    ),
    caller.send('cloudtrail:ListTags', (s) =>
      client.send(new ListTagsCommand({ ResourceIdList: [arn] }), { abortSignal: s }),
    ),
  ]);
  const at = { call: 'cloudtrail:DescribeTrails' };
  const model: CloudTrailTrail = {
    ...liveResourceBase(
      'cloudtrail_trail',
      { arn, name: trail.Name ?? arn, account: scope.account, region: home },
      leafFrom(tags, (output) => tagMap(output.ResourceTagList?.[0]?.TagsList)),
      [listed, status.evidence, selectors.evidence, tags.evidence],
      'cloudtrail:DescribeTrails',
    ),
    multi_region: explicit(trail.IsMultiRegionTrail === true, at),
    include_global_service_events: explicit(trail.IncludeGlobalServiceEvents === true, at),
    is_logging: leafFrom(status, (output) => output.IsLogging === true),
    log_file_validation: explicit(trail.LogFileValidationEnabled === true, at),
    organization_trail: explicit(trail.IsOrganizationTrail === true, at),
    home_region: explicit(home, at),
    kms_key: linkTo(explicit(trail.KmsKeyId ?? null, at)),
    bucket: linkTo(explicit(trail.S3BucketName ?? null, at)),
    log_group: linkTo(explicit(trail.CloudWatchLogsLogGroupArn ?? null, at)),
    management_events: leafFrom(selectors, managementEvents),
    excluded_management_event_sources: leafFrom(selectors, excludedManagementSources),
    data_events: leafFrom(selectors, dataEvents),
  };
  context.model.cloudtrail_trails[model.id] = model;
}

type Selectors = GetEventSelectorsCommandOutput;

/** Which management events the basic or advanced selectors record. */
export function managementEvents(
  output: Selectors,
): CloudTrailTrail['management_events'] extends Leaf<infer T> ? T : never {
  if (output.AdvancedEventSelectors?.length) {
    const management = output.AdvancedEventSelectors.filter((selector) =>
      field(selector, 'eventCategory')?.Equals?.includes('Management'),
    );
    if (management.length === 0) return 'None';
    const readOnly = new Set(
      management.map((selector) => field(selector, 'readOnly')?.Equals?.[0] ?? 'both'),
    );
    if (readOnly.has('both') || (readOnly.has('true') && readOnly.has('false'))) return 'All';
    return readOnly.has('true') ? 'ReadOnly' : 'WriteOnly';
  }
  const types = new Set(
    (output.EventSelectors ?? [])
      .filter((selector) => selector.IncludeManagementEvents !== false)
      .map((selector) => selector.ReadWriteType ?? 'All'),
  );
  if (types.size === 0) return 'None';
  if (types.has('All') || (types.has('ReadOnly') && types.has('WriteOnly'))) return 'All';
  return types.has('ReadOnly') ? 'ReadOnly' : 'WriteOnly';
}

/** Event sources whose management events the selectors leave out (e.g. `kms.amazonaws.com`). */
export function excludedManagementSources(output: Selectors): string[] {
  if (output.AdvancedEventSelectors?.length) {
    return output.AdvancedEventSelectors.filter((selector) =>
      field(selector, 'eventCategory')?.Equals?.includes('Management'),
    ).flatMap((selector) => field(selector, 'eventSource')?.NotEquals ?? []);
  }
  return (output.EventSelectors ?? []).flatMap((selector) => selector.ExcludeManagementEventSources ?? []);
}

/** Advanced selector fields lexguard reads; any other (an `eventName` filter, …) narrows it unknowably. */
const MODELLED_FIELDS = new Set(['eventCategory', 'resources.type', 'resources.ARN', 'readOnly']);

/** Data event selectors, basic and advanced, in one shape. */
export function dataEvents(output: Selectors): DataEventSelector[] {
  if (output.AdvancedEventSelectors?.length)
    return output.AdvancedEventSelectors.flatMap(advancedDataSelector);
  return (output.EventSelectors ?? []).flatMap(basicDataSelectors);
}

function basicDataSelectors(selector: EventSelector): DataEventSelector[] {
  const type = selector.ReadWriteType ?? 'All';
  return (selector.DataResources ?? []).map((resource) => ({
    resource_type: resource.Type ?? '',
    read: type !== 'WriteOnly',
    write: type !== 'ReadOnly',
    values: resource.Values ?? [],
    unresolved: [],
  }));
}

function advancedDataSelector(selector: AdvancedEventSelector): DataEventSelector[] {
  if (!field(selector, 'eventCategory')?.Equals?.includes('Data')) return [];
  const readOnly = field(selector, 'readOnly')?.Equals?.[0];
  const arns = field(selector, 'resources.ARN');
  // Conditions other than an ARN prefix or equality cannot be reduced to the covered buckets.
  const unmodelled = (selector.FieldSelectors ?? [])
    .map((item) => item.Field ?? '')
    .filter((name) => !MODELLED_FIELDS.has(name));
  const unresolved =
    arns &&
    (arns.NotEquals?.length ||
      arns.NotStartsWith?.length ||
      arns.EndsWith?.length ||
      arns.NotEndsWith?.length)
      ? ['resources.ARN', ...unmodelled]
      : unmodelled;
  return (field(selector, 'resources.type')?.Equals ?? []).map((type) => ({
    resource_type: type,
    read: readOnly !== 'false',
    write: readOnly !== 'true',
    // Without an ARN condition the selector covers every object: the prefix `arn:aws:s3` says so.
    values: arns ? [...(arns.StartsWith ?? []), ...(arns.Equals ?? [])] : ['arn:aws:s3'],
    unresolved,
  }));
}

function field(selector: AdvancedEventSelector, name: string) {
  return selector.FieldSelectors?.find((item) => item.Field === name);
}
