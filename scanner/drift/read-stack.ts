import { DescribeStackResourcesCommand, GetTemplateCommand } from '@aws-sdk/client-cloudformation';
import type { ClientSet } from '../sources/live/client-set';
import type { LiveCaller } from '../sources/live/live-caller';

/** A deployed stack as CloudFormation holds it: the template it was deployed from and its resources. */
export interface DeployedStack {
  name: string;
  region: string;
  templateBody: string;
  /** Logical id → physical id (a bucket name, a key id, an ARN), as `DescribeStackResources` lists them. */
  physicalIds: Map<string, string>;
}

/** Reads a stack's deployed template and resources, or says why it could not. */
export async function readDeployedStack(
  name: string,
  region: string,
  caller: LiveCaller,
  clients: ClientSet,
): Promise<DeployedStack | { reason: string }> {
  const cloudformation = clients.cloudformation(region);
  const [template, resources] = await Promise.all([
    caller.send('cloudformation:GetTemplate', (s) =>
      cloudformation.send(new GetTemplateCommand({ StackName: name, TemplateStage: 'Original' }), {
        abortSignal: s,
      }),
    ),
    caller.send('cloudformation:DescribeStackResources', (s) =>
      cloudformation.send(new DescribeStackResourcesCommand({ StackName: name }), { abortSignal: s }),
    ),
  ]);
  if (template.kind !== 'ok' || !template.output.TemplateBody) {
    return { reason: template.kind === 'failed' ? template.reason : `stack ${name} has no template` };
  }
  if (resources.kind !== 'ok') {
    return { reason: resources.kind === 'failed' ? resources.reason : `stack ${name} lists no resources` };
  }
  const physicalIds = new Map<string, string>();
  for (const resource of resources.output.StackResources ?? []) {
    if (resource.LogicalResourceId && resource.PhysicalResourceId)
      physicalIds.set(resource.LogicalResourceId, resource.PhysicalResourceId);
  }
  return { name, region, templateBody: template.output.TemplateBody, physicalIds };
}
