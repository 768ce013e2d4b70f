import type { Classification } from './store-context';

/**
 * How much of a document bucket a firm role may use (CP-04, need-to-know):
 * - `read`: open and list documents;
 * - `contribute`: also add new documents and versions;
 * - `manage`: also delete documents (a delete marker: old versions stay for the retention period);
 * - `records`: no contents, only retention and legal holds, and disposal of versions past retention.
 */
export type DocumentAccess = 'read' | 'contribute' | 'manage' | 'records';

export type FirmRoleId = 'partner' | 'associate' | 'paralegal' | 'recordsManager' | 'auditor' | 'breakGlass';

export interface FirmRoleDefinition {
  /** The IAM role name people switch to (and the base of their group's name). */
  roleName: string;
  description: string;
  /** Access to each classification's bucket; a classification left out cannot be reached at all. */
  documents: Partial<Record<Classification, DocumentAccess>>;
  /** Reads the audit trail, access logs and the configuration of the store, never document contents. */
  audit?: true;
  /** Full administrator access, for emergencies: no permissions boundary, every use alarms. */
  administrator?: true;
}

/**
 * The firm's roles and what each may reach. The table is the need-to-know policy in one place: the
 * firm roles' IAM policies, the documents key's policy and the README are all derived from it.
 */
export function firmRoles(breakGlassRoleName: string): Record<FirmRoleId, FirmRoleDefinition> {
  return {
    partner: {
      roleName: 'Partner',
      description: 'Partners: full access to every matter, including privileged records',
      documents: { internal: 'manage', confidential: 'manage', privileged: 'manage' },
    },
    associate: {
      roleName: 'Associate',
      description: 'Associates: work on internal and confidential matters, read privileged records',
      documents: { internal: 'manage', confidential: 'contribute', privileged: 'read' },
    },
    paralegal: {
      roleName: 'Paralegal',
      description: 'Paralegals: prepare internal documents, read confidential ones',
      documents: { internal: 'contribute', confidential: 'read' },
    },
    recordsManager: {
      roleName: 'RecordsManager',
      description: 'Records managers: retention, legal holds and disposal, without reading contents',
      documents: { internal: 'records', confidential: 'records', privileged: 'records' },
    },
    auditor: {
      roleName: 'Auditor',
      description: 'Auditors: read-only access to the audit trail and the configuration, not to documents',
      documents: {},
      audit: true,
    },
    breakGlass: {
      roleName: breakGlassRoleName,
      description: 'Break-glass administrator for emergencies; every use raises an alarm',
      documents: {},
      administrator: true,
    },
  };
}

export const FIRM_ROLE_IDS: readonly FirmRoleId[] = [
  'partner',
  'associate',
  'paralegal',
  'recordsManager',
  'auditor',
  'breakGlass',
];
