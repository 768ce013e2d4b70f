import type { Leaf } from '../../../model/leaf';
import type { CloudTrailTrail } from '../../../model/cloudtrail';
import { linkTo, mapLeaf } from '../../leaves';
import { required, type PropertyReader } from '../property-reader';
import { templateResourceBase } from '../template-resource';
import type { TemplateAdapter } from './adapter';
import {
  asAdvancedEventSelectors,
  asEventSelectors,
  DEFAULT_TRAIL_EVENTS,
  type TrailEvents,
} from './cloudtrail-event-selectors';

/**
 * `AWS::CloudTrail::Trail`. Defaults are CloudTrail's for a new trail: single-region, global service
 * events included, log file validation off, not an organization trail, every management event and no data
 * event recorded. The trail's home region is the stack's.
 */
export const cloudTrailTrailAdapter: TemplateAdapter = {
  types: ['AWS::CloudTrail::Trail'],
  phase: 'create',
  apply(resource, model) {
    const props = resource.properties;
    const events = trailEvents(props);
    const trail: CloudTrailTrail = {
      ...templateResourceBase(resource, 'cloudtrail_trail', 'TrailName'),
      multi_region: props.boolean(['IsMultiRegionTrail'], { default: false }),
      include_global_service_events: props.boolean(['IncludeGlobalServiceEvents'], { default: true }),
      is_logging: props.boolean(['IsLogging'], required('IsLogging')),
      log_file_validation: props.boolean(['EnableLogFileValidation'], { default: false }),
      organization_trail: props.boolean(['IsOrganizationTrail'], { default: false }),
      home_region: resource.stack.region,
      kms_key: linkTo(props.reference(['KMSKeyId'], { default: null })),
      bucket: linkTo(props.reference(['S3BucketName'], required('S3BucketName'))),
      log_group: linkTo(props.reference(['CloudWatchLogsLogGroupArn'], { default: null })),
      management_events: mapLeaf(events, (recorded) => recorded.management),
      excluded_management_event_sources: mapLeaf(events, (recorded) => recorded.excludedSources),
      data_events: mapLeaf(events, (recorded) => recorded.data),
    };
    model.cloudtrail_trails[trail.id] = trail;
  },
};

/** CloudFormation accepts one of `EventSelectors` and `AdvancedEventSelectors`, not both. */
function trailEvents(props: PropertyReader): Leaf<TrailEvents> {
  if (props.get(['AdvancedEventSelectors']) !== undefined)
    return props.leaf(['AdvancedEventSelectors'], asAdvancedEventSelectors, {
      default: DEFAULT_TRAIL_EVENTS,
    });
  const events = props.leaf(['EventSelectors'], asEventSelectors, { default: DEFAULT_TRAIL_EVENTS });
  // An empty list sets no selector: the trail keeps CloudTrail's default.
  return events.state === 'explicit' && props.get(['EventSelectors', 0]) === undefined
    ? { ...events, state: 'default', value: DEFAULT_TRAIL_EVENTS }
    : events;
}
