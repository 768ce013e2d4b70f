import type { BackupSelection, BackupTagCondition } from '../../model/backup';
import type { Model } from '../../model/model';
import type { S3Bucket } from '../../model/s3';
import { matchesWildcard } from '../../util/wildcard';
import { valueOf } from '../leaves';
import { parseArn } from './arn';
import type { ReferenceIndex } from './reference-index';
import { allOf, anyOf, not, reverseLink, type Answer } from './three-valued';

/**
 * The backup selections covering each bucket, as AWS Backup selects: resources whose ARN matches one of
 * `resources` (wildcards allowed) or whose tags match one of `tag_conditions` (every resource when a
 * selection lists neither), that match all `conditions`, and match none of `not_resources`. A selection or
 * bucket tag that could not be read makes the answer unknown for every bucket it might cover.
 */
export function linkBackupSelections(model: Model, index: ReferenceIndex): void {
  for (const bucket of Object.values(model.s3_buckets)) {
    const covering: string[] = [];
    let doubt: string | undefined;
    for (const selection of Object.values(model.backup_selections)) {
      const answer = selects(selection, bucket, index);
      if (answer === true) covering.push(selection.id);
      else if (answer !== false) doubt ??= `backup selection ${selection.id}: ${answer.doubt}`;
    }
    bucket.backup_selections = reverseLink(covering, doubt);
  }
}

function selects(selection: BackupSelection, bucket: S3Bucket, index: ReferenceIndex): Answer {
  const unread = [
    selection.resources,
    selection.not_resources,
    selection.tag_conditions,
    selection.conditions,
  ].find((leaf) => leaf.state === 'unknown');
  if (unread?.state === 'unknown') return { doubt: unread.reason };
  const patterns = valueOf(selection.resources) ?? [];
  const anyTags = valueOf(selection.tag_conditions) ?? [];
  const chosen =
    patterns.length === 0 && anyTags.length === 0
      ? true
      : anyOf([
          ...patterns.map((pattern) => arnSelects(pattern, bucket, index)),
          ...anyTags.map((condition) => tagMatches(condition, bucket)),
        ]);
  return allOf([
    chosen,
    ...(valueOf(selection.conditions) ?? []).map((condition) => tagMatches(condition, bucket)),
    not(anyOf((valueOf(selection.not_resources) ?? []).map((pattern) => arnSelects(pattern, bucket, index)))),
  ]);
}

/** Whether a resource ARN of a selection, wildcards allowed, names the bucket. */
function arnSelects(pattern: string, bucket: S3Bucket, index: ReferenceIndex): Answer {
  if (pattern === '*') return true;
  if (!pattern.includes('*')) return index.resolve(pattern, 's3_buckets') === bucket.id;
  const arn = parseArn(pattern);
  if (!arn || !matchesWildcard(arn.service, 's3') || arn.resource.includes('/')) return false;
  if (arn.resource === '*') return true;
  if (bucket.name.state === 'unknown')
    return {
      doubt: `the name of ${bucket.id} is only known at deploy time, so whether ${pattern} selects it cannot be told`,
    };
  return matchesWildcard(arn.resource, bucket.name.value);
}

/** Whether the bucket's tags meet one tag condition (`StringLike` patterns take `*` and `?`). */
function tagMatches(condition: BackupTagCondition, bucket: S3Bucket): Answer {
  if (bucket.tags.state === 'unknown')
    return { doubt: `the tags of ${bucket.id} are unknown: ${bucket.tags.reason}` };
  const value = bucket.tags.value[condition.key];
  switch (condition.operator) {
    case 'StringEquals':
      return value === condition.value;
    case 'StringNotEquals':
      return value !== condition.value;
    case 'StringLike':
      return value !== undefined && matchesWildcard(condition.value, value, true);
    case 'StringNotLike':
      return value === undefined || !matchesWildcard(condition.value, value, true);
    default:
      return { doubt: `the tag condition operator ${condition.operator} is not one lexguard knows` };
  }
}
