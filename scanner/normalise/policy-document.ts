import type { PolicyCondition, PolicyDocument, PolicyStatement, Principals } from '../model/policy-document';
import type { Leaf, LeafSource } from '../model/leaf';
import { isUnresolved } from '../sources/template/resolve/unresolved';
import { explicit, unknown } from './leaves';

/**
 * Turns an IAM-style policy document, as written in a template (after intrinsic resolution) or returned
 * by an AWS API (after JSON.parse), into the model's `PolicyDocument`. Parts that could not be resolved
 * are left out of the statement and listed in its `unresolved`, so rules can answer UNKNOWN rather than
 * judge half a statement.
 */
export type PolicyDocumentResult = { document: PolicyDocument } | { unresolved: string };

/** A policy document as a leaf: explicit when it could be read, else unknown with the reason. */
export function policyDocumentLeaf(raw: unknown, at?: LeafSource): Leaf<PolicyDocument> {
  const result = normalisePolicyDocument(raw);
  return 'document' in result ? explicit(result.document, at) : unknown(result.unresolved, at);
}

export function normalisePolicyDocument(raw: unknown): PolicyDocumentResult {
  if (isUnresolved(raw)) return { unresolved: raw.reason };
  if (typeof raw === 'string') {
    try {
      return normalisePolicyDocument(JSON.parse(raw));
    } catch {
      return { unresolved: 'the policy document is not valid JSON' };
    }
  }
  if (!isRecord(raw)) return { unresolved: 'the policy document is not an object' };
  const statements = raw.Statement;
  if (isUnresolved(statements)) return { unresolved: statements.reason };
  const list = Array.isArray(statements) ? statements : statements === undefined ? [] : [statements];
  const result: PolicyStatement[] = [];
  list.forEach((statement, index) => {
    if (isUnresolved(statement)) {
      result.push(unresolvedStatement(`Statement[${index}]`));
    } else if (isRecord(statement)) {
      result.push(normaliseStatement(statement));
    }
  });
  return { document: { statements: result } };
}

function unresolvedStatement(path: string): PolicyStatement {
  return {
    sid: null,
    effect: 'Allow',
    principals: null,
    not_principals: null,
    actions: [],
    not_actions: [],
    resources: [],
    not_resources: [],
    conditions: [],
    unresolved: [path],
  };
}

function normaliseStatement(statement: Record<string, unknown>): PolicyStatement {
  const unresolved: string[] = [];
  const effect = statement.Effect;
  if (isUnresolved(effect)) unresolved.push('Effect');
  return {
    sid: typeof statement.Sid === 'string' ? statement.Sid : null,
    effect: effect === 'Deny' ? 'Deny' : 'Allow',
    principals: principals(statement.Principal, 'Principal', unresolved),
    not_principals: principals(statement.NotPrincipal, 'NotPrincipal', unresolved),
    actions: strings(statement.Action, 'Action', unresolved),
    not_actions: strings(statement.NotAction, 'NotAction', unresolved),
    resources: strings(statement.Resource, 'Resource', unresolved),
    not_resources: strings(statement.NotResource, 'NotResource', unresolved),
    conditions: conditions(statement.Condition, unresolved),
    unresolved,
  };
}

/** A string or list of strings as a list; unresolved items are left out and their paths recorded. */
function strings(value: unknown, path: string, unresolved: string[]): string[] {
  if (value === undefined || value === null) return [];
  if (isUnresolved(value)) {
    unresolved.push(path);
    return [];
  }
  const items = Array.isArray(value) ? value : [value];
  const result: string[] = [];
  items.forEach((item, index) => {
    if (isUnresolved(item)) unresolved.push(`${path}[${index}]`);
    else if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean')
      result.push(String(item));
    else unresolved.push(`${path}[${index}]`);
  });
  return result;
}

const PRINCIPAL_TYPES: Record<string, keyof Omit<Principals, 'wildcard'>> = {
  AWS: 'aws',
  Service: 'service',
  Federated: 'federated',
  CanonicalUser: 'canonical_user',
};

function principals(value: unknown, path: string, unresolved: string[]): Principals | null {
  if (value === undefined || value === null) return null;
  const result: Principals = { wildcard: false, aws: [], service: [], federated: [], canonical_user: [] };
  if (value === '*') return { ...result, wildcard: true };
  if (isUnresolved(value) || !isRecord(value)) {
    unresolved.push(path);
    return result;
  }
  for (const [type, members] of Object.entries(value)) {
    const field = PRINCIPAL_TYPES[type];
    if (field) result[field] = strings(members, `${path}.${type}`, unresolved);
    else unresolved.push(`${path}.${type}`);
  }
  return result;
}

function conditions(value: unknown, unresolved: string[]): PolicyCondition[] {
  if (value === undefined || value === null) return [];
  if (isUnresolved(value) || !isRecord(value)) {
    unresolved.push('Condition');
    return [];
  }
  const result: PolicyCondition[] = [];
  for (const [rawOperator, block] of Object.entries(value)) {
    const path = `Condition.${rawOperator}`;
    if (isUnresolved(block) || !isRecord(block)) {
      unresolved.push(path);
      continue;
    }
    const { operator, qualifier, ifExists } = parseOperator(rawOperator);
    for (const [key, values] of Object.entries(block)) {
      result.push({
        operator,
        qualifier,
        if_exists: ifExists,
        key: key.toLowerCase(),
        values: strings(values, `${path}.${key}`, unresolved),
      });
    }
  }
  return result;
}

/** `ForAnyValue:StringEqualsIfExists` → operator `StringEquals`, qualifier `ForAnyValue`, if_exists. */
function parseOperator(raw: string): Pick<PolicyCondition, 'operator' | 'qualifier'> & { ifExists: boolean } {
  let operator = raw;
  let qualifier: PolicyCondition['qualifier'] = null;
  const colon = operator.indexOf(':');
  if (colon > 0) {
    const prefix = operator.slice(0, colon);
    if (prefix === 'ForAnyValue' || prefix === 'ForAllValues') qualifier = prefix;
    operator = operator.slice(colon + 1);
  }
  const ifExists = operator.endsWith('IfExists') && operator !== 'IfExists';
  if (ifExists) operator = operator.slice(0, -'IfExists'.length);
  return { operator, qualifier, ifExists };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isUnresolved(value);
}
