import type { InputLimits } from '../input-limits';

interface Expanded {
  /** Values in the subtree once every alias is expanded. */
  size: number;
  /** Nesting depth of the subtree once expanded. */
  depth: number;
}

/**
 * What is wrong with a YAML document whose aliases expand it beyond the limits, or `undefined`. The parser
 * shares one object between an anchor and its aliases, so the document stays small in memory; but every
 * walk after it (the resolver, the model, the rules' input) expands them. Nine anchors of nine aliases
 * each ("billion laughs") are 81 aliases and 387 million values. Sizes are computed once per shared object
 * and without recursion, so this check is linear in the document as written.
 */
export function aliasExpansionProblem(
  document: unknown,
  limits: Pick<InputLimits, 'maxAliasExpansion' | 'maxNestingDepth'>,
): string | undefined {
  const expanded = new Map<object, Expanded>();
  // Values as written: the top one, then each object's children (an alias counts as one value).
  let written = 1;
  // Iterative post-order: each object is entered once, then finished once its children are.
  const stack: Array<{ node: object; entered: boolean }> = [];
  const push = (value: unknown): void => {
    if (typeof value === 'object' && value !== null && !expanded.has(value)) {
      stack.push({ node: value, entered: false });
    }
  };
  push(document);
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (expanded.has(top.node)) {
      stack.pop();
      continue;
    }
    const children = Object.values(top.node);
    if (!top.entered) {
      top.entered = true;
      written += children.length;
      children.forEach(push);
      continue;
    }
    stack.pop();
    let size = 1;
    let depth = 0;
    for (const child of children) {
      const inner = typeof child === 'object' && child !== null ? expanded.get(child) : { size: 1, depth: 0 };
      // A cycle (an alias to an enclosing anchor) is refused by the parser; count it as one value.
      size += inner?.size ?? 1;
      depth = Math.max(depth, (inner?.depth ?? 0) + 1);
    }
    expanded.set(top.node, { size, depth });
  }
  const total = typeof document === 'object' && document !== null ? expanded.get(document) : undefined;
  if (!total) return undefined;
  if (total.size - written > limits.maxAliasExpansion) {
    return `YAML aliases expand the document by more than ${limits.maxAliasExpansion} values (an alias bomb?; limits.max_alias_expansion)`;
  }
  if (total.depth > limits.maxNestingDepth) {
    return `YAML aliases nest the document deeper than ${limits.maxNestingDepth} levels (limits.max_nesting_depth)`;
  }
  return undefined;
}
