import type { SecurityControls } from '../../../lib/config/security-controls';

/**
 * One control turned off, and the lexguard rules that must then FAIL on the synthesized assembly: the
 * proof that the rules see what the constructs do. Add a row when a rule for another control lands;
 * `SecurityControls` lists every control the stacks can be built without, and `UNJUDGED` those no rule
 * judges yet.
 */
export interface Weakening {
  weaken: Partial<SecurityControls>;
  /** Rule ids that must report FAIL once the control is off. */
  failingRules: string[];
}

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
];

/**
 * Controls the stacks can be built without that no rule in the bundle judges yet (trails, IAM, backups,
 * monitoring): each becomes a row of `WEAKENINGS` when its rule lands. Kept here so the test can prove
 * every control is either judged or listed as waiting.
 */
export const UNJUDGED: ReadonlyArray<keyof SecurityControls> = [
  'mfaEnforced',
  'permissionsBoundary',
  'trailMultiRegion',
  'trailFileValidation',
  'trailEncryption',
  'trailDataEvents',
  'trailToCloudWatch',
  'logGroupEncryption',
  'securityAlarms',
  'alertTopicEncryption',
  'backupVaultLock',
  'backupCopies',
];
