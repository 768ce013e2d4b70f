import { CloudWatchLogsClient, CreateLogGroupCommand } from '@aws-sdk/client-cloudwatch-logs';
import pLimit from 'p-limit';
import { PolicyEngine } from '../../../../scanner/engine/policy-engine';
import { pointSdkAt } from '../../../_helpers/aws-env';
import { startAwsProxy, type AwsProxy } from '../../../_helpers/aws-proxy';
import { scanTestAccount } from '../../../_helpers/live-lab';
import { startMoto, type Moto } from '../../../_helpers/moto';

/**
 * A listing longer than one page is followed to its end. moto 5.2.5 pages CloudWatch Logs' log groups
 * (50 a page, as AWS does) but answers KMS keys and IAM details in one page, so log groups prove it.
 */
const LOG_GROUPS = 120;
let moto: Moto;
let proxy: AwsProxy;
let restore: () => void;

beforeAll(async () => {
  moto = await startMoto();
  restore = pointSdkAt(moto.endpoint);
  const logs = new CloudWatchLogsClient({});
  const limit = pLimit(8);
  await Promise.all(
    Array.from({ length: LOG_GROUPS }, (_, i) =>
      limit(() => logs.send(new CreateLogGroupCommand({ logGroupName: `group-${i}` }))),
    ),
  );
  logs.destroy();
  proxy = await startAwsProxy({ upstream: moto.endpoint });
  restore();
  restore = pointSdkAt(proxy.endpoint);
}, 120_000);

afterAll(async () => {
  restore?.();
  await proxy?.stop();
  await moto?.stop();
});

test('every log group of a listing three pages long is read', async () => {
  const engine = await PolicyEngine.load();
  const { collection } = await scanTestAccount(engine);
  expect(Object.keys(collection.model.logs_log_groups)).toHaveLength(LOG_GROUPS);
  expect(proxy.seen.filter((request) => request.operation === 'logs:DescribeLogGroups')).toHaveLength(3);
}, 90_000);
