import { CORE_SCHEMA, defineMappingTag, defineScalarTag, defineSequenceTag, type Schema } from 'js-yaml';

/**
 * CloudFormation's YAML short forms (`!Ref X`, `!GetAtt A.B`, `!Sub [..]`, …) turned into the long JSON
 * form (`{"Ref": "X"}`, `{"Fn::GetAtt": ["A", "B"]}`) while the YAML is read, so that everything after
 * parsing sees one representation. Every local tag is accepted in scalar, sequence and mapping form:
 * `!Ref` and `!Condition` keep their name, any other `!Name` becomes `Fn::Name`. A tag CloudFormation does
 * not know (`!Frobnicate`) thus reaches the resolver as `Fn::Frobnicate`, which reports it with its
 * position like the same mistake written in JSON, instead of failing the whole file.
 */
export function intrinsicName(tag: string): string {
  const name = tag.startsWith('!') ? tag.slice(1) : tag;
  return name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
}

/** The short-form tag of an intrinsic's long name: `Fn::GetAtt` → `!GetAtt`, `Ref` → `!Ref`. */
export function shortTag(intrinsic: string): string {
  return `!${intrinsic.startsWith('Fn::') ? intrinsic.slice(4) : intrinsic}`;
}

const LOCAL_TAG = '!';

const scalarIntrinsic = defineScalarTag(LOCAL_TAG, {
  matchByTagPrefix: true,
  resolve: (source, _explicit, tagName) => {
    const name = intrinsicName(tagName);
    // `!GetAtt Resource.Attribute` splits at the first dot; attribute names may contain dots.
    if (name === 'Fn::GetAtt') {
      const dot = source.indexOf('.');
      return { [name]: dot < 0 ? [source] : [source.slice(0, dot), source.slice(dot + 1)] };
    }
    return { [name]: source };
  },
  identify: () => false,
});

interface SequenceCarrier {
  name: string;
  items: unknown[];
}

const sequenceIntrinsic = defineSequenceTag<SequenceCarrier, Record<string, unknown[]>>(LOCAL_TAG, {
  matchByTagPrefix: true,
  create: (tagName) => ({ name: intrinsicName(tagName), items: [] }),
  addItem: (carrier, item) => {
    carrier.items.push(item);
  },
  finalize: (carrier) => ({ [carrier.name]: carrier.items }),
  identify: () => false,
});

interface MappingCarrier {
  name: string;
  entries: Record<string, unknown>;
}

const mappingIntrinsic = defineMappingTag<MappingCarrier, Record<string, Record<string, unknown>>>(
  LOCAL_TAG,
  {
    matchByTagPrefix: true,
    create: (tagName) => ({ name: intrinsicName(tagName), entries: {} }),
    addPair: (carrier, key, value) => {
      if (typeof key !== 'string' && typeof key !== 'number' && typeof key !== 'boolean')
        return 'a key of an intrinsic function must be a string';
      carrier.entries[String(key)] = value;
      return '';
    },
    has: (carrier, key) => Object.hasOwn(carrier.entries, String(key)),
    keys: (result) => Object.keys(Object.values(result)[0] ?? {}),
    get: (result, key) => Object.values(result)[0]?.[String(key)],
    finalize: (carrier) => ({ [carrier.name]: carrier.entries }),
    identify: () => false,
  },
);

/**
 * YAML 1.2's core schema (so `2012-10-17` stays a string, as CloudFormation reads it) with the
 * CloudFormation short forms.
 */
export const CFN_YAML_SCHEMA: Schema = CORE_SCHEMA.withTags(
  scalarIntrinsic,
  sequenceIntrinsic,
  mappingIntrinsic,
);
