import { YAMLMap, YAMLSeq, type CollectionTag, type ScalarTag } from 'yaml';

type ToJSContext = Parameters<YAMLSeq['toJSON']>[1];

/**
 * CloudFormation's YAML short forms (`!Ref X`, `!GetAtt A.B`, `!Sub [..]`, …) as `yaml` custom tags, each
 * turned into the long JSON form (`{"Ref": "X"}`, `{"Fn::GetAtt": ["A", "B"]}`) so that everything after
 * parsing sees one representation. Every function is accepted in scalar, sequence and mapping form; what
 * CloudFormation would reject in a given form is reported by the resolver.
 */
const FUNCTIONS: Record<string, string> = {
  Ref: 'Ref',
  Condition: 'Condition',
  GetAtt: 'Fn::GetAtt',
  Sub: 'Fn::Sub',
  Join: 'Fn::Join',
  Select: 'Fn::Select',
  Split: 'Fn::Split',
  FindInMap: 'Fn::FindInMap',
  If: 'Fn::If',
  Not: 'Fn::Not',
  Equals: 'Fn::Equals',
  And: 'Fn::And',
  Or: 'Fn::Or',
  ImportValue: 'Fn::ImportValue',
  Base64: 'Fn::Base64',
  Cidr: 'Fn::Cidr',
  GetAZs: 'Fn::GetAZs',
  Transform: 'Fn::Transform',
  Length: 'Fn::Length',
  ToJsonString: 'Fn::ToJsonString',
};

function scalarTag(short: string, long: string): ScalarTag {
  return {
    tag: `!${short}`,
    resolve: (value: string) => {
      // `!GetAtt Resource.Attribute` splits at the first dot; attribute names may contain dots.
      if (long === 'Fn::GetAtt') {
        const dot = value.indexOf('.');
        return { [long]: dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)] };
      }
      return { [long]: value };
    },
  };
}

function sequenceTag(short: string, long: string): CollectionTag {
  class IntrinsicSeq extends YAMLSeq {
    // `yaml` types toJSON of a sequence as returning an array; this one returns the intrinsic object
    // wrapping that array, which is what every caller of toJS() wants.
    override toJSON(key?: unknown, ctx?: ToJSContext): unknown[] {
      return { [long]: super.toJSON(key, ctx) } as unknown as unknown[];
    }
  }
  return { tag: `!${short}`, collection: 'seq', nodeClass: IntrinsicSeq, resolve: (node) => node };
}

function mappingTag(short: string, long: string): CollectionTag {
  class IntrinsicMap extends YAMLMap {
    override toJSON(key?: unknown, ctx?: ToJSContext): Record<string, unknown> {
      return { [long]: super.toJSON(key, ctx) };
    }
  }
  return { tag: `!${short}`, collection: 'map', nodeClass: IntrinsicMap, resolve: (node) => node };
}

export const CFN_YAML_TAGS: Array<ScalarTag | CollectionTag> = Object.entries(FUNCTIONS).flatMap(
  ([short, long]) => [scalarTag(short, long), sequenceTag(short, long), mappingTag(short, long)],
);
