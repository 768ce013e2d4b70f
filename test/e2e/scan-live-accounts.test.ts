import {
  CreateAccountCommand,
  CreateOrganizationCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import type { ScanReport } from '../../scanner/findings/scan-report';
import { pointSdkAt, TEST_REGION } from '../_helpers/aws-env';
import { runCli } from '../_helpers/cli';
import { MOTO_ACCOUNT, startMoto, type Moto } from '../_helpers/moto';
import { parseScanReport } from '../../scanner/findings/read-scan-report';

/**
 * Which accounts and regions `lexguard scan live` reads: an organization's members through a role assumed
 * in each, a list of roles, and every enabled region. moto keeps one estate per account and maps the
 * credentials AssumeRole returns to the role's account, as AWS does.
 */
const ROLE = 'OrganizationAccountAccessRole';
let moto: Moto;
let restore: () => void;
let member: string;

beforeAll(async () => {
  moto = await startMoto();
  restore = pointSdkAt(moto.endpoint);
  const organizations = new OrganizationsClient({});
  await organizations.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
  const created = await organizations.send(
    new CreateAccountCommand({ AccountName: 'matters', Email: 'matters@firm.example' }),
  );
  member = created.CreateAccountStatus?.AccountId ?? '';
  organizations.destroy();
  const sts = new STSClient({});
  const assumed = await sts.send(
    new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${member}:role/${ROLE}`, RoleSessionName: 'estate' }),
  );
  sts.destroy();
  const credentials = assumed.Credentials;
  const s3 = new S3Client({
    credentials: {
      accessKeyId: credentials?.AccessKeyId ?? '',
      secretAccessKey: credentials?.SecretAccessKey ?? '',
      sessionToken: credentials?.SessionToken,
    },
  });
  await s3.send(
    new CreateBucketCommand({
      Bucket: 'member-docs',
      CreateBucketConfiguration: { LocationConstraint: TEST_REGION },
    }),
  );
  s3.destroy();
}, 120_000);

afterAll(async () => {
  restore?.();
  await moto?.stop();
});

async function scan(args: string[]): Promise<{ code: number; report: ScanReport; stderr: string }> {
  const run = await runCli(['scan', 'live', '--format', 'json', ...args]);
  return { code: run.code, report: parseScanReport(run.stdout, 'report'), stderr: run.stderr };
}

describe('lexguard scan live: accounts and regions', () => {
  test('--organization-role scans the current account and every member through the role', async () => {
    const { report } = await scan(['--organization-role', ROLE, '--region', TEST_REGION]);
    expect(report.errors).toEqual([]);
    expect([...(report.live?.accounts ?? [])].sort()).toEqual([MOTO_ACCOUNT, member].sort());
    const bucket = report.findings.find((finding) => finding.resource.id === 'arn:aws:s3:::member-docs');
    expect(bucket?.location).toMatchObject({ kind: 'live', account: member, region: TEST_REGION });
  }, 60_000);

  test('--assume-role scans only the accounts of the roles given', async () => {
    const { report } = await scan([
      '--assume-role',
      `arn:aws:iam::${member}:role/${ROLE}`,
      '--region',
      TEST_REGION,
    ]);
    expect(report.live?.accounts).toEqual([member]);
    expect(report.scan.targets).toEqual([`aws://${member}`]);
  }, 60_000);

  test('without --region every region enabled for the account is scanned', async () => {
    const { report } = await scan(['--assume-role', `arn:aws:iam::${member}:role/${ROLE}`]);
    expect(report.live?.regions).toEqual(expect.arrayContaining(['eu-west-1', 'eu-central-1', 'us-east-1']));
    expect(report.live?.regions.length).toBeGreaterThan(10);
    expect(report.live?.calls.failed).toBe(0);
  }, 90_000);
});
