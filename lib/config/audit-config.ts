import type { TargetSelection } from '../lambda/audit/environment';
import type { OrganizationalUnitId } from './audit-context';

/**
 * The scheduled audit scan's configuration after validation, with every default applied (from the
 * document store's configuration where the context says nothing). Read it with `readAuditConfig`.
 */
export interface AuditConfig {
  account: string;
  region: string;
  schedule: string;
  scheduleTimeZone: string;
  targets: TargetSelection;
  regions: string[];
  maxConcurrentAccounts: number;
  scannerRoleName: string;
  notifyEmail: string;
  scannerRoleStacks: string[];
  stackSet?: { organizationalUnitIds: OrganizationalUnitId[]; callAs: 'SELF' | 'DELEGATED_ADMIN' };
}
