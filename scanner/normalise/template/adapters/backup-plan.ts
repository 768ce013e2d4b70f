import type { BackupCopyAction, BackupPlan, BackupRule } from '../../../model/backup';
import type { Leaf } from '../../../model/leaf';
import { pseudoPlaceholder } from '../../../sources/template/resolve/tokens';
import type { Resolved } from '../../../sources/template/resolve/unresolved';
import { parseArn } from '../../link/arn';
import { required, withPlaceholders, type Decoder } from '../property-reader';
import { isRecord, itemsOf, toNumber } from '../resolved-values';
import { templateResourceBase } from '../template-resource';
import type { TemplateAdapter } from './adapter';

/** AWS Backup's schedule when a rule gives none: daily at 05:00 UTC. */
export const DEFAULT_BACKUP_SCHEDULE = 'cron(0 5 ? * * *)';

const RULES = ['BackupPlan', 'BackupPlanRule'] as const;

/**
 * `AWS::Backup::BackupPlan`: its rules, each with its target vault (name or token, linked later), its
 * schedule, how long recovery points are kept (`null`: forever) and the copies it makes elsewhere.
 */
export const backupPlanAdapter: TemplateAdapter = {
  types: ['AWS::Backup::BackupPlan'],
  phase: 'create',
  apply(resource, model) {
    const props = resource.properties;
    const plan: BackupPlan = {
      ...templateResourceBase(resource, 'backup_plan', ['BackupPlan', 'BackupPlanName'], 'BackupPlanTags'),
      rules: props.leaf([...RULES], asRules(resource.stack.region), required('BackupPlan.BackupPlanRule')),
    };
    model.backup_plans[plan.id] = plan;
  },
};

function asRules(stackRegion: Leaf<string>): Decoder<BackupRule[]> {
  return (value) => {
    if (!Array.isArray(value)) return { error: 'is not a list' };
    const rules: BackupRule[] = [];
    for (const [index, rule] of value.entries()) {
      if (!isRecord(rule)) return { error: `[${index}] cannot be resolved` };
      const unresolved: string[] = [];
      const text = (property: string, raw: Resolved | undefined): string | null => {
        const value = withPlaceholders(raw);
        if (typeof value === 'string') return value;
        if (value !== undefined) unresolved.push(property);
        return null;
      };
      const days = (property: string, lifecycle: Resolved | undefined): number | null => {
        const raw = isRecord(lifecycle) ? lifecycle.DeleteAfterDays : undefined;
        if (raw !== undefined && toNumber(raw) === undefined) unresolved.push(property);
        return toNumber(raw) ?? null;
      };
      rules.push({
        name: typeof rule.RuleName === 'string' ? rule.RuleName : `BackupPlanRule[${index}]`,
        target_vault: text('TargetBackupVault', rule.TargetBackupVault),
        schedule:
          rule.ScheduleExpression === undefined
            ? DEFAULT_BACKUP_SCHEDULE
            : text('ScheduleExpression', rule.ScheduleExpression),
        delete_after_days: days('Lifecycle.DeleteAfterDays', rule.Lifecycle),
        copy_actions: itemsOf(rule.CopyActions).map((action, position): BackupCopyAction => {
          const at = `CopyActions[${position}]`;
          const copy = isRecord(action) ? action : {};
          const arn = text(`${at}.DestinationBackupVaultArn`, copy.DestinationBackupVaultArn);
          return {
            destination_vault_arn: arn,
            destination_region: arn === null ? null : regionOf(arn, stackRegion),
            delete_after_days: days(`${at}.Lifecycle.DeleteAfterDays`, copy.Lifecycle),
          };
        }),
        unresolved,
      });
    }
    return { ok: rules };
  };
}

/**
 * The region an ARN names: written out, or the stack's own when built with `AWS::Region`. A vault of the
 * template (a token) gets its region when the linking pass finds it.
 */
function regionOf(arn: string, stackRegion: Leaf<string>): string | null {
  const region = parseArn(arn)?.region;
  if (region === pseudoPlaceholder('AWS::Region'))
    return stackRegion.state === 'unknown' ? null : stackRegion.value;
  return region && !region.includes('{{') ? region : null;
}
