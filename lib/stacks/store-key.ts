import type { Construct } from 'constructs';
import type { SecurityControls } from '../config/security-controls';
import type { StoreConfig } from '../config/store-config';
import { FirmKey, type KeyPurpose } from '../constructs/firm-key';

/** A key of the store, named and controlled as every key of the store is. */
export function storeKey(
  scope: Construct,
  id: string,
  purpose: KeyPurpose,
  what: string,
  {
    config,
    controls,
    aliasPrefix = config.firmId,
  }: { config: StoreConfig; controls: SecurityControls; aliasPrefix?: string },
): FirmKey {
  return new FirmKey(scope, id, {
    purpose,
    aliasPrefix,
    description: `${config.firmName}: ${what}`,
    rotation: controls.keyRotation,
    deletionWindowDays: controls.keyDeletionWindowDays,
  });
}
