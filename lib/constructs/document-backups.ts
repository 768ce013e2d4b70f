import { Duration } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as events from 'aws-cdk-lib/aws-events';
import type * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { rejectProps } from './reject-props';

export interface BackupRetention {
  dailyDays: number;
  weeklyDays: number;
  monthlyDays: number;
}

export interface DocumentBackupsProps {
  planName: string;
  vault: backup.IBackupVault;
  /** CP-10: the vault in the second approved region every recovery point is copied to; absent only when weakened. */
  offsiteVaultArn?: string;
  retention: BackupRetention;
  /** The tag every document bucket carries; the selection covers whatever carries it. */
  selectionTag: { key: string; value: string };
  /** The role AWS Backup acts as; it needs the S3 backup and restore policies. */
  role: iam.IRole;
}

/**
 * The backup plan for client documents (CP-10): daily, weekly and monthly recovery points, each copied to
 * the off-site vault, kept for the configured periods; selected by tag, so every document bucket is
 * covered without being listed.
 */
export class DocumentBackups extends Construct {
  readonly plan: backup.BackupPlan;

  constructor(scope: Construct, id: string, props: DocumentBackupsProps) {
    super(scope, id);
    const { dailyDays, weeklyDays, monthlyDays } = props.retention;
    if (!(dailyDays <= weeklyDays && weeklyDays <= monthlyDays)) {
      rejectProps(
        this,
        `retention must grow from daily to weekly to monthly recovery points, not ${dailyDays}, ${weeklyDays} and ${monthlyDays} days`,
      );
    }
    const offsite = props.offsiteVaultArn
      ? backup.BackupVault.fromBackupVaultArn(this, 'Offsite', props.offsiteVaultArn)
      : undefined;
    const rule = (ruleName: string, schedule: events.CronOptions, days: number): backup.BackupPlanRule =>
      new backup.BackupPlanRule({
        ruleName,
        scheduleExpression: events.Schedule.cron({ minute: '0', hour: '2', ...schedule }),
        deleteAfter: Duration.days(days),
        ...(offsite
          ? { copyActions: [{ destinationBackupVault: offsite, deleteAfter: Duration.days(days) }] }
          : {}),
      });
    this.plan = new backup.BackupPlan(this, 'Plan', {
      backupPlanName: props.planName,
      backupVault: props.vault,
      backupPlanRules: [
        rule('Daily', {}, dailyDays),
        rule('Weekly', { weekDay: 'SUN' }, weeklyDays),
        rule('Monthly', { day: '1' }, monthlyDays),
      ],
    });
    this.plan.addSelection('Documents', {
      backupSelectionName: 'client-documents',
      resources: [backup.BackupResource.fromTag(props.selectionTag.key, props.selectionTag.value)],
      role: props.role,
      disableDefaultBackupPolicy: true,
    });
  }
}
