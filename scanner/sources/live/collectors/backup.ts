import {
  GetBackupPlanCommand,
  GetBackupSelectionCommand,
  ListBackupPlansCommand,
  ListBackupSelectionsCommand,
  ListBackupVaultsCommand,
  ListTagsCommand,
  type BackupRule as SdkBackupRule,
  type BackupSelection as SdkBackupSelection,
} from '@aws-sdk/client-backup';
import type {
  BackupPlan,
  BackupRule,
  BackupSelection,
  BackupTagCondition,
  BackupVault,
} from '../../../model/backup';
import type { Leaf } from '../../../model/leaf';
import { explicit, linkTo } from '../../../normalise/leaves';
import { leafFrom } from '../../../normalise/live/live-leaf';
import { daysBetween, liveResourceBase } from '../../../normalise/live/live-resource';
import { listAll, type CollectContext } from '../collect-context';
import type { CallResult } from '../live-caller';

/** AWS Backup vaults (key, lock), plans (rules, copy actions, retention) and selections of one region. */
export async function collectBackup(context: CollectContext, region: string): Promise<void> {
  await Promise.all([collectVaults(context, region), collectPlans(context, region)]);
}

async function collectVaults(context: CollectContext, region: string): Promise<void> {
  const { caller, scope } = context;
  const backup = scope.clients.backup(region);
  const vaults = await listAll(
    caller,
    'backup:ListBackupVaults',
    (NextToken, s) => backup.send(new ListBackupVaultsCommand({ NextToken }), { abortSignal: s }),
    (output) => ({ items: output.BackupVaultList, next: output.NextToken }),
  );
  context.listing.record('backup_vaults', vaults.failure ?? vaults.results[0], region);
  const at = { call: 'backup:ListBackupVaults' };
  await Promise.all(
    vaults.items.map(async (vault) => {
      const arn = vault.BackupVaultArn;
      if (!arn || !vault.BackupVaultName) return;
      const tags = await listTags(context, region, arn);
      const lockDate = vault.LockDate ? new Date(vault.LockDate) : undefined;
      const model: BackupVault = {
        ...liveResourceBase(
          'backup_vault',
          { arn, name: vault.BackupVaultName, account: scope.account, region },
          tags.leaf,
          [vaults.results[0].evidence, tags.result.evidence],
          'backup:ListBackupVaults',
        ),
        kms_key: linkTo(explicit(vault.EncryptionKeyArn ?? null, at)),
        lock: explicit(
          vault.Locked
            ? {
                min_retention_days: vault.MinRetentionDays ?? null,
                max_retention_days: vault.MaxRetentionDays ?? null,
                // Governance mode has no lock date; compliance mode becomes immutable at it.
                changeable_for_days: lockDate ? Math.max(0, -daysBetween(lockDate, context.scannedAt)) : null,
              }
            : null,
          at,
        ),
      };
      context.model.backup_vaults[model.id] = model;
    }),
  );
}

async function collectPlans(context: CollectContext, region: string): Promise<void> {
  const { caller, scope } = context;
  const backup = scope.clients.backup(region);
  const plans = await listAll(
    caller,
    'backup:ListBackupPlans',
    (NextToken, s) => backup.send(new ListBackupPlansCommand({ NextToken }), { abortSignal: s }),
    (output) => ({ items: output.BackupPlansList, next: output.NextToken }),
  );
  context.listing.record('backup_plans', plans.failure ?? plans.results[0], region);
  await Promise.all(
    plans.items.map(async (listed) => {
      const BackupPlanId = listed.BackupPlanId;
      const arn = listed.BackupPlanArn;
      if (!BackupPlanId || !arn) return;
      const [plan, tags, selections] = await Promise.all([
        caller.send('backup:GetBackupPlan', (s) =>
          backup.send(new GetBackupPlanCommand({ BackupPlanId }), { abortSignal: s }),
        ),
        listTags(context, region, arn),
        listAll(
          caller,
          'backup:ListBackupSelections',
          (NextToken, s) =>
            backup.send(new ListBackupSelectionsCommand({ BackupPlanId, NextToken }), { abortSignal: s }),
          (output) => ({ items: output.BackupSelectionsList, next: output.NextToken }),
        ),
      ]);
      context.listing.record('backup_selections', selections.failure ?? selections.results[0], region);
      const model: BackupPlan = {
        ...liveResourceBase(
          'backup_plan',
          { arn, name: listed.BackupPlanName ?? BackupPlanId, account: scope.account, region },
          tags.leaf,
          [plan.evidence, tags.result.evidence, ...selections.results.map((r) => r.evidence)],
          'backup:ListBackupPlans',
        ),
        rules: leafFrom(plan, (output) => (output.BackupPlan?.Rules ?? []).map(ruleOf)),
      };
      context.model.backup_plans[model.id] = model;
      await Promise.all(
        selections.items.map(async (item) => {
          if (!item.SelectionId) return;
          const SelectionId = item.SelectionId;
          const selection = await caller.send('backup:GetBackupSelection', (s) =>
            backup.send(new GetBackupSelectionCommand({ BackupPlanId, SelectionId }), { abortSignal: s }),
          );
          addSelection(context, region, arn, SelectionId, item.SelectionName ?? SelectionId, selection);
        }),
      );
    }),
  );
}

function addSelection(
  context: CollectContext,
  region: string,
  planArn: string,
  selectionId: string,
  name: string,
  result: CallResult<{ BackupSelection?: SdkBackupSelection }>,
): void {
  // Selections have no ARN of their own: their id is the plan's ARN and the selection id.
  const arn = `${planArn}/selection/${selectionId}`;
  const model: BackupSelection = {
    ...liveResourceBase(
      'backup_selection',
      { arn, name, account: context.scope.account, region },
      explicit({}),
      [result.evidence],
      'backup:ListBackupSelections',
    ),
    plan: linkTo(explicit(planArn, { call: 'backup:ListBackupSelections' })),
    resources: leafFrom(result, (output) => output.BackupSelection?.Resources ?? []),
    not_resources: leafFrom(result, (output) => output.BackupSelection?.NotResources ?? []),
    tag_conditions: leafFrom(result, (output) => tagConditions(output.BackupSelection)),
    conditions: leafFrom(result, (output) => narrowingConditions(output.BackupSelection)),
  };
  context.model.backup_selections[model.id] = model;
}

/** `ListOfTags`: a resource carrying any of these tags is selected. */
function tagConditions(selection: SdkBackupSelection | undefined): BackupTagCondition[] {
  return (selection?.ListOfTags ?? []).map((tag) => ({
    key: tag.ConditionKey ?? '',
    value: tag.ConditionValue ?? '',
    // ListOfTags writes STRINGEQUALS; the model uses the words of `Conditions` for every source.
    operator: 'StringEquals',
  }));
}

const CONDITION_OPERATORS = ['StringEquals', 'StringLike', 'StringNotEquals', 'StringNotLike'] as const;

/** `Conditions`: tag conditions every selected resource must meet (keys written `aws:ResourceTag/<key>`). */
function narrowingConditions(selection: SdkBackupSelection | undefined): BackupTagCondition[] {
  return CONDITION_OPERATORS.flatMap((operator) =>
    (selection?.Conditions?.[operator] ?? []).map((condition) => ({
      key: (condition.ConditionKey ?? '').replace(/^aws:ResourceTag\//, ''),
      value: condition.ConditionValue ?? '',
      operator,
    })),
  );
}

function ruleOf(rule: SdkBackupRule): BackupRule {
  return {
    name: rule.RuleName ?? '',
    target_vault: rule.TargetBackupVaultName ?? null,
    schedule: rule.ScheduleExpression ?? null,
    delete_after_days: rule.Lifecycle?.DeleteAfterDays ?? null,
    copy_actions: (rule.CopyActions ?? []).map((action) => ({
      destination_vault_arn: action.DestinationBackupVaultArn ?? null,
      destination_region: action.DestinationBackupVaultArn?.split(':')[3] || null,
      delete_after_days: action.Lifecycle?.DeleteAfterDays ?? null,
    })),
    unresolved: [],
  };
}

async function listTags(
  context: CollectContext,
  region: string,
  ResourceArn: string,
): Promise<{ leaf: Leaf<Record<string, string>>; result: CallResult<unknown> }> {
  const result = await context.caller.send('backup:ListTags', (s) =>
    context.scope.clients.backup(region).send(new ListTagsCommand({ ResourceArn }), { abortSignal: s }),
  );
  return { leaf: leafFrom(result, (output) => ({ ...(output.Tags ?? {}) })), result };
}
