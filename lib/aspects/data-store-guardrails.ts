import {
  Annotations,
  AspectPriority,
  Aspects,
  CfnDeletionPolicy,
  CfnResource,
  type App,
  type IAspect,
} from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { IConstruct } from 'constructs';
import type { RuleConfig } from '../../scanner/model/rule-config';

export interface DataStoreGuardrailsProps {
  /** Tag keys every bucket must carry (CP-13). */
  requiredTags: string[];
  /** The tag key holding the classification, and the values it may take. */
  classificationTag: string;
  allowedClassifications: string[];
}

/**
 * Checks, after every other Aspect has run (read-only priority, so tags are already applied), what
 * cdk-nag does not: that no data store would be deleted with its stack (CP-11: records are disposed of by
 * retention, never by a `cdk destroy`), and that every bucket carries an allowed classification and an
 * owner (CP-13). A breach is an error annotation, which fails `cdk synth`.
 */
export class DataStoreGuardrails implements IAspect {
  constructor(private readonly props: DataStoreGuardrailsProps) {}

  visit(node: IConstruct): void {
    if (!CfnResource.isCfnResource(node)) return;
    if (isDataStore(node) && node.cfnOptions.deletionPolicy !== CfnDeletionPolicy.RETAIN) {
      Annotations.of(node).addError(
        `lexguard: this ${node.cfnResourceType} would be deleted with its stack; data stores, keys and vaults must be retained (RemovalPolicy.RETAIN, CP-11)`,
      );
    }
    if (node instanceof s3.CfnBucket) this.checkTags(node);
  }

  private checkTags(bucket: s3.CfnBucket): void {
    const tags = new Map(
      ((bucket.tags.renderTags() ?? []) as Array<{ key: string; value: string }>).map((tag) => [
        tag.key,
        tag.value,
      ]),
    );
    const missing = this.props.requiredTags.filter((key) => !tags.get(key));
    if (missing.length > 0) {
      Annotations.of(bucket).addError(
        `lexguard: the bucket lacks the required tags ${missing.join(', ')} (CP-13)`,
      );
    }
    const classification = tags.get(this.props.classificationTag);
    if (classification !== undefined && !this.props.allowedClassifications.includes(classification)) {
      Annotations.of(bucket).addError(
        `lexguard: ${this.props.classificationTag}=${classification} is not one of ${this.props.allowedClassifications.join(', ')} (CP-13)`,
      );
    }
  }
}

function isDataStore(node: CfnResource): boolean {
  return (
    node instanceof s3.CfnBucket ||
    node instanceof kms.CfnKey ||
    node instanceof backup.CfnBackupVault ||
    node instanceof logs.CfnLogGroup
  );
}

/**
 * Adds the read-only Aspect by the store's approved values: retained data stores, required tags (an error
 * annotation fails `cdk synth`). Kept apart from the validation plugins so that a synth without them (the
 * benchmark's) loads neither cdk-nag nor lexguard.
 */
export function addDataStoreGuardrails(app: App, rules: RuleConfig): void {
  Aspects.of(app).add(
    new DataStoreGuardrails({
      requiredTags: rules.required_tags,
      classificationTag: rules.classification_tag,
      allowedClassifications: rules.allowed_classifications,
    }),
    { priority: AspectPriority.READONLY },
  );
}
