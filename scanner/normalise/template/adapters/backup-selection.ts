import type { BackupSelection, BackupTagCondition } from '../../../model/backup';
import type { Resolved } from '../../../sources/template/resolve/unresolved';
import { linkTo } from '../../leaves';
import { asReferences, required, type Decoder } from '../property-reader';
import { isRecord, whyUnreadable } from '../resolved-values';
import { templateResourceBase } from '../template-resource';
import type { TemplateAdapter } from './adapter';

const SELECTION = 'BackupSelection';

/**
 * `AWS::Backup::BackupSelection`: the plan it assigns resources to, and what it selects: resource ARNs
 * (wildcards allowed) or `ListOfTags` (any matches), narrowed by `Conditions` (all must match), minus
 * `NotResources`. Which buckets that covers is worked out by the linking pass.
 */
export const backupSelectionAdapter: TemplateAdapter = {
  types: ['AWS::Backup::BackupSelection'],
  phase: 'create',
  apply(resource, model) {
    const props = resource.properties;
    const selection: BackupSelection = {
      ...templateResourceBase(resource, 'backup_selection', [SELECTION, 'SelectionName']),
      plan: linkTo(props.reference(['BackupPlanId'], required('BackupPlanId'))),
      resources: props.leaf([SELECTION, 'Resources'], asReferences, { default: [] }),
      not_resources: props.leaf([SELECTION, 'NotResources'], asReferences, { default: [] }),
      tag_conditions: props.leaf([SELECTION, 'ListOfTags'], asListOfTags, { default: [] }),
      conditions: props.leaf([SELECTION, 'Conditions'], asConditions, { default: [] }),
    };
    model.backup_selections[selection.id] = selection;
  },
};

const TAG_KEY_PREFIX = 'aws:ResourceTag/';

function condition(value: Resolved, operator: string): BackupTagCondition | undefined {
  if (!isRecord(value)) return undefined;
  const { ConditionKey: key, ConditionValue: text } = value;
  if (typeof key !== 'string' || typeof text !== 'string') return undefined;
  return {
    key: key.startsWith(TAG_KEY_PREFIX) ? key.slice(TAG_KEY_PREFIX.length) : key,
    value: text,
    operator,
  };
}

/** `ListOfTags`: `{ConditionType: STRINGEQUALS, ConditionKey, ConditionValue}`, the only type there is. */
const asListOfTags: Decoder<BackupTagCondition[]> = (value) => {
  if (!Array.isArray(value)) return { error: 'is not a list' };
  const conditions: BackupTagCondition[] = [];
  for (const [index, item] of value.entries()) {
    const read =
      isRecord(item) && item.ConditionType === 'STRINGEQUALS' ? condition(item, 'StringEquals') : undefined;
    if (!read) return { error: `[${index}] is not a STRINGEQUALS condition lexguard can read` };
    conditions.push(read);
  }
  return { ok: conditions };
};

const OPERATORS = ['StringEquals', 'StringLike', 'StringNotEquals', 'StringNotLike'];

/** `Conditions`: `{StringEquals: [{ConditionKey: aws:ResourceTag/k, ConditionValue}], StringLike: […], …}`. */
const asConditions: Decoder<BackupTagCondition[]> = (value) => {
  if (!isRecord(value)) return { error: 'is not a mapping' };
  const conditions: BackupTagCondition[] = [];
  for (const [operator, items] of Object.entries(value)) {
    if (!OPERATORS.includes(operator)) return { error: `has an operator ${operator} lexguard does not know` };
    if (!Array.isArray(items)) return { error: `.${operator} is not a list` };
    for (const [index, item] of items.entries()) {
      const read = condition(item, operator);
      if (!read) return { error: whyUnreadable(item, `.${operator}[${index}]`) };
      conditions.push(read);
    }
  }
  return { ok: conditions };
};
