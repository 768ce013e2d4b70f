/**
 * The five controls every scanner in the side-by-side benchmark is compared on. Each tool states which of
 * its own checks stand for each control (see `bench/peers/tools/`), and its findings are compared, control
 * by control, with the ground truth the corpus generator records.
 */
export const CONTROLS = [
  's3-cmk-encryption',
  's3-tls-only',
  's3-public-access-block',
  'kms-rotation',
  'cloudtrail-log-validation',
] as const;

export type Control = (typeof CONTROLS)[number];

export const CONTROL_TITLES: Record<Control, string> = {
  's3-cmk-encryption': 'S3 default encryption with a customer managed KMS key',
  's3-tls-only': 'S3 bucket policy denies requests without TLS',
  's3-public-access-block': 'S3 Block Public Access: all four flags on',
  'kms-rotation': 'KMS key rotation on',
  'cloudtrail-log-validation': 'CloudTrail log file validation on',
};

/** The resource type each control judges: a finding names a resource of this type. */
export const CONTROL_RESOURCE_TYPE: Record<Control, string> = {
  's3-cmk-encryption': 'AWS::S3::Bucket',
  's3-tls-only': 'AWS::S3::Bucket',
  's3-public-access-block': 'AWS::S3::Bucket',
  'kms-rotation': 'AWS::KMS::Key',
  'cloudtrail-log-validation': 'AWS::CloudTrail::Trail',
};

/** One failing control on one resource of one file: what a finding and a ground-truth entry both name. */
export interface FindingKey {
  control: Control;
  /** The template's path relative to the corpus item (the file name for a single template). */
  file: string;
  logicalId: string;
}

export const keyOf = (finding: FindingKey): string =>
  `${finding.control}\u0000${finding.file}\u0000${finding.logicalId}`;
