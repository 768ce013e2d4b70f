import { DEFAULT_INPUT_LIMITS } from '../../input-limits';
import type { TemplateBody } from '../template-body';
import { isPseudoPlaceholderName, pseudoPlaceholder, resourceToken, tokensIn } from './tokens';
import { ResolveBudget } from './resolve-budget';
import { firstUnresolved, Unresolved, type Resolved } from './unresolved';

/** Values known about the stack the template will be deployed as. */
export interface PseudoParameters {
  region?: string;
  accountId?: string;
  stackName?: string;
  partition: string;
  urlSuffix: string;
}

/**
 * Values from outside the template that CloudFormation would know at deploy time and a cloud assembly
 * shows: exports of its other stacks, outputs of nested stacks.
 */
export interface ExternalValues {
  /** The value another stack exports under `name`; `undefined` when no stack in scope exports it. */
  importValue(name: string): Resolved | undefined;
  /** The output of the nested stack declared by resource `logicalId`; `undefined` when it is not known. */
  stackOutput(logicalId: string, output: string): Resolved | undefined;
}

/** An undecidable condition, and when it is a plain comparison of one unknown value with a literal, which. */
export interface ConditionQuestion {
  name: string;
  /** Set when the condition is `Fn::Equals` of one parameter (or pseudo parameter) without a value and a literal. */
  comparison?: { variable: string; literal: string; allowed?: string[] };
}

export interface ResolverOptions {
  /**
   * Parameter values: given by the user (strings) or passed by a parent stack (any resolved value); they
   * win over the template's defaults.
   */
  parameters?: Record<string, Resolved>;
  /** The template's scope (prefix of its model ids), written into resource tokens. */
  scope?: string;
  external?: ExternalValues;
  /** Appended to the reason a condition was left undecided (e.g. that the scenario bound was reached). */
  undecidedNote?: string;
  pseudo?: Partial<PseudoParameters>;
  /**
   * Truth values assumed for conditions that cannot be decided from the template (a parameter without a
   * value); a condition neither decidable nor assumed makes what depends on it unresolved.
   */
  assumptions?: ReadonlyMap<string, boolean>;
  /** Nesting depth of intrinsics beyond which a value is refused as hostile. */
  maxDepth?: number;
  /**
   * Characters the resolved values of the template may hold in all (see `ResolveBudget`); beyond it,
   * what is still to be resolved is unresolved.
   */
  maxResolvedChars?: number;
}

/** Something about the template that CloudFormation would reject or that lexguard could not follow. */
export interface ResolveDiagnostic {
  message: string;
  /** Path of the value in the template, e.g. `['Resources', 'Docs', 'Properties', 'BucketName']`. */
  path: Array<string | number>;
}

const NO_VALUE = Symbol('AWS::NoValue');
type Step = Resolved | typeof NO_VALUE;

/** Three-valued truth: a condition may be undecidable from the template alone. */
export type Truth = boolean | 'undecided';

const DYNAMIC_REFERENCE = /\{\{resolve:(ssm|ssm-secure|secretsmanager):[^}]*\}\}/;

/**
 * Resolves CloudFormation intrinsics the way CloudFormation would at deploy time, as far as a template
 * alone allows: parameters (given values, then defaults), pseudo parameters, `Fn::Sub`, `Fn::Join`,
 * `Fn::Select`, `Fn::Split`, `Fn::FindInMap`, `Fn::If` with decidable conditions, `AWS::NoValue`.
 * References to resources become tokens (see `tokens.ts`). What cannot be known (`Fn::ImportValue`,
 * dynamic references, parameters without a value) becomes `Unresolved` with the reason.
 */
export class TemplateResolver {
  readonly diagnostics: ResolveDiagnostic[] = [];
  private readonly pseudo: PseudoParameters;
  private readonly conditionCache = new Map<string, Truth>();
  private readonly conditionsInProgress = new Set<string>();
  /** Undecidable conditions the resolved values depended on, in the order they were met. */
  private readonly undecidedMet = new Set<string>();
  private readonly maxDepth: number;
  private readonly budget: ResolveBudget;

  constructor(
    private readonly template: TemplateBody,
    private readonly options: ResolverOptions = {},
  ) {
    this.pseudo = { partition: 'aws', urlSuffix: 'amazonaws.com', ...options.pseudo };
    this.maxDepth = options.maxDepth ?? DEFAULT_INPUT_LIMITS.maxNestingDepth;
    this.budget = new ResolveBudget(
      options.maxResolvedChars ?? DEFAULT_INPUT_LIMITS.maxResolvedChars,
      (message, path) => this.report(message, path),
    );
  }

  /** Resolves a value found at `path` in the template. `undefined` means the property is absent (`AWS::NoValue`). */
  resolve(value: unknown, path: Array<string | number>): Resolved | undefined {
    // A copy: `value` extends and restores the path it is given as it descends (see there).
    const step = this.value(value, [...path], 0);
    return step === NO_VALUE ? undefined : step;
  }

  /** Whether a resource with a `Condition` attribute will be created; remembered when it cannot be told. */
  createsResource(name: string, path: Array<string | number>): Truth {
    const truth = this.condition(name, path);
    if (truth === 'undecided') this.undecidedMet.add(name);
    return truth;
  }

  /** The truth of a condition defined in `Conditions`. */
  condition(name: string, path: Array<string | number>): Truth {
    const cached = this.conditionCache.get(name);
    if (cached !== undefined) return cached;
    const assumed = this.options.assumptions?.get(name);
    const conditions = this.template.Conditions ?? {};
    if (!(name in conditions)) {
      this.report(`condition ${name} is not defined in Conditions`, path);
      return 'undecided';
    }
    if (this.conditionsInProgress.has(name)) {
      this.report(`condition ${name} refers to itself through other conditions`, ['Conditions', name]);
      return 'undecided';
    }
    this.conditionsInProgress.add(name);
    let truth = this.truth(conditions[name], ['Conditions', name], 0);
    this.conditionsInProgress.delete(name);
    if (truth === 'undecided' && assumed !== undefined) truth = assumed;
    this.conditionCache.set(name, truth);
    return truth;
  }

  /** Conditions the template defines whose truth cannot be decided without assumptions. */
  undecidedConditions(): string[] {
    const probe = new TemplateResolver(this.template, { ...this.options, assumptions: undefined });
    return Object.keys(this.template.Conditions ?? {}).filter(
      (name) => probe.condition(name, ['Conditions', name]) === 'undecided',
    );
  }

  /**
   * The undecidable conditions that what was resolved so far depends on, reduced to those that depend on
   * no other undecidable condition: `IsDev: !Not [!Condition IsProd]` needs only an assumption about
   * `IsProd`. A condition in a cycle is never a root: CloudFormation rejects it, and it stays unresolved.
   */
  undecidedRoots(): ConditionQuestion[] {
    const roots = new Map<string, ConditionQuestion>();
    const visited = new Set<string>();
    const visit = (name: string): void => {
      if (visited.has(name)) return;
      visited.add(name);
      const expression = this.template.Conditions?.[name];
      const undecidedDependencies = referencedConditions(expression).filter(
        (dependency) => this.condition(dependency, ['Conditions', name]) === 'undecided',
      );
      if (undecidedDependencies.length > 0) undecidedDependencies.forEach(visit);
      else if (!this.inCycle(name)) roots.set(name, { name, ...this.comparison(name) });
    };
    this.undecidedMet.forEach(visit);
    return [...roots.values()];
  }

  private inCycle(name: string): boolean {
    const seen = new Set<string>();
    const stack = [...referencedConditions(this.template.Conditions?.[name])];
    while (stack.length > 0) {
      const next = stack.pop() as string;
      if (next === name) return true;
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...referencedConditions(this.template.Conditions?.[next]));
    }
    return false;
  }

  /** `Fn::Equals` of one parameter without a value (or unknown pseudo parameter) and a literal. */
  private comparison(name: string): Pick<ConditionQuestion, 'comparison'> {
    const expression = this.template.Conditions?.[name] as Record<string, unknown> | undefined;
    const operands = expression?.['Fn::Equals'];
    if (!Array.isArray(operands) || operands.length !== 2) return {};
    for (const [side, other] of [operands, [...operands].reverse()]) {
      const variable = refName(side);
      if (!variable) continue;
      const literal = this.value(other, ['Conditions', name], 1);
      const known = this.value(side, ['Conditions', name], 1);
      if (!(known instanceof Unresolved) || !isScalar(literal)) continue;
      const allowed = this.template.Parameters?.[variable]?.AllowedValues;
      return {
        comparison: {
          variable,
          literal: String(literal),
          ...(Array.isArray(allowed) ? { allowed: allowed.map(String) } : {}),
        },
      };
    }
    return {};
  }

  private report(message: string, path: Array<string | number>): void {
    this.diagnostics.push({ message, path: [...path] });
  }

  /** The value of an `Fn::If` whose condition cannot be decided; remembered so scenarios can decide it. */
  private undecided(name: string): Unresolved {
    this.undecidedMet.add(name);
    const note = this.options.undecidedNote ? `; ${this.options.undecidedNote}` : '';
    return new Unresolved(`condition ${name} cannot be decided from the template${note}`);
  }

  /**
   * Whether an `Fn::Equals` compares a parameter without a value to a literal its `AllowedValues` exclude:
   * then it is false in every deployment CloudFormation accepts.
   */
  private outsideAllowedValues(operands: unknown[], resolved: Array<Step | undefined>): boolean {
    return operands.some((operand, index) => {
      const allowed = this.template.Parameters?.[refName(operand) ?? '']?.AllowedValues;
      const other = resolved[1 - index];
      return Array.isArray(allowed) && isScalar(other) && !allowed.map(String).includes(String(other));
    });
  }

  /**
   * Resolves a value and everything in it. `path` is extended for each child and restored after it, not
   * copied: copies of the path for every value were a third of the memory allocated in reading a
   * 10,000-resource template (58 of 216 MB). Whatever keeps a path (a diagnostic) copies it.
   */
  private value(value: unknown, path: Array<string | number>, depth: number): Step {
    if (depth > this.maxDepth) {
      this.report(`values nest deeper than ${this.maxDepth} levels`, path);
      return new Unresolved(`the value nests deeper than ${this.maxDepth} levels`);
    }
    if (typeof value === 'string') {
      return this.budget.spend(value.length, path) ? this.string(value) : this.budget.exhausted();
    }
    if (value === null || typeof value === 'number' || typeof value === 'boolean') return value;
    if (Array.isArray(value)) {
      const items: Resolved[] = [];
      for (let index = 0; index < value.length; index++) {
        path.push(index);
        const step = this.value(value[index], path, depth + 1);
        path.pop();
        if (step !== NO_VALUE) items.push(step);
      }
      return items;
    }
    if (typeof value === 'object') {
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record);
      if (keys.length === 1 && isIntrinsicName(keys[0])) {
        path.push(keys[0]);
        const step = this.intrinsic(keys[0], record[keys[0]], path, depth + 1);
        path.pop();
        return step;
      }
      const result: Record<string, Resolved> = {};
      for (const key of keys) {
        path.push(key);
        const step = this.value(record[key], path, depth + 1);
        path.pop();
        if (step !== NO_VALUE) result[key] = step;
      }
      return result;
    }
    return new Unresolved(`unsupported value of type ${typeof value}`);
  }

  private string(value: string): Resolved {
    const dynamic = DYNAMIC_REFERENCE.exec(value);
    if (dynamic)
      return new Unresolved(`dynamic reference ${dynamic[0]} is resolved by CloudFormation at deploy time`);
    return value;
  }

  /**
   * An intrinsic's value, charged to the budget: the same parameter, mapping value or variable can be
   * written into the model many times, so each use counts.
   */
  private intrinsic(name: string, argument: unknown, path: Array<string | number>, depth: number): Step {
    if (this.budget.spent()) return this.budget.exhausted();
    const step = this.evaluate(name, argument, path, depth);
    if (step === NO_VALUE || step instanceof Unresolved) return step;
    return this.budget.spend(ResolveBudget.sizeOf(step), path) ? step : this.budget.exhausted();
  }

  private evaluate(name: string, argument: unknown, path: Array<string | number>, depth: number): Step {
    switch (name) {
      case 'Ref':
        return this.ref(argument, path);
      case 'Fn::GetAtt':
        return this.getAtt(argument, path);
      case 'Fn::Sub':
        return this.sub(argument, path, depth);
      case 'Fn::Join':
        return this.join(argument, path, depth);
      case 'Fn::Select':
        return this.select(argument, path, depth);
      case 'Fn::Split':
        return this.split(argument, path, depth);
      case 'Fn::FindInMap':
        return this.findInMap(argument, path, depth);
      case 'Fn::If':
        return this.fnIf(argument, path, depth);
      case 'Fn::Base64': {
        const text = this.value(argument, path, depth);
        if (text === NO_VALUE) return NO_VALUE;
        if (typeof text !== 'string') return unresolvedFrom(text);
        // Base64 is a third longer than its text: refuse before building what the budget cannot hold.
        if (!this.budget.affords(Math.ceil(text.length / 3) * 4, path)) return this.budget.exhausted();
        return Buffer.from(text, 'utf8').toString('base64');
      }
      case 'Fn::ToJsonString': {
        const resolved = this.value(argument, path, depth);
        if (resolved === NO_VALUE) return NO_VALUE;
        const unresolved = firstUnresolved(resolved);
        if (unresolved) return unresolved;
        if (!this.budget.affords(ResolveBudget.sizeOf(resolved), path)) return this.budget.exhausted();
        return JSON.stringify(resolved);
      }
      case 'Fn::Length': {
        const list = this.value(argument, path, depth);
        if (list === NO_VALUE) return NO_VALUE;
        return Array.isArray(list) ? list.length : unresolvedFrom(list);
      }
      case 'Fn::ImportValue': {
        const exportName = this.value(argument, path, depth);
        const imported =
          typeof exportName === 'string' ? this.options.external?.importValue(exportName) : undefined;
        if (imported !== undefined) return imported;
        const named = typeof exportName === 'string' ? ` ${exportName}` : '';
        return new Unresolved(
          `Fn::ImportValue${named} is an export of another stack, read by CloudFormation at deploy time`,
        );
      }
      case 'Fn::GetAZs':
        return new Unresolved('Fn::GetAZs lists availability zones at deploy time');
      case 'Fn::Cidr':
        return new Unresolved('Fn::Cidr is not evaluated by lexguard');
      case 'Fn::Transform':
        return new Unresolved('Fn::Transform runs a macro at deploy time');
      case 'Fn::Equals':
      case 'Fn::And':
      case 'Fn::Or':
      case 'Fn::Not': {
        const truth = this.truth({ [name]: argument }, path, depth);
        return truth === 'undecided'
          ? new Unresolved(`the condition at ${path.join('.')} cannot be decided`)
          : truth;
      }
      default:
        this.report(`unknown intrinsic function ${name}`, path);
        return new Unresolved(`unknown intrinsic function ${name}`);
    }
  }

  private ref(argument: unknown, path: Array<string | number>): Step {
    if (typeof argument !== 'string') {
      this.report('Ref takes the name of a parameter or resource', path);
      return new Unresolved('Ref takes the name of a parameter or resource');
    }
    if (argument === 'AWS::NoValue') return NO_VALUE;
    if (argument.startsWith('AWS::')) return this.pseudoParameter(argument, path);
    const parameter = this.template.Parameters?.[argument];
    if (parameter) return this.parameter(argument, parameter.Default, parameter.Type);
    if (argument in this.template.Resources) return resourceToken(argument, undefined, this.options.scope);
    this.report(`Ref to ${argument}, which is neither a parameter nor a resource of the template`, path);
    return new Unresolved(`Ref to ${argument}, which is neither a parameter nor a resource of the template`);
  }

  private pseudoParameter(name: string, path: Array<string | number>): Resolved {
    const known: Record<string, string | undefined> = {
      'AWS::Region': this.pseudo.region,
      'AWS::AccountId': this.pseudo.accountId,
      'AWS::StackName': this.pseudo.stackName,
      'AWS::Partition': this.pseudo.partition,
      'AWS::URLSuffix': this.pseudo.urlSuffix,
    };
    if (name in known) {
      const value = known[name];
      if (value !== undefined) return value;
      const reason = `${name} is only known at deploy time (pass it with --param ${name}=…)`;
      return new Unresolved(reason, isPseudoPlaceholderName(name) ? pseudoPlaceholder(name) : undefined);
    }
    if (name === 'AWS::StackId' || name === 'AWS::NotificationARNs') {
      return new Unresolved(`${name} is only known at deploy time`);
    }
    this.report(`unknown pseudo parameter ${name}`, path);
    return new Unresolved(`unknown pseudo parameter ${name}`);
  }

  private parameter(name: string, fallback: unknown, type: unknown): Resolved {
    const given = this.options.parameters?.[name];
    if (given instanceof Unresolved) return given;
    const value = given ?? fallback;
    if (value === undefined || value === null) {
      return new Unresolved(
        `parameter ${name} has no default and no value was given (use --param ${name}=…)`,
      );
    }
    if (typeof type === 'string' && type.startsWith('AWS::SSM::Parameter::Value')) {
      return new Unresolved(`parameter ${name} is read from SSM Parameter Store at deploy time`);
    }
    const isList = typeof type === 'string' && (type.startsWith('List<') || type === 'CommaDelimitedList');
    if (isList) {
      if (Array.isArray(value)) return value.map((item) => String(item));
      return String(value)
        .split(',')
        .map((item) => item.trim());
    }
    return typeof value === 'string' ? value : String(value);
  }

  private getAtt(argument: unknown, path: Array<string | number>): Resolved {
    let target: unknown;
    let attribute: unknown;
    if (typeof argument === 'string') {
      const dot = argument.indexOf('.');
      [target, attribute] =
        dot < 0 ? [argument, undefined] : [argument.slice(0, dot), argument.slice(dot + 1)];
    } else if (Array.isArray(argument)) {
      [target, attribute] = argument;
    }
    if (typeof target !== 'string' || typeof attribute !== 'string' || attribute === '') {
      this.report('Fn::GetAtt takes a resource name and an attribute name', path);
      return new Unresolved('Fn::GetAtt takes a resource name and an attribute name');
    }
    if (!(target in this.template.Resources)) {
      this.report(`Fn::GetAtt of ${target}, which is not a resource of the template`, path);
      return new Unresolved(`Fn::GetAtt of ${target}, which is not a resource of the template`);
    }
    if (attribute.startsWith('Outputs.') && this.options.external) {
      const output = this.options.external.stackOutput(target, attribute.slice('Outputs.'.length));
      if (output !== undefined) return output;
    }
    return resourceToken(target, attribute, this.options.scope);
  }

  private sub(argument: unknown, path: Array<string | number>, depth: number): Resolved {
    let text: unknown = argument;
    const variables: Record<string, Resolved> = {};
    if (Array.isArray(argument)) {
      [text] = argument;
      const map: unknown = argument[1];
      if (typeof map === 'object' && map !== null && !Array.isArray(map)) {
        for (const [key, raw] of Object.entries(map as Record<string, unknown>)) {
          const step = this.value(raw, [...path, 1, key], depth + 1);
          variables[key] = step === NO_VALUE ? '' : step;
        }
      }
    }
    if (typeof text !== 'string') {
      this.report('Fn::Sub takes a string, or a string and a map of variables', path);
      return new Unresolved('Fn::Sub takes a string, or a string and a map of variables');
    }
    let unresolved: Unresolved | undefined;
    let placeholder: Unresolved | undefined;
    // The same variable may be written any number of times: stop substituting once the text would be
    // longer than the budget allows, before the string is built.
    let length = text.length;
    let overBudget = false;
    const result = text.replace(/\$\{([^}]*)\}/g, (whole, name: string) => {
      if (name.startsWith('!')) return `\${${name.slice(1)}}`;
      if (overBudget) return whole;
      const part = textOf(this.subVariable(name.trim(), variables, path), `\${${name}}`);
      if (typeof part === 'string') {
        length += part.length - whole.length;
        overBudget = !this.budget.affords(length, path);
        return overBudget ? whole : part;
      }
      if (part.symbolic !== undefined) {
        placeholder ??= part;
        return part.symbolic;
      }
      unresolved ??= part;
      return whole;
    });
    if (overBudget) return this.budget.exhausted();
    if (unresolved) return unresolved;
    return placeholder ? new Unresolved(placeholder.reason, result) : this.string(result);
  }

  private subVariable(
    name: string,
    variables: Record<string, Resolved>,
    path: Array<string | number>,
  ): Resolved {
    if (name in variables) return variables[name];
    const dot = name.indexOf('.');
    if (dot > 0 && !name.startsWith('AWS::'))
      return this.getAtt([name.slice(0, dot), name.slice(dot + 1)], path);
    const step = this.ref(name, path);
    return step === NO_VALUE ? '' : step;
  }

  private join(argument: unknown, path: Array<string | number>, depth: number): Resolved {
    if (!Array.isArray(argument) || argument.length !== 2 || typeof argument[0] !== 'string') {
      this.report('Fn::Join takes a delimiter and a list', path);
      return new Unresolved('Fn::Join takes a delimiter and a list');
    }
    const list = this.value(argument[1], [...path, 1], depth + 1);
    if (!Array.isArray(list)) return unresolvedFrom(list === NO_VALUE ? null : list);
    const parts: string[] = [];
    let placeholder: Unresolved | undefined;
    for (const item of list) {
      const part = textOf(item, 'Fn::Join lists a value that');
      if (typeof part === 'string') parts.push(part);
      else if (part.symbolic === undefined) return part;
      else {
        placeholder ??= part;
        parts.push(part.symbolic);
      }
    }
    const delimiter: string = argument[0];
    const length = parts.reduce(
      (sum, part) => sum + part.length,
      delimiter.length * Math.max(0, parts.length - 1),
    );
    if (!this.budget.affords(length, path)) return this.budget.exhausted();
    const text = parts.join(delimiter);
    return placeholder ? new Unresolved(placeholder.reason, text) : text;
  }

  private select(argument: unknown, path: Array<string | number>, depth: number): Resolved {
    if (!Array.isArray(argument) || argument.length !== 2) {
      this.report('Fn::Select takes an index and a list', path);
      return new Unresolved('Fn::Select takes an index and a list');
    }
    const index = this.value(argument[0], [...path, 0], depth + 1);
    const list = this.value(argument[1], [...path, 1], depth + 1);
    if (index instanceof Unresolved) return index;
    if (list instanceof Unresolved) return list;
    const position = Number(index);
    if (!Array.isArray(list) || !Number.isInteger(position) || position < 0 || position >= list.length) {
      this.report('Fn::Select index is out of the list', path);
      return new Unresolved('Fn::Select index is out of the list');
    }
    return list[position];
  }

  private split(argument: unknown, path: Array<string | number>, depth: number): Resolved {
    if (!Array.isArray(argument) || argument.length !== 2 || typeof argument[0] !== 'string') {
      this.report('Fn::Split takes a delimiter and a string', path);
      return new Unresolved('Fn::Split takes a delimiter and a string');
    }
    const text = this.value(argument[1], [...path, 1], depth + 1);
    if (typeof text !== 'string') return unresolvedFrom(text === NO_VALUE ? null : text);
    // A token stands for a value CloudFormation computes at deploy time (a state machine's Ref is its
    // ARN): where the delimiter falls in it is unknown, so the parts are too. Not a template error.
    if (tokensIn(text).length > 0) {
      return new Unresolved(`Fn::Split of ${text}, a value only known at deploy time`);
    }
    // Every item of the list costs at least one character: refuse before splitting what cannot be held.
    if (!this.budget.affords(text.length + 1, path)) return this.budget.exhausted();
    return text.split(argument[0]);
  }

  private findInMap(argument: unknown, path: Array<string | number>, depth: number): Resolved {
    if (!Array.isArray(argument) || argument.length < 3) {
      this.report('Fn::FindInMap takes a map name and two keys', path);
      return new Unresolved('Fn::FindInMap takes a map name and two keys');
    }
    const keys = argument.slice(0, 3).map((key, index) => this.value(key, [...path, index], depth + 1));
    const unresolved = keys.find((key): key is Unresolved => key instanceof Unresolved);
    if (unresolved) return unresolved;
    const [mapName, first, second] = keys.map(String);
    const table = this.template.Mappings?.[mapName] as
      | Record<string, Record<string, unknown> | undefined>
      | undefined;
    const found = table?.[first]?.[second];
    if (found === undefined) {
      this.report(`Fn::FindInMap finds nothing at ${mapName}.${first}.${second}`, path);
      return new Unresolved(`Fn::FindInMap finds nothing at ${mapName}.${first}.${second}`);
    }
    // Mapping values are literals in CloudFormation; not resolving them also means a mapping cannot
    // refer back to itself.
    if (isScalar(found) || (Array.isArray(found) && found.every(isScalar))) return found as Resolved;
    this.report('a value in Mappings must be a string, a number or a list of them', [
      'Mappings',
      mapName,
      first,
      second,
    ]);
    return new Unresolved(`Mappings ${mapName}.${first}.${second} is not a literal value`);
  }

  private fnIf(argument: unknown, path: Array<string | number>, depth: number): Step {
    if (!Array.isArray(argument) || argument.length !== 3 || typeof argument[0] !== 'string') {
      this.report('Fn::If takes a condition name and two values', path);
      return new Unresolved('Fn::If takes a condition name and two values');
    }
    const truth = this.condition(argument[0], path);
    if (truth === 'undecided') return this.undecided(argument[0]);
    return this.value(truth ? argument[1] : argument[2], [...path, truth ? 1 : 2], depth + 1);
  }

  /** Evaluates a condition expression in three-valued logic. */
  private truth(expression: unknown, path: Array<string | number>, depth: number): Truth {
    if (depth > this.maxDepth) return 'undecided';
    if (typeof expression === 'boolean') return expression;
    if (typeof expression !== 'object' || expression === null || Array.isArray(expression)) {
      this.report('a condition must be Fn::Equals, Fn::And, Fn::Or, Fn::Not or Condition', path);
      return 'undecided';
    }
    const [name, argument] = Object.entries(expression as Record<string, unknown>)[0] ?? [];
    const operands = Array.isArray(argument) ? argument : [];
    switch (name) {
      case 'Condition':
        return typeof argument === 'string' ? this.condition(argument, path) : 'undecided';
      case 'Fn::Equals': {
        const [left, right] = operands.map((item, index) =>
          this.value(item, [...path, name, index], depth + 1),
        );
        if (left instanceof Unresolved || right instanceof Unresolved) {
          return this.outsideAllowedValues(operands, [left, right]) ? false : 'undecided';
        }
        return JSON.stringify(left) === JSON.stringify(right) || String(left) === String(right);
      }
      case 'Fn::Not': {
        const inner = this.truth(operands[0], [...path, name, 0], depth + 1);
        return inner === 'undecided' ? inner : !inner;
      }
      case 'Fn::And':
      case 'Fn::Or': {
        const values = operands.map((item, index) => this.truth(item, [...path, name, index], depth + 1));
        const decisive = name === 'Fn::And' ? false : true;
        if (values.includes(decisive)) return decisive;
        return values.includes('undecided') ? 'undecided' : !decisive;
      }
      default: {
        // A resolved intrinsic such as `Fn::If` inside a condition.
        const resolved = this.value(expression, path, depth + 1);
        if (typeof resolved === 'boolean') return resolved;
        if (resolved === 'true' || resolved === 'false') return resolved === 'true';
        if (!(resolved instanceof Unresolved))
          this.report(`${String(name)} is not a condition function`, path);
        return 'undecided';
      }
    }
  }
}

/** The conditions an expression refers to with `{"Condition": name}`. */
function referencedConditions(expression: unknown): string[] {
  const found: string[] = [];
  const stack: unknown[] = [expression];
  while (stack.length > 0) {
    const next = stack.pop();
    if (Array.isArray(next)) stack.push(...next);
    else if (typeof next === 'object' && next !== null) {
      for (const [key, value] of Object.entries(next)) {
        if (key === 'Condition' && typeof value === 'string') found.push(value);
        else stack.push(value);
      }
    }
  }
  return found;
}

/** The name a `{"Ref": name}` refers to. */
function refName(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const ref = (value as Record<string, unknown>).Ref;
  return typeof ref === 'string' && Object.keys(value).length === 1 ? ref : undefined;
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** `Condition` is an intrinsic only inside conditions (see `truth`); elsewhere it is an ordinary key. */
function isIntrinsicName(key: string): boolean {
  return key === 'Ref' || key.startsWith('Fn::');
}

/** A value as it is joined into a string, or why it cannot be (keeping its placeholder rendering, if any). */
function textOf(value: Resolved, what: string): string | Unresolved {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  return value instanceof Unresolved ? value : new Unresolved(`${what} is not a string`);
}

function unresolvedFrom(value: Resolved): Unresolved {
  return value instanceof Unresolved
    ? value
    : new Unresolved('the value has the wrong type for this function');
}
