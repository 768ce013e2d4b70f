/**
 * lexguard's error taxonomy. Library code throws `LexguardError`s with a code and, for bad input, the
 * file and position at fault; only the CLI turns them into a one-line message and an exit code.
 */

export type ErrorCode =
  /** A file could not be read (missing, a directory, permissions). */
  | 'INPUT_UNREADABLE'
  /** A file was read but is not valid JSON/YAML or not a CloudFormation template. */
  | 'INPUT_MALFORMED'
  /** A file or document is larger or deeper than the configured limits. */
  | 'INPUT_TOO_LARGE'
  /** A configuration, suppressions, attestations or control catalog file is invalid. */
  | 'CONFIG_INVALID'
  /** The command line asked for something that cannot be done. */
  | 'USAGE'
  /** A CDK app could not be synthesized into a cloud assembly. */
  | 'SYNTH_FAILED'
  /** The compiled policy bundle is missing: it has not been built. */
  | 'POLICY_BUNDLE_MISSING'
  /** The compiled policy bundle was built from other Rego sources than the ones beside it. */
  | 'POLICY_BUNDLE_STALE'
  /** The Wasm policy could not be loaded or evaluated. */
  | 'POLICY_EVALUATION_FAILED'
  /** A scan history record is damaged, or is not a lexguard history record. */
  | 'HISTORY_INVALID'
  /** An AWS API could not be reached or answered with an error that stops the whole scan. */
  | 'AWS_UNAVAILABLE'
  /** A fault in lexguard itself. */
  | 'INTERNAL';

/** Where in a file an error was found. */
export interface ErrorPosition {
  file: string;
  line?: number;
  column?: number;
}

export interface LexguardErrorOptions {
  position?: ErrorPosition;
  cause?: unknown;
}

export class LexguardError extends Error {
  readonly code: ErrorCode;
  readonly position?: ErrorPosition;

  constructor(code: ErrorCode, message: string, options: LexguardErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'LexguardError';
    this.code = code;
    this.position = options.position;
  }

  /** `file:line:column: message`, the form editors and CI logs make clickable. */
  describe(): string {
    if (!this.position) return this.message;
    const { file, line, column } = this.position;
    const where = [file, line, line !== undefined ? column : undefined]
      .filter((x) => x !== undefined)
      .join(':');
    return `${where}: ${this.message}`;
  }
}

/** Errors a user can fix by changing their input or command line: the CLI exits 2 on these. */
export function isInputError(error: LexguardError): boolean {
  return (
    error.code === 'INPUT_UNREADABLE' ||
    error.code === 'INPUT_MALFORMED' ||
    error.code === 'INPUT_TOO_LARGE' ||
    error.code === 'CONFIG_INVALID' ||
    error.code === 'USAGE' ||
    error.code === 'SYNTH_FAILED'
  );
}

/**
 * Turns anything thrown into a readable message. The Wasm runtime throws strings and plain objects,
 * not `Error`s, so `String(error)` alone would print `[object Object]`. An AWS service error is named by
 * its code and HTTP status only (see awsErrorSummary).
 */
export function describeThrown(thrown: unknown): string {
  if (thrown instanceof LexguardError) return thrown.describe();
  const aws = awsErrorSummary(thrown);
  if (aws) return aws;
  if (thrown instanceof Error) return thrown.message;
  if (typeof thrown === 'string') return thrown;
  try {
    return JSON.stringify(thrown);
  } catch {
    return String(thrown);
  }
}

/**
 * `SignatureDoesNotMatch (HTTP 403)` for an error an AWS service answered (the SDK gives those a
 * `$metadata`), `undefined` for anything else. The service's message is left out on purpose: for a bad
 * signature AWS quotes the canonical request in it, every signed header with its value, the session
 * token among them, and lexguard's errors end up in reports, logs and CI output.
 */
export function awsErrorSummary(thrown: unknown): string | undefined {
  if (!(thrown instanceof Error)) return undefined;
  const metadata = (thrown as { $metadata?: { httpStatusCode?: unknown } }).$metadata;
  if (typeof metadata !== 'object' || metadata === null) return undefined;
  const code = (thrown as { Code?: unknown }).Code;
  const name = typeof code === 'string' && code ? code : thrown.name || 'Error';
  return typeof metadata.httpStatusCode === 'number' ? `${name} (HTTP ${metadata.httpStatusCode})` : name;
}
