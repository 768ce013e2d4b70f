import type { Model } from '../../../model/model';
import { withPlaceholders } from '../property-reader';
import type { TemplateResource } from '../template-resource';
import type { TemplateLookup } from './adapter';
import type { IamPrincipal } from './iam-principal';

const PRINCIPAL_LISTS = [
  ['Groups', 'iam_groups'],
  ['Roles', 'iam_roles'],
  ['Users', 'iam_users'],
] as const;

/** What to do with each principal a policy resource names. */
export interface PrincipalAttachment {
  /** Attach the policy to a principal of the template. */
  attach(principal: IamPrincipal): void;
  /** A name could not be resolved, so it may be this principal: its policies can no longer be told. */
  doubt(principal: IamPrincipal, reason: string): void;
}

/**
 * Runs `attachment` for every user, group and role of the template that an `AWS::IAM::Policy` or
 * `AWS::IAM::ManagedPolicy` names in `Groups`, `Roles` and `Users` (by `Ref` or by name). A name outside the
 * template is reported; a name that cannot be resolved may be any principal of its kind, so each of them
 * is doubted.
 */
export function attachToNamedPrincipals(
  resource: TemplateResource,
  model: Model,
  lookup: TemplateLookup,
  attachment: PrincipalAttachment,
): void {
  for (const [property, collection] of PRINCIPAL_LISTS) {
    const raw = resource.properties.get([property]);
    if (raw === undefined) continue;
    const names = Array.isArray(raw) ? raw : [raw];
    names.forEach((item, index) => {
      const path = `Properties.${property}[${index}]`;
      const name = withPlaceholders(item);
      if (typeof name !== 'string') {
        const reason = `${resource.type} ${resource.logicalId} attaches to ${property.toLowerCase()} that cannot be resolved`;
        lookup.report(reason, resource, path);
        for (const principal of Object.values(model[collection])) attachment.doubt(principal, reason);
        return;
      }
      const id = lookup.resolveReference(name, collection);
      const principal: IamPrincipal | undefined = id ? model[collection][id] : undefined;
      if (principal) attachment.attach(principal);
      else
        lookup.report(`${resource.type} attaches to ${name}, which is not in the template`, resource, path);
    });
  }
}
