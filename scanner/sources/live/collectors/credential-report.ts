import { GenerateCredentialReportCommand, GetCredentialReportCommand } from '@aws-sdk/client-iam';
import type { CollectContext } from '../collect-context';
import type { CallResult } from '../live-caller';

/** One row of the IAM credential report, by column name (`user`, `mfa_active`, `access_key_1_active`, …). */
export type CredentialReportRow = Record<string, string>;

/** The credential report's rows, or the failed call that makes the values it holds unknown. */
export type CredentialReport =
  | { kind: 'ok'; rows: CredentialReportRow[]; call: 'iam:GetCredentialReport' }
  | { kind: 'failed'; reason: string; call: string };

const GENERATE_ATTEMPTS = 10;
const GENERATE_WAIT_MS = 500;

/**
 * Asks IAM to generate the credential report and reads it. Generation is asynchronous: it is polled a
 * bounded number of times, and a report that is not ready by then counts as a failed read.
 */
export async function readCredentialReport(
  context: CollectContext,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<{ report: CredentialReport; results: Array<CallResult<unknown>> }> {
  const iam = context.scope.clients.iam();
  const results: Array<CallResult<unknown>> = [];
  for (let attempt = 0; attempt < GENERATE_ATTEMPTS; attempt++) {
    const generated = await context.caller.send('iam:GenerateCredentialReport', (abortSignal) =>
      iam.send(new GenerateCredentialReportCommand({}), { abortSignal }),
    );
    results.push(generated);
    if (generated.kind === 'failed') return { report: failed(generated), results };
    if (generated.kind === 'ok' && generated.output.State === 'COMPLETE') break;
    if (attempt === GENERATE_ATTEMPTS - 1) {
      return {
        report: {
          kind: 'failed',
          reason: 'the IAM credential report was not ready in time',
          call: generated.call,
        },
        results,
      };
    }
    await sleep(GENERATE_WAIT_MS);
  }
  const fetched = await context.caller.send('iam:GetCredentialReport', (abortSignal) =>
    iam.send(new GetCredentialReportCommand({}), { abortSignal }),
  );
  results.push(fetched);
  if (fetched.kind !== 'ok') return { report: failed(fetched), results };
  const text = Buffer.from(fetched.output.Content ?? new Uint8Array()).toString('utf8');
  return {
    report: { kind: 'ok', rows: parseCredentialReport(text), call: 'iam:GetCredentialReport' },
    results,
  };
}

function failed(result: CallResult<unknown>): CredentialReport {
  return {
    kind: 'failed',
    reason: result.kind === 'failed' ? result.reason : `${result.call} answered nothing`,
    call: result.call,
  };
}

/**
 * The report is CSV whose fields never hold commas or quotes (names, ARNs, ISO dates, `true`, `N/A`), so
 * splitting on commas is exact.
 */
export function parseCredentialReport(text: string): CredentialReportRow[] {
  const [header, ...lines] = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (!header) return [];
  const columns = header.split(',');
  return lines.map((line) => {
    const fields = line.split(',');
    return Object.fromEntries(columns.map((column, index) => [column, fields[index] ?? '']));
  });
}

/** The report's date fields: an ISO time, or `N/A` / `no_information` / `not_supported` for none. */
export function reportDate(value: string | undefined): Date | null {
  if (!value || !/^\d{4}-/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

export const ROOT_USER = '<root_account>';
