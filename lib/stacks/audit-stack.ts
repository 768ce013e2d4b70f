import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import type { AuditConfig } from '../config/audit-config';
import { scanConfigFile } from '../config/scan-config';
import type { StoreConfig } from '../config/store-config';
import { AlertTopic } from '../constructs/alert-topic';
import { AuditAlarms } from '../constructs/audit-alarms';
import { AuditFunctions } from '../constructs/audit-functions';
import { AuditSchedule } from '../constructs/audit-schedule';
import { AuditStateMachine } from '../constructs/audit-state-machine';
import { tagDataStore, type DataStoreTags } from '../constructs/data-store-tags';
import { FirmKey } from '../constructs/firm-key';
import { ScanReportsBucket } from '../constructs/scan-reports-bucket';
import { ScannerRoleStackSet } from '../constructs/scanner-role-stack-set';
import { freshLambdaBundle } from '../lambda/lambda-bundle';
import { auditNames } from './names';
import { scannerRoleTemplate } from './scanner-role-stack';

export interface AuditStackProps extends StackProps {
  store: StoreConfig;
  audit: AuditConfig;
}

/**
 * The scheduled, organization-wide audit scan (CP-14): EventBridge Scheduler starts a Step Functions
 * state machine whose Distributed Map fans out over the accounts, each reading its regions side by side
 * through a read-only role; a last step records the scan in the S3 history, writes the audit report and
 * notifies an encrypted topic of new critical findings and of anything it could not read. With
 * `stackSet`, it also deploys the read-only role to the organization's accounts.
 */
export class AuditStack extends Stack {
  readonly reportsBucket: ScanReportsBucket;
  readonly topic: AlertTopic;
  readonly functions: AuditFunctions;
  readonly stateMachine: AuditStateMachine;
  readonly schedule: AuditSchedule;

  constructor(scope: Construct, id: string, props: AuditStackProps) {
    super(scope, id, props);
    const { store, audit } = props;
    const names = auditNames(store);
    const tags = (classification: string): DataStoreTags => ({
      classificationTag: store.classificationTag,
      classification,
      owner: store.owner,
    });
    // Keys of its own (CP-03: separated by purpose), under an alias prefix of its own: the audit stack
    // may share an account with the store.
    const key = (id: string, purpose: 'reports' | 'audit-logs' | 'alerts', what: string): FirmKey =>
      new FirmKey(this, id, {
        purpose,
        aliasPrefix: names.keyAliasPrefix,
        description: `${store.firmName}: ${what} (lexguard scheduled audit scan)`,
        rotation: true,
        deletionWindowDays: 30,
      });
    const keys = {
      reports: key('ReportsKey', 'reports', 'encrypts scan records and audit reports'),
      logs: key('LogsKey', 'audit-logs', "encrypts the scan's logs"),
      alerts: key('AlertsKey', 'alerts', "encrypts the scan's notifications"),
    };
    tagDataStore(keys.reports, tags('confidential'));
    tagDataStore(keys.logs, tags('confidential'));
    tagDataStore(keys.alerts, tags('internal'));

    this.reportsBucket = new ScanReportsBucket(this, 'Reports', {
      key: keys.reports,
      retentionDays: store.retention.auditLogsDays,
      objectLockMode: store.objectLockMode,
      tags: tags('confidential'),
      owner: store.owner,
    });
    const bucket = this.reportsBucket.bucket;
    this.topic = new AlertTopic(this, 'Notifications', {
      displayName: `${store.firmName} lexguard audit scans`,
      email: audit.notifyEmail,
      key: keys.alerts,
    });
    tagDataStore(this.topic, tags('internal'));

    this.functions = new AuditFunctions(this, 'Steps', {
      code: lambda.Code.fromAsset(freshLambdaBundle()),
      bucket,
      reportsKey: keys.reports,
      topic: this.topic.topic,
      audit,
      collectorRole: { name: names.collectorRoleName },
      scanConfig: JSON.stringify(scanConfigFile(store)),
      logs: {
        prefix: names.logGroupPrefix,
        retentionDays: store.retention.auditLogsDays,
        key: keys.logs,
      },
    });
    keys.alerts.allowUseThrough(
      'FinalisePublishesEncrypted',
      'sns',
      [this.functions.finalise.role],
      'encrypt-decrypt',
    );

    this.stateMachine = new AuditStateMachine(this, 'Scan', {
      functions: {
        listTargets: this.functions.listTargets.function,
        collectRegion: this.functions.collectRegion.function,
        judgeAccount: this.functions.judgeAccount.function,
        finalise: this.functions.finalise.function,
      },
      reportsBucket: bucket,
      maxConcurrentAccounts: audit.maxConcurrentAccounts,
      logs: {
        groupName: `/aws/vendedlogs/states/${store.firmId}-audit-scan`,
        retentionDays: store.retention.auditLogsDays,
        key: keys.logs,
      },
      owner: store.owner,
    });
    const machine = this.stateMachine.stateMachine;
    // It reads the targets list and writes the Map Run's results, both encrypted with the reports key.
    keys.reports.allowUseThrough('StateMachineUsesReports', 's3', [machine.role], 'encrypt-decrypt');

    this.schedule = new AuditSchedule(this, 'Schedule', {
      stateMachine: machine,
      groupName: `${store.firmId}-lexguard-audit`,
      expression: audit.schedule,
      timeZone: audit.scheduleTimeZone,
      description: `${store.firmName}: lexguard scheduled audit scan`,
    });

    new AuditAlarms(this, 'Alarms', {
      stateMachine: machine,
      scheduleGroup: this.schedule.group,
      topic: this.topic.topic,
    });

    if (audit.stackSet) {
      new ScannerRoleStackSet(this, 'ScannerRoles', {
        stackSetName: names.stackSetName,
        description: `${store.firmName}: lexguard's read-only scanner role in every account`,
        organizationalUnitIds: audit.stackSet.organizationalUnitIds,
        callAs: audit.stackSet.callAs,
        region: audit.region,
        templateBody: scannerRoleTemplate(
          {
            roleName: audit.scannerRoleName,
            auditAccount: audit.account,
            collectorRoleName: names.collectorRoleName,
          },
          this.node.getAllContext(),
        ),
      });
    }

    new CfnOutput(this, 'ReportsBucketName', { value: bucket.bucketName, description: 'Where reports land' });
    new CfnOutput(this, 'StateMachineArn', {
      value: machine.stateMachineArn,
      description: 'Start a scan now',
    });
  }
}
