/**
 * A reference to a resource's value that CloudFormation computes at deploy time (`Ref` to a resource,
 * `Fn::GetAtt`) resolves to a token that names exactly that value, e.g. `{{lexguard:DocsBucket}}` or
 * `{{lexguard:DocumentsKey.Arn}}`. Tokens can be compared and joined into larger strings (a bucket policy's
 * `arn:aws:s3:::{{lexguard:DocsBucket}}/*`), and the normaliser follows them to link resources; rules
 * must not parse them.
 *
 * A resolver that knows its template's scope (the prefix of its model ids: a stack or file name) writes
 * it into the token, `{{lexguard:Storage/DocsBucket.Arn}}`, so that a value exported by one stack of a
 * cloud assembly and imported by another still names the resource of the stack that exported it.
 */
const PREFIX = '{{lexguard:';
const SUFFIX = '}}';
const TOKEN = '\\{\\{lexguard:(?:([^{}]*)/)?([A-Za-z0-9]+)(?:\\.([A-Za-z0-9.]+))?\\}\\}';
const WHOLE_TOKEN = new RegExp(`^${TOKEN}$`);
const ANY_TOKEN = new RegExp(TOKEN, 'g');

export interface TokenTarget {
  /** The scope of the template that declares the resource, when the token names it. */
  scope?: string;
  logicalId: string;
  /** The attribute for `Fn::GetAtt`; absent for `Ref`. */
  attribute?: string;
}

export function resourceToken(logicalId: string, attribute?: string, scope?: string): string {
  return `${PREFIX}${scope !== undefined ? `${scope}/` : ''}${logicalId}${attribute ? `.${attribute}` : ''}${SUFFIX}`;
}

/** The resource a string that is exactly one token refers to. */
export function parseToken(value: string): TokenTarget | undefined {
  const match = WHOLE_TOKEN.exec(value);
  return match ? targetOf(match) : undefined;
}

/** Every resource a string mentions through tokens (e.g. an ARN built with `Fn::Join`). */
export function tokensIn(value: string): TokenTarget[] {
  if (!value.includes(PREFIX)) return [];
  return [...value.matchAll(ANY_TOKEN)].map(targetOf);
}

function targetOf(match: RegExpMatchArray): TokenTarget {
  return {
    ...(match[1] !== undefined ? { scope: match[1] } : {}),
    logicalId: match[2],
    ...(match[3] ? { attribute: match[3] } : {}),
  };
}

/** The string with every token replaced by what `replace` gives for it (a token it cannot place stays). */
export function replaceTokens(value: string, replace: (target: TokenTarget) => string | undefined): string {
  if (!value.includes(PREFIX)) return value;
  return value.replace(
    ANY_TOKEN,
    (token: string, scope: string | undefined, logicalId: string, attribute?: string) => {
      const replacement = replace({
        ...(scope !== undefined ? { scope } : {}),
        logicalId,
        ...(attribute ? { attribute } : {}),
      });
      return replacement ?? token;
    },
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
