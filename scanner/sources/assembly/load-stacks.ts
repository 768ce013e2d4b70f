import { existsSync } from 'node:fs';
import path from 'node:path';
import { problemOf } from '../../findings/input-problem';
import type { InputProblem } from '../../findings/scan-report';
import type { InputLimits } from '../input-limits';
import { parseTemplateFile, type ParsedTemplate } from '../template/parse-template';
import type { AssemblyStack } from './read-assembly';

/** A stack of a cloud assembly with its parsed template, and the nested stacks it declares. */
export interface LoadedStack {
  stack: AssemblyStack;
  /** Prefix of its model ids: the stack's path in the app (`DR/Replica`), and a nested stack's below it. */
  scope: string;
  template: ParsedTemplate;
  /** Set for a nested stack: CloudFormation names it when it creates it. */
  nested: boolean;
  /** Nested stacks by the logical id of their `AWS::CloudFormation::Stack` resource. */
  children: Map<string, LoadedStack>;
}

/** Nested stacks deeper than this are refused (CloudFormation itself allows few levels). */
const MAX_NESTED_DEPTH = 16;

/**
 * Parses every stack's template, and the template of every nested stack it declares: CDK writes a nested
 * stack's template into the assembly as an asset and names it in the resource's `aws:asset:path`
 * metadata. A template that cannot be read is reported and the other stacks are still loaded.
 */
export function loadStacks(
  stacks: readonly AssemblyStack[],
  limits: InputLimits,
  problems: InputProblem[],
): LoadedStack[] {
  const loaded: LoadedStack[] = [];
  for (const stack of stacks) {
    const entry = load(stack, stack.displayName, false, limits, problems, []);
    if (entry) loaded.push(entry);
  }
  return loaded;
}

function load(
  stack: AssemblyStack,
  scope: string,
  nested: boolean,
  limits: InputLimits,
  problems: InputProblem[],
  chain: readonly string[],
): LoadedStack | undefined {
  let template: ParsedTemplate;
  try {
    [template] = parseTemplateFile(stack.templateFile, limits);
  } catch (thrown) {
    problems.push(problemOf(thrown, stack.templateFile));
    return undefined;
  }
  const entry: LoadedStack = { stack, scope, template, nested, children: new Map() };
  const withThis = [...chain, stack.templateFile];
  for (const [logicalId, resource] of Object.entries(template.body.Resources)) {
    if (resource?.Type !== 'AWS::CloudFormation::Stack') continue;
    const asset = nestedTemplateAsset(resource.Metadata);
    if (!asset) continue;
    const file = path.join(stack.assemblyDir, asset);
    const position = template.positions.locate(['Resources', logicalId]);
    if (withThis.includes(file) || chain.length >= MAX_NESTED_DEPTH) {
      problems.push({
        code: 'INPUT_MALFORMED',
        message: withThis.includes(file)
          ? `nested stack ${logicalId} includes its own template again (${asset})`
          : `nested stacks go deeper than ${MAX_NESTED_DEPTH} levels`,
        file: stack.templateFile,
        ...(position ?? {}),
      });
      continue;
    }
    if (!existsSync(file)) {
      problems.push({
        code: 'INPUT_UNREADABLE',
        message: `the template of nested stack ${logicalId} (${asset}) is not in the assembly`,
        file: stack.templateFile,
        ...(position ?? {}),
      });
      continue;
    }
    const child = load(
      {
        ...stack,
        displayName: `${stack.displayName}/${logicalId}`,
        stackName: `${stack.stackName}/${logicalId}`,
        templateFile: file,
      },
      `${scope}/${logicalId}`,
      true,
      limits,
      problems,
      withThis,
    );
    if (child) entry.children.set(logicalId, child);
  }
  return entry;
}

function nestedTemplateAsset(metadata: unknown): string | undefined {
  if (typeof metadata !== 'object' || metadata === null) return undefined;
  const record = metadata as Record<string, unknown>;
  return record['aws:asset:property'] === 'TemplateURL' && typeof record['aws:asset:path'] === 'string'
    ? record['aws:asset:path']
    : undefined;
}
