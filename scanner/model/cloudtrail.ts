import type { Leaf, Link } from './leaf';
import type { ResourceBase } from './resource';

export interface CloudTrailTrail extends ResourceBase<'cloudtrail_trail'> {
  multi_region: Leaf<boolean>;
  include_global_service_events: Leaf<boolean>;
  /** Whether the trail is recording: `IsLogging` in a template, `GetTrailStatus` live. */
  is_logging: Leaf<boolean>;
  log_file_validation: Leaf<boolean>;
  organization_trail: Leaf<boolean>;
  home_region: Leaf<string>;
  kms_key: Link;
  bucket: Link;
  log_group: Link;
  /** Which management events the trail records. */
  management_events: Leaf<'All' | 'ReadOnly' | 'WriteOnly' | 'None'>;
  /**
   * Event sources whose management events the trail leaves out (`ExcludeManagementEventSources`, or an
   * advanced selector's `eventSource` `NotEquals`), e.g. `kms.amazonaws.com`; empty when none are.
   */
  excluded_management_event_sources: Leaf<string[]>;
  data_events: Leaf<DataEventSelector[]>;
}

export interface DataEventSelector {
  /** e.g. `AWS::S3::Object`. */
  resource_type: string;
  read: boolean;
  write: boolean;
  /**
   * ARN prefixes the selector covers; `arn:aws:s3` (or an empty list) covers every bucket. A bucket is
   * covered as a whole only by its ARN followed by `/` (or nothing); a longer prefix covers part of it.
   */
  values: string[];
  /** Parts of the selector lexguard could not resolve or does not model (e.g. an `eventName` filter). */
  unresolved: string[];
}
