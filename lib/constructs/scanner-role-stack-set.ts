import * as cloudformation from 'aws-cdk-lib/aws-cloudformation';
import { Construct } from 'constructs';

export interface ScannerRoleStackSetProps {
  stackSetName: string;
  description: string;
  organizationalUnitIds: string[];
  /** `SELF` from the management account, `DELEGATED_ADMIN` from a delegated StackSets administrator. */
  callAs: 'SELF' | 'DELEGATED_ADMIN';
  /** The one region the stack instances go to: IAM is global, so one is enough. */
  region: string;
  /** The scanner role stack's template (`scannerRoleTemplate`), as JSON text. */
  templateBody: string;
}

/**
 * The read-only scanner role in every account of the organizational units, by a service-managed StackSet
 * with automatic deployment, so accounts that join later get it too and accounts that leave lose it.
 * aws-cdk-lib has no L2 construct for StackSets, hence the L1.
 */
export class ScannerRoleStackSet extends Construct {
  readonly stackSet: cloudformation.CfnStackSet;

  constructor(scope: Construct, id: string, props: ScannerRoleStackSetProps) {
    super(scope, id);
    this.stackSet = new cloudformation.CfnStackSet(this, 'StackSet', {
      stackSetName: props.stackSetName,
      description: props.description,
      permissionModel: 'SERVICE_MANAGED',
      autoDeployment: { enabled: true, retainStacksOnAccountRemoval: false },
      callAs: props.callAs,
      capabilities: ['CAPABILITY_NAMED_IAM'],
      managedExecution: { Active: true },
      operationPreferences: {
        failureTolerancePercentage: 10,
        maxConcurrentPercentage: 25,
        regionConcurrencyType: 'PARALLEL',
      },
      stackInstancesGroup: [
        {
          deploymentTargets: { organizationalUnitIds: props.organizationalUnitIds },
          regions: [props.region],
        },
      ],
      templateBody: props.templateBody,
    });
  }
}
