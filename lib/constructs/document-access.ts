import * as iam from 'aws-cdk-lib/aws-iam';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type { DocumentAccess } from '../config/firm-roles';
import type { KeyAccess } from './firm-key';

/** Client documents live under this prefix, one folder per matter: `matters/<matter-id>/…`. */
export const DOCUMENTS_PREFIX = 'matters/';

const READ = ['s3:GetObject', 's3:GetObjectVersion', 's3:GetObjectTagging', 's3:GetObjectVersionTagging'];
const CONTRIBUTE = [...READ, 's3:PutObject', 's3:PutObjectTagging'];

const OBJECT_ACTIONS: Record<DocumentAccess, string[]> = {
  read: READ,
  contribute: CONTRIBUTE,
  manage: [...CONTRIBUTE, 's3:DeleteObject'],
  records: [
    's3:GetObjectRetention',
    's3:PutObjectRetention',
    's3:GetObjectLegalHold',
    's3:PutObjectLegalHold',
    's3:DeleteObjectVersion',
  ],
};

/** Every object action any access level allows: the permissions boundary's ceiling. */
export const DOCUMENT_ACTIONS = [...new Set(Object.values(OBJECT_ACTIONS).flat())].sort();

/** What each access level needs of the documents key; `undefined` when it never touches contents. */
export const KEY_ACCESS: Record<DocumentAccess, KeyAccess | undefined> = {
  read: 'decrypt',
  contribute: 'encrypt-decrypt',
  manage: 'encrypt-decrypt',
  records: undefined,
};

/** The IAM statements that give one access level to the matters in one document bucket. */
export function documentAccessStatements(
  bucket: s3.IBucket,
  access: DocumentAccess,
  sid: string,
): iam.PolicyStatement[] {
  const objects = new iam.PolicyStatement({
    sid: `${sid}Objects`,
    actions: OBJECT_ACTIONS[access],
    resources: [bucket.arnForObjects(`${DOCUMENTS_PREFIX}*`)],
  });
  const listing =
    access === 'records'
      ? new iam.PolicyStatement({
          sid: `${sid}Versions`,
          actions: ['s3:ListBucket', 's3:ListBucketVersions'],
          resources: [bucket.bucketArn],
        })
      : new iam.PolicyStatement({
          sid: `${sid}List`,
          actions: ['s3:ListBucket'],
          resources: [bucket.bucketArn],
          conditions: { StringLike: { 's3:prefix': [`${DOCUMENTS_PREFIX}*`] } },
        });
  return [objects, listing];
}
