import type { IamManagedPolicy } from '../../model/iam';
import type { Link } from '../../model/leaf';
import type { Model } from '../../model/model';
import { explicit, unknown } from '../leaves';
import { parseArn } from '../link/arn';
import { policyDocumentLeaf } from '../policy-document';
import { AWS_MANAGED_POLICY_DOCUMENTS } from './aws-managed-policy-documents';
import type { StackFacts } from './template-resource';

/**
 * Adds to a template's model the AWS managed policies its users, groups and roles attach (or use as a
 * permissions boundary), as a live scan would find them: each an `iam_managed_policy` whose model id is
 * its ARN, `aws_managed`, with its document when lexguard carries it (`aws-managed-policy-documents.ts`)
 * and unknown otherwise. The linking pass then gives each link its target.
 */
export function addAwsManagedPolicies(model: Model, stack: StackFacts, file: string): void {
  const links: Link[] = [];
  for (const principal of [
    ...Object.values(model.iam_users),
    ...Object.values(model.iam_groups),
    ...Object.values(model.iam_roles),
  ]) {
    if (principal.managed_policies.state !== 'unknown') links.push(...principal.managed_policies.value);
    links.push(principal.permissions_boundary);
  }
  for (const { ref } of links) {
    const arn = ref.state === 'unknown' ? null : ref.value;
    const parts = arn ? parseArn(arn) : undefined;
    if (
      !arn ||
      !parts ||
      parts.service !== 'iam' ||
      parts.account !== 'aws' ||
      !parts.resource.startsWith('policy/')
    )
      continue;
    if (arn in model.iam_managed_policies) continue;
    const name = parts.resource.slice(parts.resource.lastIndexOf('/') + 1);
    const known = AWS_MANAGED_POLICY_DOCUMENTS[name];
    const policy: IamManagedPolicy = {
      id: arn,
      kind: 'iam_managed_policy',
      name: explicit(name),
      arn: explicit(arn),
      account: explicit('aws'),
      region: stack.region,
      tags: explicit({}),
      source: { kind: 'template', file, logical_id: '', resource_type: 'AWS::IAM::ManagedPolicy' },
      aws_managed: true,
      document: known
        ? policyDocumentLeaf(known.document)
        : unknown(
            `lexguard carries the documents of a few AWS managed policies only (${Object.keys(AWS_MANAGED_POLICY_DOCUMENTS).join(', ')}); scan the live account to read ${name}`,
          ),
    };
    model.iam_managed_policies[arn] = policy;
  }
}
