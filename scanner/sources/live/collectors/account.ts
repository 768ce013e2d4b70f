import { GetAccountPasswordPolicyCommand, GetAccountSummaryCommand } from '@aws-sdk/client-iam';
import { GetPublicAccessBlockCommand } from '@aws-sdk/client-s3-control';
import type { Account, RootUser } from '../../../model/account';
import type { ApiEvidence } from '../../../model/resource';
import { explicit, unknown } from '../../../normalise/leaves';
import { leafFrom } from '../../../normalise/live/live-leaf';
import { liveResourceBase } from '../../../normalise/live/live-resource';
import type { CollectContext } from '../collect-context';
import { ROOT_USER, type CredentialReport } from './credential-report';
import { unusedDays } from './iam';
import { publicAccessBlock } from './s3';

/**
 * The account's own settings: password policy, root user (account summary and credential report) and
 * account-level S3 Block Public Access. `listed` is filled in once every collector has run.
 */
export async function collectAccount(context: CollectContext, report: CredentialReport): Promise<Account> {
  const { caller, scope } = context;
  const iam = scope.clients.iam();
  const [passwordPolicy, summary, blockPublicAccess] = await Promise.all([
    caller.send('iam:GetAccountPasswordPolicy', (s) =>
      iam.send(new GetAccountPasswordPolicyCommand({}), { abortSignal: s }),
    ),
    caller.send('iam:GetAccountSummary', (s) =>
      iam.send(new GetAccountSummaryCommand({}), { abortSignal: s }),
    ),
    caller.send('s3control:GetPublicAccessBlock', (s) =>
      scope.clients
        .s3control()
        .send(new GetPublicAccessBlockCommand({ AccountId: scope.account }), { abortSignal: s }),
    ),
  ]);
  const evidence: ApiEvidence[] = [passwordPolicy.evidence, summary.evidence, blockPublicAccess.evidence];
  const arn = `arn:aws:iam::${scope.account}:root`;
  const account: Account = {
    ...liveResourceBase(
      'account',
      { arn, name: scope.account, account: scope.account, region: 'global' },
      unknown('lexguard does not read account tags'),
      evidence,
      'sts:GetCallerIdentity',
    ),
    password_policy: leafFrom(
      passwordPolicy,
      (output) => {
        const policy = output.PasswordPolicy ?? {};
        return {
          minimum_length: policy.MinimumPasswordLength ?? 8,
          require_symbols: policy.RequireSymbols === true,
          require_numbers: policy.RequireNumbers === true,
          require_uppercase: policy.RequireUppercaseCharacters === true,
          require_lowercase: policy.RequireLowercaseCharacters === true,
          reuse_prevention: policy.PasswordReusePrevention ?? 0,
          max_age_days: policy.MaxPasswordAge ?? 0,
        };
      },
      null,
    ),
    root: rootUser(summary, report, context.scannedAt),
    s3_public_access_block: publicAccessBlock(blockPublicAccess),
    // Filled in by the linking pass, once every trail is known.
    trails: unknown('not linked yet'),
  };
  context.model.accounts[account.id] = account;
  return account;
}

function rootUser(
  summary: Parameters<typeof leafFrom<{ SummaryMap?: Record<string, number> }, boolean>>[0],
  report: CredentialReport,
  now: Date,
): RootUser {
  const row = report.kind === 'ok' ? report.rows.find((item) => item.user === ROOT_USER) : undefined;
  const at = { call: report.call };
  return {
    mfa_active: leafFrom(summary, (output) => output.SummaryMap?.AccountMFAEnabled === 1),
    access_keys_active: leafFrom(summary, (output) => (output.SummaryMap?.AccountAccessKeysPresent ?? 0) > 0),
    password_unused_days:
      report.kind === 'failed'
        ? unknown(report.reason, at)
        : row
          ? explicit(unusedDays(row.password_last_used, now), at)
          : unknown('the credential report has no row for the root user', at),
  };
}
