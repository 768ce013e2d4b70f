import fc from 'fast-check';

/** The part of JSON Schema (draft-07) that `ts-json-schema-generator` writes for the model's types. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minimum?: number;
  definitions?: Record<string, JsonSchema>;
}

export interface SchemaArbitraryOptions {
  /**
   * A union that admits the definition of this name (the model's `UnknownLeaf`) generates only it: a model
   * whose every leaf is unknown.
   */
  onlyBranch?: string;
  /**
   * With `onlyBranch`: arrays are empty and optional properties absent everywhere else, as in a model whose
   * every leaf is unknown the normaliser derives nothing from them (no link targets, no reverse links).
   */
  nothingDerived?: boolean;
  /** Strings drawn now and then instead of random ones, so that generated values also meet the rules' literals. */
  vocabulary?: readonly string[];
  /** Entries of maps (`additionalProperties`), items of arrays. */
  maxItems?: number;
}

/**
 * An arbitrary of the values a JSON Schema accepts. It reads what the project's generated schemas use:
 * `$ref` into `definitions`, `anyOf`, `const`, `enum`, `type` (object, array, string, number, integer,
 * boolean, null), `properties` with `required` (optional properties are present or absent), and
 * `additionalProperties` (a map when it is a schema, nothing more when it is `false`). Anything else is
 * refused, so a schema feature this does not know cannot be silently ignored. Definitions are built once
 * each (the model's types are not recursive).
 */
export function arbitraryFromSchema(
  root: JsonSchema,
  options: SchemaArbitraryOptions = {},
): fc.Arbitrary<unknown> {
  const built = new Map<string, fc.Arbitrary<unknown>>();
  const maxItems = options.maxItems ?? 3;
  const words = options.vocabulary ?? [];
  const string =
    words.length > 0 ? fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 10 })) : fc.string();

  const definition = (ref: string): fc.Arbitrary<unknown> => {
    const name = decodeURIComponent(ref.replace(/^#\/definitions\//, ''));
    let arbitrary = built.get(name);
    if (!arbitrary) {
      const schema = root.definitions?.[name];
      if (!schema) throw new Error(`schema-arbitrary: ${ref} is not defined`);
      arbitrary = of(schema);
      built.set(name, arbitrary);
    }
    return arbitrary;
  };

  const of = (schema: JsonSchema): fc.Arbitrary<unknown> => {
    if (schema.$ref !== undefined) return definition(schema.$ref);
    if ('const' in schema) return fc.constant(schema.const);
    if (schema.enum) return fc.constantFrom(...schema.enum);
    if (schema.anyOf) {
      const only = options.onlyBranch;
      const chosen = only ? schema.anyOf.filter((branch) => refName(branch) === only) : [];
      return fc.oneof(...(chosen.length > 0 ? chosen : schema.anyOf).map(of));
    }
    if (Array.isArray(schema.type)) return fc.oneof(...schema.type.map((type) => of({ ...schema, type })));
    switch (schema.type) {
      case 'object':
        return object(schema);
      case 'array':
        if (options.nothingDerived) return fc.constant([]);
        return fc.array(schema.items ? of(schema.items) : fc.anything(), { maxLength: maxItems });
      case 'string':
        return string;
      case 'integer':
        return fc.integer({ min: schema.minimum ?? -10, max: 4000 });
      case 'number':
        return fc.oneof(
          fc.integer({ min: schema.minimum ?? -10, max: 4000 }),
          fc.double({ noNaN: true, noDefaultInfinity: true }),
        );
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      default:
        throw new Error(`schema-arbitrary: unsupported schema ${JSON.stringify(schema).slice(0, 200)}`);
    }
  };

  const object = (schema: JsonSchema): fc.Arbitrary<unknown> => {
    const properties = schema.properties ?? {};
    const required = schema.required ?? [];
    const kept = Object.entries(properties).filter(
      ([key]) => !options.nothingDerived || required.includes(key),
    );
    const record = fc.record(Object.fromEntries(kept.map(([key, value]) => [key, of(value)])), {
      requiredKeys: required,
    });
    const extra = schema.additionalProperties;
    if (typeof extra !== 'object') return record;
    const keys =
      words.length > 0 ? fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 6 })) : fc.string();
    return fc
      .tuple(record, fc.dictionary(keys, of(extra), { maxKeys: maxItems }))
      .map(([fixed, more]) => ({ ...more, ...fixed }));
  };

  return of(root);
}

function refName(schema: JsonSchema): string | undefined {
  return schema.$ref === undefined
    ? undefined
    : decodeURIComponent(schema.$ref.replace(/^#\/definitions\//, ''));
}
