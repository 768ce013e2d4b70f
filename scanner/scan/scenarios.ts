/**
 * Judging every branch of conditions a template alone cannot decide. When a value depends on a condition
 * whose truth needs a parameter nobody gave (`Fn::If [UseKms, …]` with `UseKms` comparing a parameter
 * without a default), CloudFormation will take one branch or the other at deploy time. lexguard builds
 * one model per combination of the undecidable conditions that matter (a scenario), judges each, and
 * merges the findings (`findings/merge-scenarios.ts`).
 */

/** An undecidable condition a model depends on. */
export interface Question {
  /** Names the condition across the whole input: its name, or `stack:name` in a cloud assembly. */
  key: string;
  /** Set when the condition compares one unknown value (`variable`, equally scoped) with a literal. */
  comparison?: { variable: string; literal: string; allowed?: string[] };
}

export interface Scenario {
  /** Truth assumed for each undecidable condition, by key, in the order the conditions were met. */
  assumptions: ReadonlyMap<string, boolean>;
  /** `UseKms=true, IsProd=false`; absent when nothing had to be assumed. */
  label?: string;
}

/** What building a model under a scenario gives back: at least the conditions it still depends on. */
export interface ScenarioBuild {
  undecided: Question[];
}

export interface JudgedScenario<T> {
  scenario: Scenario;
  result: T;
}

/**
 * Enumerates the scenarios of an input, breadth first: a model is built with what is assumed so far; if
 * it still depends on undecidable conditions, each consistent combination of them becomes a scenario of
 * its own. Conditions met only inside a branch are decided in the scenarios that take that branch. At
 * most `maxScenarios` scenarios are built; a scenario that would need more is built once more with
 * `undecidedNote`, and what depends on the remaining conditions is unknown with that reason.
 */
export function judgeScenarios<T extends ScenarioBuild>(
  build: (scenario: Scenario, undecidedNote?: string) => T,
  maxScenarios: number,
): Array<JudgedScenario<T>> {
  const questions = new Map<string, Question>();
  const done: Array<JudgedScenario<T>> = [];
  const pending: Scenario[] = [{ assumptions: new Map() }];
  // Scenarios planned so far: the pending ones and the finished ones.
  let planned = 1;
  while (pending.length > 0) {
    const scenario = pending.shift() as Scenario;
    const result = build(scenario);
    const open = result.undecided.filter((question) => !scenario.assumptions.has(question.key));
    if (open.length === 0) {
      done.push({ scenario, result });
      continue;
    }
    open.forEach((question) => questions.set(question.key, question));
    const children = splitWithin(scenario, open, questions, maxScenarios - planned + 1);
    if (children.length === 0) {
      const note = `lexguard judges at most ${maxScenarios} scenarios of undecidable conditions (limits.max_scenarios); give the parameters they depend on with --param`;
      done.push({ scenario, result: build(scenario, note) });
      continue;
    }
    planned += children.length - 1;
    pending.push(...children);
  }
  return done;
}

/**
 * The scenarios that split `scenario` on as many of `open` (in order) as fit in `room`, without the
 * combinations no deployment can produce; none when not even one condition fits.
 */
function splitWithin(
  scenario: Scenario,
  open: Question[],
  questions: ReadonlyMap<string, Question>,
  room: number,
): Scenario[] {
  let best: Scenario[] = [];
  let current: Array<Map<string, boolean>> = [new Map(scenario.assumptions)];
  for (const question of open) {
    const next = current
      .flatMap((assumptions) =>
        [true, false].map((truth) => new Map([...assumptions, [question.key, truth]])),
      )
      .filter((assumptions) => consistent(assumptions, questions));
    if (next.length > room || next.length === 0) break;
    current = next;
    best = next.map((assumptions) => ({ assumptions, label: labelOf(assumptions) }));
  }
  return best;
}

/**
 * Whether some value of each compared variable makes all the assumed comparisons come out as assumed:
 * `Env` cannot equal both `dev` and `prod`, nor differ from every value its `AllowedValues` permit.
 */
export function consistent(
  assumptions: ReadonlyMap<string, boolean>,
  questions: ReadonlyMap<string, Question>,
): boolean {
  const byVariable = new Map<string, { equal: Set<string>; unequal: Set<string>; allowed?: string[] }>();
  for (const [key, truth] of assumptions) {
    const comparison = questions.get(key)?.comparison;
    if (!comparison) continue;
    const facts = byVariable.get(comparison.variable) ?? {
      equal: new Set<string>(),
      unequal: new Set<string>(),
      allowed: comparison.allowed,
    };
    (truth ? facts.equal : facts.unequal).add(comparison.literal);
    byVariable.set(comparison.variable, facts);
  }
  for (const { equal, unequal, allowed } of byVariable.values()) {
    if (equal.size > 1) return false;
    const [value] = [...equal];
    if (value !== undefined && unequal.has(value)) return false;
    if (allowed && value === undefined && allowed.every((candidate) => unequal.has(candidate))) return false;
  }
  return true;
}

export function labelOf(assumptions: ReadonlyMap<string, boolean>): string | undefined {
  if (assumptions.size === 0) return undefined;
  return [...assumptions].map(([key, truth]) => `${key}=${String(truth)}`).join(', ');
}
