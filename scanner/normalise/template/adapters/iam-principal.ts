import type { IamGroup, IamPrincipalPolicies, IamRole, IamUser, InlinePolicy } from '../../../model/iam';
import type { Leaf, TemplateLeafSource } from '../../../model/leaf';
import { isUnresolved, type Resolved } from '../../../sources/template/resolve/unresolved';
import { byDefault, explicit, linkTo, unknown } from '../../leaves';
import { policyDocumentLeaf } from '../../policy-document';
import type { PropertyReader } from '../property-reader';
import { isRecord } from '../resolved-values';
import { fromType } from '../template-resource';

/** A user, group or role: what IAM policies attach to. */
export type IamPrincipal = IamUser | IamGroup | IamRole;

/**
 * What users, groups and roles read alike: inline `Policies`, `ManagedPolicyArns` and, for users and
 * roles, `PermissionsBoundary` (IAM groups cannot have one).
 */
export function principalPolicies(props: PropertyReader, hasBoundary: boolean): IamPrincipalPolicies {
  return {
    inline_policies: inlinePolicies(props),
    managed_policies: props.links(['ManagedPolicyArns']),
    permissions_boundary: linkTo(
      hasBoundary ? props.reference(['PermissionsBoundary'], { default: null }) : fromType(null),
    ),
  };
}

function inlinePolicies(props: PropertyReader): Leaf<InlinePolicy[]> {
  const raw = props.get(['Policies']);
  const at = props.at(['Policies']);
  if (raw === undefined) return byDefault([], at);
  if (!Array.isArray(raw)) return unknown(isUnresolved(raw) ? raw.reason : `${at.path} is not a list`, at);
  return explicit(
    raw.map((item, index) => {
      const policy = isRecord(item) ? item : {};
      return inlinePolicy(
        policy.PolicyName,
        policy.PolicyDocument,
        props.at(['Policies', index, 'PolicyDocument']),
      );
    }),
    at,
  );
}

/** One inline policy; a name that cannot be read is replaced by the document's path. */
export function inlinePolicy(
  name: Resolved | undefined,
  document: Resolved | undefined,
  at: TemplateLeafSource,
): InlinePolicy {
  return {
    name: typeof name === 'string' ? name : at.path,
    document:
      document === undefined
        ? unknown('the policy has no PolicyDocument', at)
        : policyDocumentLeaf(document, at),
  };
}

/** A list leaf with one more item; an unknown list stays unknown (it may already hold the item). */
export function appendTo<T>(list: Leaf<T[]>, item: T): Leaf<T[]> {
  if (list.state === 'unknown') return list;
  return explicit([...list.value, item], list.state === 'explicit' ? list.at : undefined);
}
