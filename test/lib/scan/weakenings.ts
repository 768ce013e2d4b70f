import type { SecurityControls } from '../../../lib/config/security-controls';

/**
 * One control turned off, and the lexguard rules that must then FAIL on the synthesized templates: the
 * proof that the rules see what the constructs do. Add a row when a rule for another control lands;
 * `SecurityControls` lists every control the stacks can be built without.
 */
export interface Weakening {
  weaken: Partial<SecurityControls>;
  /** Rule ids that must report FAIL once the control is off. */
  failingRules: string[];
}

export const WEAKENINGS: Weakening[] = [
  { weaken: { keyRotation: false }, failingRules: ['LG-KMS-001'] },
  { weaken: { documentEncryption: 'S3_MANAGED' }, failingRules: ['LG-S3-001'] },
  { weaken: { enforceTls: false }, failingRules: ['LG-S3-003'] },
];
