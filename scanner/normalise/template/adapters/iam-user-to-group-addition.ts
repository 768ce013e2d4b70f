import { explicit, linkTo, unknown } from '../../leaves';
import { withPlaceholders } from '../property-reader';
import type { TemplateAdapter } from './adapter';
import { appendTo } from './iam-principal';

/**
 * `AWS::IAM::UserToGroupAddition`: adds the group to each user of the template it names; a user outside
 * the template is kept as a member of the group without a target.
 */
export const iamUserToGroupAdditionAdapter: TemplateAdapter = {
  types: ['AWS::IAM::UserToGroupAddition'],
  phase: 'attach',
  apply(resource, model, lookup) {
    const props = resource.properties;
    const groupName = withPlaceholders(props.get(['GroupName']));
    if (typeof groupName !== 'string') {
      lookup.report('the group name cannot be resolved', resource, 'Properties.GroupName');
      return;
    }
    const groupId = lookup.resolveReference(groupName, 'iam_groups');
    const group = groupId ? model.iam_groups[groupId] : undefined;
    const users = props.get(['Users']);
    (Array.isArray(users) ? users : []).forEach((item, index) => {
      const at = { path: `Properties.Users[${index}]`, logical_id: resource.logicalId };
      const userName = withPlaceholders(item);
      const userId =
        typeof userName === 'string' ? lookup.resolveReference(userName, 'iam_users') : undefined;
      const user = userId ? model.iam_users[userId] : undefined;
      if (user) {
        user.groups = appendTo(user.groups, linkTo(explicit<string | null>(groupName, at)));
      } else if (group && typeof userName === 'string') {
        group.members = appendTo(group.members, linkTo(explicit<string | null>(userName, at)));
      } else {
        const reason = `a user of ${resource.logicalId} cannot be resolved`;
        lookup.report(reason, resource, at.path);
        if (group) group.members = unknown(`${reason}; it may be a member of this group`, at);
      }
    });
    if (!group)
      lookup.report(`the group ${groupName} is not in the template`, resource, 'Properties.GroupName');
  },
};
