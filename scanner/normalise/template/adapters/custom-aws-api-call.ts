import { isUnresolved } from '../../../sources/template/resolve/unresolved';
import { withPlaceholders } from '../property-reader';
import type { TemplateResource } from '../template-resource';
import type { TemplateAdapter, TemplateLookup } from './adapter';
import { ACCOUNT_SETTING_CALLS, type PlacedCall, type SdkCall } from './account-setting-calls';

/** The properties holding the call made when the resource is created, and when it is updated. */
const CALL_PROPERTIES = ['Create', 'Update'] as const;

/**
 * `Custom::AWS`, the resource CDK's `AwsCustomResource` writes: one AWS SDK call, as a JSON string, made
 * when the resource is created (`Create`) and updated (`Update`). Account settings CloudFormation has no
 * resource for are set this way; lexguard reads the calls that set them into the template's account
 * (`account-setting-calls.ts`) and leaves other calls alone.
 */
export const customAwsApiCallAdapter: TemplateAdapter = {
  types: ['Custom::AWS'],
  phase: 'attach',
  apply(resource, model, lookup) {
    const account = model.accounts[resource.stack.accountId ?? `${resource.stack.scope}/account`];
    if (!account) return;
    const calls = CALL_PROPERTIES.flatMap((property): PlacedCall[] => {
      const call = readCall(resource, property, lookup);
      return call ? [{ call, at: { path: `Properties.${property}`, logical_id: resource.logicalId } }] : [];
    });
    for (const apply of ACCOUNT_SETTING_CALLS) apply(calls, account);
  },
};

/** The SDK call a `Create` or `Update` property holds, its service and action in one spelling. */
function readCall(resource: TemplateResource, property: string, lookup: TemplateLookup): SdkCall | undefined {
  const raw = withPlaceholders(resource.properties.get([property]));
  if (raw === undefined) return undefined;
  const report = (why: string): undefined => {
    lookup.report(`the SDK call cannot be read: ${why}`, resource, `Properties.${property}`);
    return undefined;
  };
  if (typeof raw !== 'string') return report(isUnresolved(raw) ? raw.reason : 'it is not a JSON string');
  let call: { service?: unknown; action?: unknown; parameters?: unknown };
  try {
    call = JSON.parse(raw) as typeof call;
  } catch {
    return report('it is not valid JSON');
  }
  if (typeof call.service !== 'string' || typeof call.action !== 'string')
    return report('it names no service and action');
  const parameters = typeof call.parameters === 'object' && call.parameters !== null ? call.parameters : {};
  return {
    // CDK accepts `IAM` or `@aws-sdk/client-iam`, `updateAccountPasswordPolicy` or `UpdateAccountPasswordPolicyCommand`.
    service: call.service
      .replace(/^@aws-sdk\/client-/, '')
      .replace(/-/g, '')
      .toLowerCase(),
    action: call.action.replace(/Command$/, '').toLowerCase(),
    parameters: parameters as Record<string, unknown>,
  };
}
