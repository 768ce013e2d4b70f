import type { Model } from '../../model/model';
import { explicit } from '../leaves';
import { referenceTo } from './reference-to';

/**
 * Completes each group's members from the users that name it: a template writes membership on the user
 * (`Groups`), a live account lists it on the group; after this pass both sides say it.
 */
export function linkGroupMembers(model: Model): void {
  for (const user of Object.values(model.iam_users)) {
    if (user.groups.state === 'unknown') continue;
    for (const { target } of user.groups.value) {
      const group = target ? model.iam_groups[target] : undefined;
      if (!group || group.members.state === 'unknown') continue;
      if (group.members.value.some((member) => member.target === user.id)) continue;
      group.members = explicit(
        [...group.members.value, { ref: explicit<string | null>(referenceTo(user)), target: user.id }],
        group.members.at,
      );
    }
  }
}
