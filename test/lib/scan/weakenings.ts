import type { SecurityControls } from '../../../lib/config/security-controls';

/**
 * One control turned off, and the lexguard rules that must then FAIL on the synthesized assembly: the
 * proof that the rules see what the constructs do. `SecurityControls` lists every control the stacks can
 * be built without, and every one of them has a row: a new control needs a rule that judges it.
 */
export interface Weakening {
  weaken: Partial<SecurityControls>;
  /** Rule ids that must report FAIL once the control is off. */
  failingRules: string[];
}

/** The metric filters and alarms of CIS AWS Foundations 4.x the store builds (LG-MON-001…007). */
const CIS_ALARMS = [
  'LG-MON-001',
  'LG-MON-002',
  'LG-MON-003',
  'LG-MON-004',
  'LG-MON-005',
  'LG-MON-006',
  'LG-MON-007',
];

export const WEAKENINGS: Weakening[] = [
  { weaken: { keyRotation: false }, failingRules: ['LG-KMS-001'] },
  { weaken: { keyDeletionWindowDays: 7 }, failingRules: ['LG-KMS-003'] },
  { weaken: { keyPerPurpose: false }, failingRules: ['LG-KMS-006'] },
  { weaken: { documentEncryption: 'S3_MANAGED' }, failingRules: ['LG-S3-001'] },
  { weaken: { bucketKeys: false }, failingRules: ['LG-S3-002'] },
  { weaken: { enforceTls: false }, failingRules: ['LG-S3-003', 'LG-S3-004'] },
  { weaken: { blockPublicAccess: false }, failingRules: ['LG-S3-005'] },
  { weaken: { disableAcls: false }, failingRules: ['LG-S3-009'] },
  { weaken: { versioning: false }, failingRules: ['LG-S3-010'] },
  { weaken: { accessLogging: false }, failingRules: ['LG-S3-011'] },
  { weaken: { objectLock: false }, failingRules: ['LG-S3-012'] },
  { weaken: { expireOldVersions: false }, failingRules: ['LG-S3-014'] },
  { weaken: { requiredTags: false }, failingRules: ['LG-S3-017', 'LG-KMS-007'] },
  { weaken: { mfaEnforced: false }, failingRules: ['LG-IAM-001', 'LG-IAM-002'] },
  { weaken: { permissionsBoundary: false }, failingRules: ['LG-IAM-009'] },
  // The CIS alarms watch the log group of a trail that records every region's management events.
  { weaken: { trailMultiRegion: false }, failingRules: ['LG-CT-001', ...CIS_ALARMS] },
  { weaken: { trailFileValidation: false }, failingRules: ['LG-CT-002'] },
  { weaken: { trailEncryption: false }, failingRules: ['LG-CT-003'] },
  { weaken: { trailDataEvents: false }, failingRules: ['LG-CT-005'] },
  { weaken: { trailToCloudWatch: false }, failingRules: ['LG-CT-004', ...CIS_ALARMS] },
  { weaken: { logGroupEncryption: false }, failingRules: ['LG-MON-009'] },
  { weaken: { securityAlarms: false }, failingRules: CIS_ALARMS },
  { weaken: { alertTopicEncryption: false }, failingRules: ['LG-MON-008'] },
  { weaken: { backupVaultLock: false }, failingRules: ['LG-BAK-003'] },
  { weaken: { backupCopies: false }, failingRules: ['LG-BAK-004'] },
];
