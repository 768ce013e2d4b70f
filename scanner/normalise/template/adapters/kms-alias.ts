import { isUnresolved } from '../../../sources/template/resolve/unresolved';
import { resourceToken } from '../../../sources/template/resolve/tokens';
import { explicit } from '../../leaves';
import { withPlaceholders } from '../property-reader';
import type { TemplateAdapter } from './adapter';

/**
 * `AWS::KMS::Alias`: adds its name to the key it points at, and makes the alias (its name, and `Ref` of
 * the alias resource) a way to refer to that key.
 */
export const kmsAliasAdapter: TemplateAdapter = {
  types: ['AWS::KMS::Alias'],
  phase: 'attach',
  apply(resource, model, lookup) {
    const props = resource.properties;
    const aliasName = props.get(['AliasName']);
    const target = withPlaceholders(props.get(['TargetKeyId']));
    if (typeof aliasName !== 'string') {
      const why = isUnresolved(aliasName) ? aliasName.reason : 'it is missing';
      lookup.report(`the alias name cannot be read: ${why}`, resource, 'Properties.AliasName');
      return;
    }
    const keyId = typeof target === 'string' ? lookup.resolveReference(target, 'kms_keys') : undefined;
    const key = keyId ? model.kms_keys[keyId] : undefined;
    if (!keyId || !key) {
      const what = typeof target === 'string' ? `key ${target}, which is not in the template` : 'no key';
      lookup.report(`alias ${aliasName} points at ${what}`, resource, 'Properties.TargetKeyId');
      return;
    }
    if (key.aliases.state !== 'unknown' && !key.aliases.value.includes(aliasName)) {
      key.aliases = explicit([...key.aliases.value, aliasName], {
        path: 'Properties.AliasName',
        logical_id: resource.logicalId,
      });
    }
    lookup.registerReference(aliasName, 'kms_keys', keyId);
    lookup.registerReference(
      resourceToken(resource.logicalId, undefined, resource.stack.tokenScope),
      'kms_keys',
      keyId,
    );
  },
};
