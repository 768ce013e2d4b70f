import type { IamManagedPolicy } from '../../../model/iam';
import { resourceToken } from '../../../sources/template/resolve/tokens';
import { explicit, unknown } from '../../leaves';
import { policyDocumentLeaf } from '../../policy-document';
import { templateResourceBase } from '../template-resource';
import type { TemplateAdapter } from './adapter';
import { attachToNamedPrincipals } from './iam-attachments';
import { appendTo } from './iam-principal';

/** `AWS::IAM::ManagedPolicy`: a customer managed policy, a resource of its own. */
export const iamManagedPolicyAdapter: TemplateAdapter = {
  types: ['AWS::IAM::ManagedPolicy'],
  phase: 'create',
  apply(resource, model) {
    const props = resource.properties;
    const policy: IamManagedPolicy = {
      ...templateResourceBase(resource, 'iam_managed_policy', 'ManagedPolicyName'),
      aws_managed: false,
      document: policyDocumentLeaf(props.get(['PolicyDocument']), props.at(['PolicyDocument'])),
    };
    model.iam_managed_policies[policy.id] = policy;
  },
};

/**
 * `AWS::IAM::ManagedPolicy` attached, through its own `Groups`, `Roles` and `Users`, to principals of the
 * template: each gains a link to the policy, as if it had listed it in `ManagedPolicyArns`.
 */
export const iamManagedPolicyAttachmentAdapter: TemplateAdapter = {
  types: ['AWS::IAM::ManagedPolicy'],
  phase: 'attach',
  apply(resource, model, lookup) {
    // `Ref` of a managed policy is its ARN: the link reads as the principal's ManagedPolicyArns would.
    const link = {
      ref: explicit<string | null>(resourceToken(resource.logicalId, undefined, resource.stack.tokenScope), {
        path: 'Properties',
        logical_id: resource.logicalId,
      }),
      target: resource.id,
    };
    attachToNamedPrincipals(resource, model, lookup, {
      attach: (principal) => {
        principal.managed_policies = appendTo(principal.managed_policies, link);
      },
      doubt: (principal, reason) => {
        principal.managed_policies = unknown(`${reason}; it may attach to this one`, link.ref.at);
      },
    });
  },
};
