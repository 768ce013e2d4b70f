import { unknown } from '../../leaves';
import type { TemplateAdapter } from './adapter';
import { attachToNamedPrincipals } from './iam-attachments';
import { appendTo, inlinePolicy } from './iam-principal';

/**
 * `AWS::IAM::Policy`: an inline policy written as its own resource (CDK writes every `addToPolicy` this
 * way), added to the inline policies of the groups, roles and users it names. Its document points at this
 * resource, where a reader fixes it.
 */
export const iamPolicyAdapter: TemplateAdapter = {
  types: ['AWS::IAM::Policy'],
  phase: 'attach',
  apply(resource, model, lookup) {
    const props = resource.properties;
    const at = { ...props.at(['PolicyDocument']), logical_id: resource.logicalId };
    const policy = inlinePolicy(props.get(['PolicyName']), props.get(['PolicyDocument']), at);
    attachToNamedPrincipals(resource, model, lookup, {
      attach: (principal) => {
        principal.inline_policies = appendTo(principal.inline_policies, policy);
      },
      doubt: (principal, reason) => {
        principal.inline_policies = unknown(`${reason}; it may attach to this one`, at);
      },
    });
  },
};
