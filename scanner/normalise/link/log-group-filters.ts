import type { Model } from '../../model/model';
import { listingDoubt } from './listing-doubt';
import { ReverseLinks } from './three-valued';

/**
 * The metric filters reading each log group, so a rule can walk from a trail to its log group to the
 * filters watching it. A filter whose log group could not be read might read any of them: every log group
 * without a filter found is then unknown rather than unwatched.
 */
export function linkLogGroupFilters(model: Model): void {
  const links = new ReverseLinks();
  const groups = Object.keys(model.logs_log_groups);
  for (const filter of Object.values(model.cloudwatch_metric_filters)) {
    const { ref, target } = filter.log_group;
    if (ref.state === 'unknown') {
      for (const group of groups)
        links.add(
          group,
          filter.id,
          { doubt: `its log group is unknown: ${ref.reason}` },
          `metric filter ${filter.id}`,
        );
    } else if (target) {
      links.add(target, filter.id, true, `metric filter ${filter.id}`);
    }
  }
  const unlisted = listingDoubt(model, ['cloudwatch_metric_filters']);
  for (const group of Object.values(model.logs_log_groups)) {
    if (unlisted) links.add(group.id, '', { doubt: unlisted }, 'CloudWatch Logs');
    group.metric_filters = links.leaf(group.id);
  }
}
