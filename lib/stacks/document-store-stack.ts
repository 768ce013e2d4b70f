import { Stack, type StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { mostSensitive } from '../config/classifications';
import { firmRoles } from '../config/firm-roles';
import type { SecurityControls } from '../config/security-controls';
import type { StoreConfig } from '../config/store-config';
import type { Classification } from '../config/store-context';
import { AccessLogBucket } from '../constructs/access-log-bucket';
import { AlertTopic } from '../constructs/alert-topic';
import { AuditTrail } from '../constructs/audit-trail';
import type { DataStoreTags } from '../constructs/data-store-tags';
import { BACKUP_TAG, DocumentBucket } from '../constructs/document-bucket';
import { DocumentBackups } from '../constructs/document-backups';
import { FirmAccess } from '../constructs/firm-access';
import type { FirmKey, KeyPurpose } from '../constructs/firm-key';
import { LockedVault } from '../constructs/locked-vault';
import { SecurityAlarms } from '../constructs/security-alarms';
import { securityEvents } from '../constructs/security-events';
import { pascalCase } from '../constructs/pascal-case';
import { roleArn, storeNames, vaultArn } from './names';
import { storeKey } from './store-key';
import { StoreTags } from './store-tags';
import { vaultLock } from './vault-lock';

export interface DocumentStoreStackProps extends StackProps {
  config: StoreConfig;
  controls: SecurityControls;
}

/**
 * The client document store in the primary region: the keys, the document buckets and their access-log
 * bucket, the firm roles with need-to-know access, the audit trail with its locked bucket and log group,
 * the security alarms and their topic, and the backup vault and plan.
 */
export class DocumentStoreStack extends Stack {
  readonly keys: Record<KeyPurpose, FirmKey>;
  readonly documentBuckets: Partial<Record<Classification, s3.Bucket>> = {};
  readonly accessLogBucket: s3.Bucket;
  readonly trailBucket: s3.Bucket;
  readonly trail: AuditTrail;
  readonly access: FirmAccess;
  readonly alertTopic: AlertTopic;
  readonly vault: LockedVault;
  readonly backups: DocumentBackups;

  constructor(scope: Construct, id: string, props: DocumentStoreStackProps) {
    super(scope, id, props);
    const { config, controls } = props;
    const names = storeNames(config);
    const storeTags = new StoreTags(config, controls);
    const tags = (classification: string): DataStoreTags | undefined => storeTags.for(classification);
    const bucketControls = {
      versioning: controls.versioning,
      enforceTls: controls.enforceTls,
      blockPublicAccess: controls.blockPublicAccess,
      disableAcls: controls.disableAcls,
    };

    const documentsKey = storeKey(this, 'DocumentsKey', 'documents', 'encrypts client documents', props);
    const keyFor = (purpose: KeyPurpose, what: string): FirmKey =>
      controls.keyPerPurpose
        ? storeKey(this, `${pascalCase(purpose)}Key`, purpose, what, props)
        : documentsKey;
    this.keys = {
      documents: documentsKey,
      'audit-logs': keyFor('audit-logs', 'encrypts the audit trail and its log group'),
      backups: keyFor('backups', 'encrypts the backups of client documents'),
      alerts: keyFor('alerts', 'encrypts security alerts'),
    };
    const protects: Record<KeyPurpose, Classification> = {
      documents: config.highestClassification,
      backups: config.highestClassification,
      'audit-logs': 'confidential',
      alerts: 'internal',
    };
    // A key serving several purposes (the key-per-purpose control off) is classified by the most sensitive.
    for (const key of new Set(Object.values(this.keys))) {
      const purposes = (Object.keys(this.keys) as KeyPurpose[]).filter(
        (purpose) => this.keys[purpose] === key,
      );
      storeTags.apply(key, mostSensitive(purposes.map((purpose) => protects[purpose])));
    }

    this.accessLogBucket = new AccessLogBucket(this, 'AccessLogs', {
      ...bucketControls,
      retentionDays: config.retention.auditLogsDays,
      tags: tags('confidential'),
    }).bucket;

    for (const classification of config.classifications) {
      const sensitive = config.sensitiveClassifications.includes(classification);
      const locked = sensitive && controls.objectLock;
      this.documentBuckets[classification] = new DocumentBucket(this, pascalCase(classification), {
        ...bucketControls,
        // Object Lock needs versioning: with the versioning control off, only unlocked buckets lose it.
        versioning: controls.versioning || locked,
        encryption:
          controls.documentEncryption === 'KMS'
            ? { kind: 'KMS', key: this.keys.documents.key, bucketKey: controls.bucketKeys }
            : { kind: 'S3_MANAGED' },
        retentionDays: config.retention.documentsDays,
        ...(locked ? { objectLock: { mode: config.objectLockMode } } : {}),
        expireOldVersions: controls.expireOldVersions,
        ...(controls.accessLogging ? { accessLogs: this.accessLogBucket } : {}),
        tags: tags(classification),
      }).bucket;
    }
    const documentBuckets = Object.values(this.documentBuckets);

    this.trail = new AuditTrail(this, 'AuditTrail', {
      trailName: names.trailName,
      bucket: {
        ...bucketControls,
        objectLockMode: config.objectLockMode,
        retentionDays: config.retention.auditLogsDays,
        accessLogs: this.accessLogBucket,
      },
      auditKey: this.keys['audit-logs'],
      encryptLogs: controls.trailEncryption,
      multiRegion: controls.trailMultiRegion,
      fileValidation: controls.trailFileValidation,
      ...(controls.trailToCloudWatch
        ? {
            cloudWatchLogs: {
              retentionDays: config.retention.auditLogsDays,
              encrypt: controls.logGroupEncryption,
            },
          }
        : {}),
      dataEventBuckets: controls.trailDataEvents ? documentBuckets : [],
    });
    this.trailBucket = this.trail.bucket;
    storeTags.apply(this.trail, 'confidential');

    this.access = new FirmAccess(this, 'FirmRoles', {
      rolePath: names.rolePath,
      roles: firmRoles(config.breakGlassRoleName),
      documentBuckets: this.documentBuckets,
      logBuckets: [this.trailBucket, this.accessLogBucket],
      documentsKey: this.keys.documents,
      auditKey: this.keys['audit-logs'],
      sessionHours: config.sessionHours,
      mfaEnforced: controls.mfaEnforced,
      permissionsBoundary: controls.permissionsBoundary,
    });

    this.alertTopic = new AlertTopic(this, 'Alerts', {
      displayName: `${config.firmName} security alerts`,
      email: config.alertEmail,
      ...(controls.alertTopicEncryption ? { key: this.keys.alerts } : {}),
    });
    storeTags.apply(this.alertTopic, 'internal');
    if (controls.securityAlarms && this.trail.logGroup) {
      new SecurityAlarms(this, 'SecurityAlarms', {
        logGroup: this.trail.logGroup,
        topic: this.alertTopic.topic,
        namespace: names.metricNamespace,
        events: securityEvents(config.breakGlassRoleName),
      });
    }

    const backupRole = iam.Role.fromRoleArn(
      this,
      'BackupRole',
      roleArn(this, names.rolePath, names.backupRoleName),
      {
        mutable: false,
      },
    );
    this.keys.documents.allowUseThrough('BackupRoleBacksUpDocuments', 's3', [backupRole], 'encrypt-decrypt');
    this.vault = new LockedVault(this, 'Vault', {
      vaultName: names.vaultName,
      key: this.keys.backups,
      backupRole,
      ...(controls.backupVaultLock ? { lock: vaultLock(config) } : {}),
    });
    storeTags.apply(this.vault, config.highestClassification);
    this.backups = new DocumentBackups(this, 'Backups', {
      planName: names.planName,
      vault: this.vault.vault,
      ...(controls.backupCopies
        ? { offsiteVaultArn: vaultArn(this, config.secondaryRegion, names.offsiteVaultName) }
        : {}),
      retention: config.backupRetention,
      selectionTag: BACKUP_TAG,
      role: backupRole,
    });
  }
}
