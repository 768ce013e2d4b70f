import type { Account } from '../../model/account';
import type { Model } from '../../model/model';
import { listingDoubt } from './listing-doubt';
import { ReverseLinks, type Answer } from './three-valued';

/**
 * The trails that belong to each account, for the rules that ask whether an account has a trail at all.
 * A model of one account (a template, a live scan of one account) owns every trail it holds. In a model
 * of several accounts (a cloud assembly, a live scan of an organisation) a trail belongs to the account
 * whose id it carries; a trail whose account is unknown belongs to the one account whose id is unknown
 * too (the stacks of an assembly without an environment), and is a doubt for every account otherwise.
 */
export function linkAccountTrails(model: Model): void {
  const accounts = Object.values(model.accounts);
  const links = new ReverseLinks();
  const unknownAccounts = accounts.filter((account) => account.account.state === 'unknown');
  for (const trail of Object.values(model.cloudtrail_trails)) {
    for (const account of accounts)
      links.add(
        account.id,
        trail.id,
        owns(account, trail.account, accounts, unknownAccounts),
        `trail ${trail.id}`,
      );
  }
  const unlisted = listingDoubt(model, ['cloudtrail_trails']);
  for (const account of accounts) {
    if (unlisted) links.add(account.id, '', { doubt: unlisted }, 'CloudTrail');
    account.trails = links.leaf(account.id);
  }
}

function owns(
  account: Account,
  trailAccount: Account['account'],
  accounts: readonly Account[],
  unknownAccounts: readonly Account[],
): Answer {
  if (accounts.length === 1) return true;
  if (trailAccount.state !== 'unknown')
    return account.account.state !== 'unknown' && account.account.value === trailAccount.value;
  if (unknownAccounts.length === 1) return unknownAccounts[0] === account;
  return { doubt: `its account is unknown: ${trailAccount.reason}` };
}
