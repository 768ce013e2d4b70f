import type { IamRole } from '../../../model/iam';
import { unknown } from '../../leaves';
import { policyDocumentLeaf } from '../../policy-document';
import { required } from '../property-reader';
import { templateResourceBase } from '../template-resource';
import type { TemplateAdapter } from './adapter';
import { principalPolicies } from './iam-principal';

/** `AWS::IAM::Role`. IAM's defaults: path `/`, sessions of at most one hour (3,600 seconds). */
export const iamRoleAdapter: TemplateAdapter = {
  types: ['AWS::IAM::Role'],
  phase: 'create',
  apply(resource, model) {
    const props = resource.properties;
    const trust = props.get(['AssumeRolePolicyDocument']);
    const trustAt = props.at(['AssumeRolePolicyDocument']);
    const role: IamRole = {
      ...templateResourceBase(resource, 'iam_role', 'RoleName'),
      ...principalPolicies(props, true),
      trust_policy:
        trust === undefined
          ? unknown(required('AssumeRolePolicyDocument').unknown, trustAt)
          : policyDocumentLeaf(trust, trustAt),
      max_session_seconds: props.number(['MaxSessionDuration'], { default: 3600 }),
      path: props.string(['Path'], { default: '/' }),
    };
    model.iam_roles[role.id] = role;
  },
};
