import type { Classification } from './store-context';

/**
 * The document store's configuration after validation, with every default applied: what the stacks and
 * constructs are built from. Read it with `readStoreConfig`.
 */
export interface StoreConfig {
  firmName: string;
  firmId: string;
  account: string;
  owner: string;
  alertEmail: string;
  approvedRegions: string[];
  primaryRegion: string;
  secondaryRegion: string;
  /** One document bucket per classification. */
  classifications: Classification[];
  /** The most sensitive classification among them: that of the keys and vaults that serve every bucket. */
  highestClassification: Classification;
  /** Classifications whose buckets are Object-Locked (`confidential`, `privileged`). */
  sensitiveClassifications: string[];
  /** Tag key holding a data store's classification. */
  classificationTag: string;
  retention: { documentsDays: number; auditLogsDays: number };
  backupRetention: { dailyDays: number; weeklyDays: number; monthlyDays: number };
  objectLockMode: 'GOVERNANCE' | 'COMPLIANCE';
  /** Absent for a governance-mode vault lock. */
  vaultLockChangeableForDays?: number;
  passwordPolicy: { minimumLength: number; reusePrevention: number; maxAgeDays: number };
  sessionHours: number;
  /** Name of the break-glass role, the only role with administrator access. */
  breakGlassRoleName: string;
}
