import type { KmsKey } from '../../../model/kms';
import { explicit, unknown } from '../../leaves';
import { policyDocumentLeaf } from '../../policy-document';
import type { PolicyDocument } from '../../../model/policy-document';
import type { Leaf } from '../../../model/leaf';
import { asBoolean, asNumber, type Decoder } from '../property-reader';
import { templateResourceBase } from '../template-resource';
import type { TemplateAdapter } from './adapter';

/** `AWS::KMS::Key`: a key a template creates is always customer managed. */
export const kmsKeyAdapter: TemplateAdapter = {
  types: ['AWS::KMS::Key'],
  phase: 'create',
  apply(resource, model) {
    const props = resource.properties;
    const key: KmsKey = {
      ...templateResourceBase(resource, 'kms_key', undefined),
      manager: explicit('CUSTOMER'),
      spec: props.string(['KeySpec'], { default: 'SYMMETRIC_DEFAULT' }),
      usage: props.string(['KeyUsage'], { default: 'ENCRYPT_DECRYPT' }),
      rotation_enabled: props.boolean(['EnableKeyRotation'], { default: false }),
      rotation_period_days: props.leaf<number | null>(['RotationPeriodInDays'], asNumber, {
        default: props.get(['EnableKeyRotation']) === true ? 365 : null,
      }),
      policy: keyPolicy(props.get(['KeyPolicy']), props.at(['KeyPolicy'])),
      deletion_window_days: props.number(['PendingWindowInDays'], { default: 30 }),
      key_state: props.leaf<string>(['Enabled'], asKeyState, { default: 'Enabled' }),
      aliases: explicit([]),
      multi_region: props.boolean(['MultiRegion'], { default: false }),
      used_by: { documents: [], logs: [], backups: [], other: [] },
    };
    model.kms_keys[key.id] = key;
  },
};

/** A key without a KeyPolicy gets the default policy, which gives the account root full access. */
function keyPolicy(raw: unknown, at: { path: string }): Leaf<PolicyDocument | null> {
  if (raw === undefined)
    return unknown('the key has no KeyPolicy, so AWS applies its default key policy', at);
  return policyDocumentLeaf(raw, at);
}

const asKeyState: Decoder<string> = (value) => {
  const enabled = asBoolean(value);
  return 'ok' in enabled ? { ok: enabled.ok ? 'Enabled' : 'Disabled' } : enabled;
};
