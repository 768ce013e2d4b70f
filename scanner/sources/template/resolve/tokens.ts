/**
 * A reference to a resource's value that CloudFormation computes at deploy time (`Ref` to a resource,
 * `Fn::GetAtt`) resolves to a token that names exactly that value, e.g. `{{lexguard:DocsBucket}}` or
 * `{{lexguard:DocumentsKey.Arn}}`. Tokens can be compared and joined into larger strings (a bucket policy's
 * `arn:aws:s3:::{{lexguard:DocsBucket}}/*`), and the normaliser follows them to link resources; rules
 * must not parse them.
 */
const PREFIX = '{{lexguard:';
const SUFFIX = '}}';
const WHOLE_TOKEN = /^\{\{lexguard:([A-Za-z0-9]+)(?:\.([A-Za-z0-9.]+))?\}\}$/;
const ANY_TOKEN = /\{\{lexguard:([A-Za-z0-9]+)(?:\.([A-Za-z0-9.]+))?\}\}/g;

export interface TokenTarget {
  logicalId: string;
  /** The attribute for `Fn::GetAtt`; absent for `Ref`. */
  attribute?: string;
}

export function resourceToken(logicalId: string, attribute?: string): string {
  return `${PREFIX}${logicalId}${attribute ? `.${attribute}` : ''}${SUFFIX}`;
}

/** The resource a string that is exactly one token refers to. */
export function parseToken(value: string): TokenTarget | undefined {
  const match = WHOLE_TOKEN.exec(value);
  if (!match) return undefined;
  return match[2] ? { logicalId: match[1], attribute: match[2] } : { logicalId: match[1] };
}

/** Every resource a string mentions through tokens (e.g. an ARN built with `Fn::Join`). */
export function tokensIn(value: string): TokenTarget[] {
  return [...value.matchAll(ANY_TOKEN)].map((m) =>
    m[2] ? { logicalId: m[1], attribute: m[2] } : { logicalId: m[1] },
  );
}

/**
 * The stack's own region and account, when the scan is not told them, stand in ARNs as placeholders that
 * hold no colon (so an ARN still splits into its fields) and cannot be taken for a resource's token.
 */
export type PseudoPlaceholderName = 'AWS::Region' | 'AWS::AccountId';

const PSEUDO_PLACEHOLDERS: Record<PseudoPlaceholderName, string> = {
  'AWS::Region': '{{lexguard-pseudo-Region}}',
  'AWS::AccountId': '{{lexguard-pseudo-AccountId}}',
};

export function pseudoPlaceholder(name: PseudoPlaceholderName): string {
  return PSEUDO_PLACEHOLDERS[name];
}

export function isPseudoPlaceholderName(name: string): name is PseudoPlaceholderName {
  return name in PSEUDO_PLACEHOLDERS;
}
