import { App } from 'aws-cdk-lib';
import { readAuditConfig } from '../../../lib/config/read-audit-config';
import { readStoreConfig } from '../../../lib/config/read-store-config';
import { lexguardErrorOf } from '../../_helpers/errors';
import { storeContext } from '../../_helpers/store-app';

function configWith(auditScanner: unknown) {
  const app = new App({ context: { documentStore: storeContext(), auditScanner } });
  return readAuditConfig(app.node, readStoreConfig(app.node));
}

describe('readAuditConfig', () => {
  it('scans the store’s own account in its approved regions every night when the context says nothing', () => {
    expect(configWith(undefined)).toEqual({
      account: '111122223333',
      region: 'eu-west-1',
      schedule: 'cron(0 2 * * ? *)',
      scheduleTimeZone: 'UTC',
      targets: { accounts: ['111122223333'] },
      regions: ['eu-west-1', 'eu-central-1'],
      maxConcurrentAccounts: 10,
      scannerRoleName: 'lexguard-scanner',
      notifyEmail: storeContext().alertEmail,
      scannerRoleStacks: ['111122223333'],
    });
  });

  it('with the organization, lists its accounts at each run and deploys the role stack to the audit account only', () => {
    const config = configWith({
      account: '999988887777',
      organization: true,
      stackSet: { organizationalUnitIds: ['r-ab12'] },
    });
    expect(config).toMatchObject({
      targets: { organization: true },
      scannerRoleStacks: ['999988887777'],
      stackSet: { organizationalUnitIds: ['r-ab12'], callAs: 'SELF' },
    });
  });

  it.each([
    [{ schedule: 'every night' }, /^context auditScanner\.schedule must match pattern/],
    [{ maxConcurrentAccounts: 0 }, /^context auditScanner\.maxConcurrentAccounts must be >= 1$/],
    [
      { region: 'us-east-1' },
      /^context auditScanner\.region us-east-1 is not one of the store's approvedRegions/,
    ],
    [{ organization: true, accounts: ['111122223333'] }, /accounts and organization exclude each other/],
    [{ stackSet: { organizationalUnitIds: ['r-ab12'] } }, /stackSet needs organization/],
    [{ regions: ['eu-west-1', 'eu-west-1'] }, /^context auditScanner\.regions must NOT have duplicate items/],
    [
      {
        maxConcurrentAccounts: 100,
        regions: [
          'eu-west-1',
          'eu-central-1',
          'eu-west-3',
          'eu-north-1',
          'eu-south-1',
          'eu-west-2',
          'eu-central-2',
          'eu-south-2',
          'eu-north-2',
          'il-central-1',
        ],
      },
      /maxConcurrentAccounts × regions \(100 × 10\) must be at most 900/,
    ],
  ])('refuses %j with one line naming the key', (auditScanner, message) => {
    const error = lexguardErrorOf(() => configWith(auditScanner));
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toMatch(message);
  });
});
