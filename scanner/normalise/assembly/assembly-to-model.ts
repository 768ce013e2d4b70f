import type { RuleConfig } from '../../model/rule-config';
import type { Question } from '../../scan/scenarios';
import type { LoadedStack } from '../../sources/assembly/load-stacks';
import { TemplateResolver, type PseudoParameters } from '../../sources/template/resolve/resolver';
import { Unresolved, type Resolved } from '../../sources/template/resolve/unresolved';
import {
  stackFacts,
  TemplateModelBuilder,
  type TemplateDiagnostic,
  type TemplateModel,
} from '../template/template-to-model';

export interface AssemblyModelOptions {
  config: RuleConfig;
  scannedAt: string;
  /** Truth assumed for undecidable conditions, keyed `<stack scope>:<condition>`. */
  assumptions: ReadonlyMap<string, boolean>;
  scenario?: string;
  undecidedNote?: string;
  /** Values for the top-level stacks' parameters, and pseudo parameters for stacks without an environment. */
  parameters?: Record<string, string>;
  pseudo?: Partial<PseudoParameters>;
  maxDepth?: number;
  /** Characters each stack's resolved values may hold in all. */
  maxResolvedChars?: number;
}

export interface AssemblyModel extends Omit<TemplateModel, 'undecided'> {
  undecided: Question[];
}

interface Entry {
  loaded: LoadedStack;
  resolver: TemplateResolver;
  children: Map<string, Entry>;
}

/**
 * Reads every stack of a cloud assembly into one model, so that links cross stacks: an
 * `Fn::ImportValue` of an export another stack of the assembly declares resolves to that stack's value
 * (a token naming its resource), a nested stack receives the parameter values its parent passes, and
 * the parent reads the nested stack's outputs. A cycle of exports or outputs is reported and unresolved.
 */
export function assemblyToModel(
  stacks: readonly LoadedStack[],
  options: AssemblyModelOptions,
): AssemblyModel {
  const diagnostics: TemplateDiagnostic[] = [];
  const inProgress = new Set<string>();
  const entries: Entry[] = [];
  let exports: Map<string, { entry: Entry; output: string }> | undefined;

  /** Resolves an output's value in its stack once, refusing to go round a cycle. */
  const outputValue = (entry: Entry, output: string, via: string): Resolved | undefined => {
    const outputs = entry.loaded.template.body.Outputs as Record<string, { Value?: unknown }> | undefined;
    const declared = outputs?.[output];
    if (!declared || !('Value' in declared)) return undefined;
    const key = `${entry.loaded.scope}\0${output}`;
    if (inProgress.has(key)) {
      const message = `${via} is part of a cycle of stack outputs and imports`;
      diagnostics.push({ message, file: entry.loaded.template.file, path: ['Outputs', output, 'Value'] });
      return new Unresolved(message);
    }
    inProgress.add(key);
    try {
      return entry.resolver.resolve(declared.Value, ['Outputs', output, 'Value']) ?? null;
    } finally {
      inProgress.delete(key);
    }
  };

  const external = (children: ReadonlyMap<string, Entry>) => ({
    importValue: (name: string): Resolved | undefined => {
      exports ??= exportsOf(entries);
      const exported = exports.get(name);
      return exported ? outputValue(exported.entry, exported.output, `Fn::ImportValue ${name}`) : undefined;
    },
    stackOutput: (logicalId: string, output: string): Resolved | undefined => {
      const child = children.get(logicalId);
      return child ? outputValue(child, output, `${logicalId}.Outputs.${output}`) : undefined;
    },
  });

  const create = (loaded: LoadedStack, parameters: Record<string, Resolved> | undefined): Entry => {
    const prefix = `${loaded.scope}:`;
    const assumptions = new Map(
      [...options.assumptions]
        .filter(([key]) => key.startsWith(prefix))
        .map(([key, truth]) => [key.slice(prefix.length), truth] as const),
    );
    const children = new Map<string, Entry>();
    const resolver = new TemplateResolver(loaded.template.body, {
      parameters,
      pseudo: {
        ...options.pseudo,
        ...(loaded.stack.region ? { region: loaded.stack.region } : {}),
        ...(loaded.stack.account ? { accountId: loaded.stack.account } : {}),
        stackName: loaded.nested ? undefined : loaded.stack.stackName,
      },
      assumptions,
      scope: loaded.scope,
      external: external(children),
      undecidedNote: options.undecidedNote,
      maxDepth: options.maxDepth,
      maxResolvedChars: options.maxResolvedChars,
    });
    const entry: Entry = { loaded, resolver, children };
    entries.push(entry);
    for (const [logicalId, child] of loaded.children) {
      const declared = loaded.template.body.Resources[logicalId]?.Properties as
        | Record<string, unknown>
        | undefined;
      const passed = resolver.resolve(declared?.Parameters ?? {}, [
        'Resources',
        logicalId,
        'Properties',
        'Parameters',
      ]);
      entry.children.set(logicalId, create(child, isRecord(passed) ? passed : undefined));
    }
    return entry;
  };
  for (const loaded of stacks) create(loaded, options.parameters);

  const builder = new TemplateModelBuilder(options.config, options.scannedAt, options.scenario);
  for (const { loaded, resolver } of entries) {
    // A stack without an environment is deployed where the pseudo parameters say, as its resolver reads.
    const account = loaded.stack.account ?? options.pseudo?.accountId;
    builder.addTemplate({
      template: loaded.template,
      resolver,
      stack: {
        ...stackFacts(loaded.scope, account, loaded.stack.region ?? options.pseudo?.region),
        tokenScope: loaded.scope,
      },
      stackName: loaded.stack.stackName,
      accountScope: account ?? 'unknown-account',
      constructPaths: loaded.stack.constructPaths,
    });
  }
  const built = builder.finish();
  const undecided = entries.flatMap(({ loaded, resolver }) =>
    resolver.undecidedRoots().map(({ name, comparison }) => ({
      key: `${loaded.scope}:${name}`,
      ...(comparison
        ? { comparison: { ...comparison, variable: `${loaded.scope}:${comparison.variable}` } }
        : {}),
    })),
  );
  return { ...built, diagnostics: [...built.diagnostics, ...diagnostics], undecided };
}

/** Every export the stacks declare, by its resolved name. */
function exportsOf(entries: readonly Entry[]): Map<string, { entry: Entry; output: string }> {
  const exports = new Map<string, { entry: Entry; output: string }>();
  for (const entry of entries) {
    const outputs = (entry.loaded.template.body.Outputs ?? {}) as Record<
      string,
      { Export?: { Name?: unknown } }
    >;
    for (const [output, declared] of Object.entries(outputs)) {
      const name = declared?.Export?.Name;
      if (name === undefined) continue;
      const resolved = entry.resolver.resolve(name, ['Outputs', output, 'Export', 'Name']);
      if (typeof resolved === 'string' && !exports.has(resolved)) exports.set(resolved, { entry, output });
    }
  }
  return exports;
}

function isRecord(value: Resolved | undefined): value is Record<string, Resolved> {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Unresolved)
  );
}
