import { DEFAULT_CONFIG } from '../../scanner/config/load-config';
import { PolicyEngine } from '../../scanner/engine/policy-engine';
import type { Finding } from '../../scanner/findings/finding';
import { scanLive, type LiveTuning } from '../../scanner/scan/scan-live';
import { pointSdkAt, TEST_REGION } from './aws-env';
import { startAwsProxy, type AwsProxy } from './aws-proxy';
import { buildEstate, type Estate } from './live-estate';
import { addServices } from './live-estate-services';
import { startMoto, type Moto } from './moto';
import { recordedBackupSelections } from './recorded-backup';

/** Fast retries and short timeouts, so fault tests take seconds; the retry logic is the SDK's own. */
export const FAST_TUNING: Partial<LiveTuning> = {
  maxAttempts: 4,
  retryBaseDelayMs: 1,
  attemptTimeoutMs: 1500,
  callTimeoutMs: 20_000,
};

/** moto, the test proxy in front of it, and the estate built in it: what every live test scans. */
export interface LiveLab {
  moto: Moto;
  proxy: AwsProxy;
  estate: Estate;
  engine: PolicyEngine;
  scan(tuning?: Partial<LiveTuning>): ReturnType<typeof scanLive>;
  stop(): Promise<void>;
}

export const ESTATE_PREFIX = 'lg';

/** Starts moto and the proxy, builds the full estate, and points the SDK at the proxy through the environment. */
export async function startLiveLab(): Promise<LiveLab> {
  const moto = await startMoto();
  let restore = pointSdkAt(moto.endpoint);
  let proxy: AwsProxy | undefined;
  try {
    const estate = await buildEstate(ESTATE_PREFIX);
    await addServices(estate, ESTATE_PREFIX, estate.ids['docs-key']);
    proxy = await startAwsProxy({
      upstream: moto.endpoint,
      recorded: recordedBackupSelections(estate.ids['plan-id'], estate.ids.docs),
      holdMs: 3000,
    });
    restore();
    restore = pointSdkAt(proxy.endpoint);
    const engine = await PolicyEngine.load();
    const started = proxy;
    return {
      moto,
      proxy: started,
      estate,
      engine,
      scan: (tuning = FAST_TUNING) => scanTestAccount(engine, tuning),
      stop: async () => {
        restore();
        await started.stop();
        await moto.stop();
      },
    };
  } catch (thrown) {
    restore();
    await proxy?.stop();
    await moto.stop();
    throw thrown;
  }
}

/** Scans the account the environment points at, in the test region, with the policy's defaults. */
export function scanTestAccount(
  engine: PolicyEngine,
  tuning: Partial<LiveTuning> = FAST_TUNING,
): ReturnType<typeof scanLive> {
  return scanLive({
    engine,
    config: DEFAULT_CONFIG,
    accounts: { kind: 'current' },
    regions: [TEST_REGION],
    homeRegion: TEST_REGION,
    tuning,
  });
}

/** `rule resource → status` for every finding about a resource, for comparing runs. */
export function statusesOf(findings: readonly Finding[]): Map<string, string> {
  return new Map(
    findings
      .filter((finding) => finding.resource.id !== '*')
      .map((finding) => [`${finding.rule_id} ${finding.resource.id}`, finding.status]),
  );
}
