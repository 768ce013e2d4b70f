import pLimit from 'p-limit';
import { LexguardError } from '../../errors';
import type { ApiEvidence } from '../../model/resource';
import { isAbsence } from './absence';
import { activeCapture, type CallCapture } from './capture-middleware';
import { countCall, emptyCounts, type LiveCallCounts } from './call-stats';
import { declarationOf, type LiveCallName } from './calls';
import { InFlightClock } from './in-flight-clock';

/** The answer to one call: its output, an explicit "not configured", or the failure that makes values unknown. */
export type CallResult<O> =
  | { kind: 'ok'; call: LiveCallName; output: O; evidence: ApiEvidence }
  | { kind: 'absent'; call: LiveCallName; code: string; evidence: ApiEvidence }
  | { kind: 'failed'; call: LiveCallName; code: string; reason: string; evidence: ApiEvidence };

export interface LiveCallerOptions {
  /** Longest a call may take, retries included, before it counts as failed (ms). */
  callTimeoutMs: number;
  /** Requests in flight at once per AWS service. */
  concurrencyPerService: number;
  now?: () => Date;
  /** Told when a call is scheduled and when it settles, e.g. to drive a progress bar. */
  observer?: CallObserver;
}

export interface CallObserver {
  scheduled(call: LiveCallName): void;
  settled(call: LiveCallName, kind: CallResult<unknown>['kind']): void;
}

/**
 * Makes every live API call: only calls on the declared list (`calls.ts`), at most N at once per service,
 * each within a deadline, and never throwing. A denied, timed-out or failing call becomes a `failed`
 * result whose reason is kept; an error code the API uses for "not configured" becomes `absent`. Every
 * call leaves evidence: when, the SHA-256 of the raw response, and the error code.
 */
export class LiveCaller {
  readonly counts: LiveCallCounts = emptyCounts();
  readonly clock = new InFlightClock();
  private readonly limits = new Map<string, ReturnType<typeof pLimit>>();
  private readonly now: () => Date;

  constructor(private readonly options: LiveCallerOptions) {
    this.now = options.now ?? (() => new Date());
  }

  async send<O>(call: LiveCallName, run: (abortSignal: AbortSignal) => Promise<O>): Promise<CallResult<O>> {
    const declaration = declarationOf(call);
    if (!declaration)
      throw new LexguardError('INTERNAL', `${call} is not on the declared list of live calls`);
    const [service, operation] = call.split(':');
    this.options.observer?.scheduled(call);
    const result = await this.limitFor(service)(() => this.attempt(call, operation, run));
    this.options.observer?.settled(call, result.kind);
    return result;
  }

  private async attempt<O>(
    call: LiveCallName,
    operation: string,
    run: (abortSignal: AbortSignal) => Promise<O>,
  ): Promise<CallResult<O>> {
    const capture: CallCapture = { attempts: 0 };
    const signal = AbortSignal.timeout(this.options.callTimeoutMs);
    try {
      const output = await activeCapture.run(capture, () => run(signal));
      this.checkCommand(call, operation, capture);
      countCall(this.counts, { kind: 'ok', attempts: capture.attempts });
      return { kind: 'ok', call, output, evidence: this.evidence(call, capture) };
    } catch (thrown) {
      if (thrown instanceof LexguardError) throw thrown;
      this.checkCommand(call, operation, capture);
      const code = errorCode(thrown, signal);
      if (isAbsence(call, code)) {
        countCall(this.counts, { kind: 'absent', attempts: capture.attempts });
        return { kind: 'absent', call, code, evidence: this.evidence(call, capture) };
      }
      countCall(this.counts, { kind: 'failed', attempts: Math.max(capture.attempts, 1), code });
      return {
        kind: 'failed',
        call,
        code,
        reason: describeFailure(call, code, capture.attempts),
        evidence: { ...this.evidence(call, capture), error: code },
      };
    }
  }

  /** The SDK command really sent must be the declared one, so the declared list cannot lie. */
  private checkCommand(call: string, operation: string, capture: CallCapture): void {
    if (capture.commandName && capture.commandName !== `${operation}Command`) {
      throw new LexguardError('INTERNAL', `${call} was declared but ${capture.commandName} was sent`);
    }
  }

  private evidence(call: string, capture: CallCapture): ApiEvidence {
    return {
      call,
      time: this.now().toISOString(),
      ...(capture.digest ? { digest: `sha256:${capture.digest}` } : {}),
    };
  }

  private limitFor(service: string): ReturnType<typeof pLimit> {
    let limit = this.limits.get(service);
    if (!limit) {
      limit = pLimit(this.options.concurrencyPerService);
      this.limits.set(service, limit);
    }
    return limit;
  }
}

/**
 * The error code of an SDK error (`error.name`, e.g. `AccessDenied`), or `Timeout` when the call's deadline
 * passed. Only the code is kept: messages can quote request details, never worth the risk in a report.
 */
function errorCode(thrown: unknown, signal: AbortSignal): string {
  if (signal.aborted) return 'Timeout';
  if (thrown instanceof Error) {
    // The call's own deadline aborts it (AbortError); an attempt past its timeout fails with TimeoutError.
    if (thrown.name === 'AbortError' || thrown.name === 'TimeoutError') return 'Timeout';
    // Query-protocol services (IAM, STS, SNS) keep the wire code in `Code`; `name` is the SDK's class name
    // (`NoSuchEntityException` for `NoSuchEntity`).
    const code = (thrown as { Code?: unknown }).Code;
    if (typeof code === 'string' && code) return code;
    return thrown.name || 'Error';
  }
  return 'Error';
}

const DENIED = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'AuthorizationError',
]);

function describeFailure(call: string, code: string, attempts: number): string {
  if (DENIED.has(code)) return `${call} was denied (${code}); grant the permission lexguard iam-policy lists`;
  if (code === 'CredentialsProviderError')
    return `${call} could not be signed: no AWS credentials were found (environment, shared config, SSO)`;
  if (code === 'Timeout') return `${call} timed out after ${attempts} attempt(s)`;
  if (attempts === 0) return `${call} could not be sent (${code})`;
  return `${call} failed (${code}) after ${attempts} attempt(s)`;
}
