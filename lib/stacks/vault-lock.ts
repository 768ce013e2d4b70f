import type { StoreConfig } from '../config/store-config';
import type { VaultLockProps } from '../constructs/locked-vault';

/** The vault lock both vaults share: it admits exactly the retention periods the backup plan uses. */
export function vaultLock(config: StoreConfig): VaultLockProps {
  const { dailyDays, weeklyDays, monthlyDays } = config.backupRetention;
  return {
    minRetentionDays: Math.min(dailyDays, weeklyDays, monthlyDays),
    maxRetentionDays: Math.max(dailyDays, weeklyDays, monthlyDays),
    ...(config.vaultLockChangeableForDays !== undefined
      ? { changeableForDays: config.vaultLockChangeableForDays }
      : {}),
  };
}
