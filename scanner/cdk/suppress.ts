import { CfnResource } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { LexguardError } from '../errors';
import { METADATA_KEY, METADATA_SCHEMA_FILE } from '../suppressions/metadata-suppressions';
import { isCalendarDate } from '../suppressions/suppression';
import type { LexguardMetadata, SuppressionTerms } from '../suppressions/suppressions-file';
import { checkAgainstSchema } from '../util/schema-validation';

/**
 * Suppresses lexguard findings on a construct's CloudFormation resource from CDK code, by writing them to
 * the resource's `Metadata.lexguard`, where every lexguard scan of the synthesized template reads them:
 *
 *   suppress(accessLogs, { rule: 'LG-S3-001', reason: 'S3 access log targets cannot use SSE-KMS',
 *                          owner: 'platform-team', expires: '2027-06-30' });
 *
 * A suppression without its rule, reason, owner or a real expiry date is refused here, when the app is
 * built, naming the construct.
 */
export function suppress(construct: IConstruct, ...suppressions: SuppressionTerms[]): void {
  const resource = CfnResource.isCfnResource(construct) ? construct : construct.node.defaultChild;
  if (!resource || !CfnResource.isCfnResource(resource)) {
    throw new LexguardError(
      'USAGE',
      `${construct.node.path} has no CloudFormation resource of its own; suppress on the CfnResource itself`,
    );
  }
  const problem = checkAgainstSchema({ suppressions }, METADATA_SCHEMA_FILE, 'suppression');
  const badDate = suppressions.findIndex((entry) => !isCalendarDate(entry.expires));
  if (problem || badDate >= 0) {
    const message = problem?.message ?? `suppressions[${badDate}].expires is not a date`;
    throw new LexguardError('CONFIG_INVALID', `lexguard suppression on ${construct.node.path}: ${message}`);
  }
  const existing = resource.getMetadata(METADATA_KEY) as LexguardMetadata | undefined;
  resource.addMetadata(METADATA_KEY, { suppressions: [...(existing?.suppressions ?? []), ...suppressions] });
}
