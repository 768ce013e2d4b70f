/**
 * A leaf of the normalised model: one value together with how sure lexguard is of it and where it came
 * from. Rules read `state` before `value`, so "the setting is off" (a known `false`) can never be
 * confused with "the setting could not be read" (`unknown`).
 */

/** Where a leaf's value was read: a place in a template, or a call to a live AWS API. */
export type LeafSource = TemplateLeafSource | LiveLeafSource;

export interface TemplateLeafSource {
  /** Property path inside the resource, e.g. `Properties.BucketEncryption.ServerSideEncryptionConfiguration[0]`. */
  path: string;
  /**
   * The template resource holding the property when it is not the model resource's own, e.g. a bucket's
   * policy written in an `AWS::S3::BucketPolicy`.
   */
  logical_id?: string;
  /** 1-based line of the property in the template file, when the parser could tell. */
  line?: number;
  /** 1-based column of the property in the template file, when the parser could tell. */
  column?: number;
}

export interface LiveLeafSource {
  /** The API call that returned the value, as `service:Operation`, e.g. `s3:GetBucketEncryption`. */
  call: string;
}

/** The value was written down (in a template) or returned by an API (live). */
export interface ExplicitLeaf<T> {
  state: 'explicit';
  value: T;
  at?: LeafSource;
}

/** Nothing was written down, and AWS applies this documented default. */
export interface DefaultLeaf<T> {
  state: 'default';
  value: T;
  at?: LeafSource;
}

/**
 * The value could not be known: an unresolved intrinsic (`Fn::ImportValue`, a parameter with no value),
 * an API call that was denied or kept failing. `reason` says which, in words a user can act on.
 */
export interface UnknownLeaf {
  state: 'unknown';
  reason: string;
  at?: LeafSource;
}

export type Leaf<T> = ExplicitLeaf<T> | DefaultLeaf<T> | UnknownLeaf;

/**
 * A reference from one resource to another, made by the normaliser before the rules run.
 * `ref` is the reference as written (a logical id, an ARN, an alias, a bucket name); `target` is the
 * model id of the resource it resolved to, absent when the referenced resource is not in the scanned scope.
 */
export interface Link {
  ref: Leaf<string | null>;
  target?: string;
}
