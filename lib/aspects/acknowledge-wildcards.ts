import { AspectPriority, Aspects, CfnResource, Stack, Validations, type IAspect } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference';
import type { IConstruct } from 'constructs';

/** One kind of wildcard a policy needs, and why: `finding` is matched against cdk-nag's finding text. */
export interface WildcardAllowance {
  /** e.g. `/^Resource::<.*\.Arn>\/matters\/\*$/` or `/^Action::s3:Get\*$/`. */
  finding: RegExp;
  reason: string;
}

/**
 * Acknowledges cdk-nag's AwsSolutions-IAM5 (wildcard permissions) findings on the IAM policies under
 * `scope`, but only those matching an allowance, each with the allowance's reason: a wildcard nobody
 * explained still fails synth. cdk-nag v3 needs one acknowledgement per finding
 * (`AwsSolutions-IAM5[Resource::<Bucket.Arn>/matters/*]`), and the finding names logical ids known only
 * once the app is built, so this runs as a read-only Aspect.
 */
export function acknowledgeWildcards(scope: IConstruct, allowances: WildcardAllowance[]): void {
  Aspects.of(scope).add(new WildcardAcknowledger(allowances), { priority: AspectPriority.READONLY });
}

class WildcardAcknowledger implements IAspect {
  constructor(private readonly allowances: WildcardAllowance[]) {}

  visit(node: IConstruct): void {
    if (!CfnResource.isCfnResource(node)) return;
    for (const finding of wildcardFindings(node)) {
      const allowance = this.allowances.find((candidate) => candidate.finding.test(finding));
      if (allowance)
        Validations.of(node).acknowledge({ id: `AwsSolutions-IAM5[${finding}]`, reason: allowance.reason });
    }
  }
}

interface StatementJson {
  Effect?: string;
  Action?: string | string[];
  Resource?: unknown;
}

/** The findings cdk-nag's IAM5 rule reports for a resource, computed the way the rule computes them. */
function wildcardFindings(node: CfnResource): string[] {
  const stack = Stack.of(node);
  const documents: unknown[] = [];
  if (node instanceof iam.CfnManagedPolicy || node instanceof iam.CfnPolicy)
    documents.push(node.policyDocument);
  if (node instanceof iam.CfnRole || node instanceof iam.CfnGroup) {
    const inline = stack.resolve(node.policies) as Array<{ policyDocument: unknown }> | undefined;
    for (const policy of inline ?? []) documents.push(policy.policyDocument);
  }
  const findings = new Set<string>();
  for (const document of documents) {
    const resolved = stack.resolve(document) as { Statement?: StatementJson[] };
    for (const statement of resolved.Statement ?? []) {
      if (statement.Effect !== 'Allow') continue;
      for (const action of asList(statement.Action))
        if (action.includes('*')) findings.add(`Action::${action}`);
      for (const resource of asList(statement.Resource)) {
        const flat = flattenCfnReference(resource);
        if (flat.includes('*')) findings.add(`Resource::${flat}`);
      }
    }
  }
  return [...findings];
}

function asList<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
