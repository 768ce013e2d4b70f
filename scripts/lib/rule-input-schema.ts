/** A generated JSON schema: definitions by name, and references to them (`#/definitions/Name`). */
export interface JsonSchemaDocument {
  definitions?: Record<string, JsonSchemaNode>;
  [keyword: string]: unknown;
}

interface JsonSchemaNode {
  properties?: Record<string, { $ref?: string }>;
  required?: string[];
  [keyword: string]: unknown;
}

/**
 * The evidence of where a value or resource was read: the model carries it for reports, and the rules'
 * input leaves it out (`scanner/engine/input-pieces.ts`). Each is a property name and the definition its
 * values have.
 */
const EVIDENCE: ReadonlyArray<{ property: string; definition: string }> = [
  { property: 'at', definition: 'LeafSource' },
  { property: 'source', definition: 'ResourceSource' },
];

/**
 * The model's schema as the rules see their input: without the evidence properties, and without the
 * definitions only they used, so that the schema `opa check --strict` checks the rules against, and the
 * models the property tests generate from it, are what the rules are really given.
 */
export function withoutEvidence(schema: JsonSchemaDocument): JsonSchemaDocument {
  const definitions = schema.definitions ?? {};
  for (const node of Object.values(definitions)) {
    for (const { property, definition } of EVIDENCE) {
      if (node.properties?.[property]?.$ref !== `#/definitions/${definition}`) continue;
      delete node.properties[property];
      if (node.required) node.required = node.required.filter((name) => name !== property);
    }
  }
  return { ...schema, definitions: reachableDefinitions(schema, definitions) };
}

/** The definitions a schema reaches from its root, through any number of references. */
function reachableDefinitions(
  schema: JsonSchemaDocument,
  definitions: Record<string, JsonSchemaNode>,
): Record<string, JsonSchemaNode> {
  const reached = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    for (const [keyword, value] of Object.entries(node)) {
      if (keyword === '$ref' && typeof value === 'string' && value.startsWith('#/definitions/')) {
        const name = decodeURIComponent(value.slice('#/definitions/'.length));
        if (!reached.has(name) && definitions[name]) {
          reached.add(name);
          visit(definitions[name]);
        }
      } else if (keyword !== 'definitions') {
        visit(value);
      }
    }
  };
  visit(schema);
  return Object.fromEntries(Object.entries(definitions).filter(([name]) => reached.has(name)));
}
