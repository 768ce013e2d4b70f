import type { KeyUsage } from '../../model/kms';
import type { Link } from '../../model/leaf';
import type { Model } from '../../model/model';

/**
 * Which resources encrypt with each key, by purpose, so a rule can tell client documents, audit logs and
 * backups sharing one key. A bucket counts as logs when it holds access or trail logs (`holds`, set by
 * `classifyBucketContents` before this runs).
 */
export function linkKeyUsage(model: Model): void {
  const use = (keyLink: Link, user: string, purpose: keyof KeyUsage): void => {
    const key = keyLink.target ? model.kms_keys[keyLink.target] : undefined;
    if (key && !key.used_by[purpose].includes(user)) key.used_by[purpose].push(user);
  };
  for (const bucket of Object.values(model.s3_buckets))
    use(bucket.encryption.kms_key, bucket.id, bucket.holds === 'documents' ? 'documents' : 'logs');
  for (const trail of Object.values(model.cloudtrail_trails)) use(trail.kms_key, trail.id, 'logs');
  for (const group of Object.values(model.logs_log_groups)) use(group.kms_key, group.id, 'logs');
  for (const vault of Object.values(model.backup_vaults)) use(vault.kms_key, vault.id, 'backups');
  for (const topic of Object.values(model.sns_topics)) use(topic.kms_key, topic.id, 'other');
}
