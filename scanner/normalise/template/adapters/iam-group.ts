import type { IamGroup } from '../../../model/iam';
import { explicit } from '../../leaves';
import { templateResourceBase } from '../template-resource';
import type { TemplateAdapter } from './adapter';
import { principalPolicies } from './iam-principal';

/**
 * `AWS::IAM::Group`. Its members are the template's users that name it in `Groups` or through an
 * `AWS::IAM::UserToGroupAddition`; the linking pass completes the list.
 */
export const iamGroupAdapter: TemplateAdapter = {
  types: ['AWS::IAM::Group'],
  phase: 'create',
  apply(resource, model) {
    const group: IamGroup = {
      ...templateResourceBase(resource, 'iam_group', 'GroupName'),
      ...principalPolicies(resource.properties, false),
      members: explicit([]),
    };
    model.iam_groups[group.id] = group;
  },
};
