import dns from 'node:dns';
import { MOTO_CREDENTIALS } from './moto';

export const TEST_REGION = 'eu-west-1';

/**
 * Points the AWS SDK's standard configuration at a local endpoint through the environment only, as a user
 * would point lexguard at an emulator: `AWS_ENDPOINT_URL`, static test credentials, a region, and no
 * shared config files. Returns a function that restores the previous environment.
 *
 * S3 Control puts the account id in front of the host (`123456789012.<host>`), which an IP address cannot
 * carry, so its endpoint is `localhost` and `*.localhost` names resolve to the loopback address as RFC 6761
 * says they should (Debian's resolver does not do it by itself). This only changes name resolution of
 * `*.localhost` in the test process; requests still go over real HTTP to the emulator.
 */
export function pointSdkAt(endpoint: string): () => void {
  const port = new URL(endpoint).port;
  const values: Record<string, string> = {
    AWS_ENDPOINT_URL: endpoint,
    AWS_ENDPOINT_URL_S3_CONTROL: `http://localhost:${port}`,
    AWS_ACCESS_KEY_ID: MOTO_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: MOTO_CREDENTIALS.secretAccessKey,
    AWS_REGION: TEST_REGION,
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  const previous = Object.fromEntries(Object.keys(values).map((key) => [key, process.env[key]]));
  const removed = ['AWS_PROFILE', 'AWS_SESSION_TOKEN'].map((key) => [key, process.env[key]] as const);
  Object.assign(process.env, values);
  for (const [key] of removed) delete process.env[key];
  const restoreDns = resolveLocalhostSubdomains();
  return () => {
    restoreDns();
    for (const [key, value] of [...Object.entries(previous), ...removed]) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
}

type Lookup = typeof dns.lookup;

function resolveLocalhostSubdomains(): () => void {
  const original: Lookup = dns.lookup;
  const patched = ((hostname: string, ...rest: unknown[]) =>
    (original as (...args: unknown[]) => void)(
      hostname.endsWith('.localhost') ? 'localhost' : hostname,
      ...rest,
    )) as unknown as Lookup;
  dns.lookup = patched;
  return () => {
    dns.lookup = original;
  };
}
