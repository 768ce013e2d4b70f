import { readPolicyBundle } from '../../scanner/engine/policy-bundle';

/**
 * Refuses to run the tests against a policy bundle built from other Rego sources than the ones in the
 * tree: a stale bundle would test yesterday's rules. `npm test` rebuilds it first; running jest alone
 * after editing a rule fails here, loudly.
 */
export default function globalSetup(): void {
  try {
    readPolicyBundle();
  } catch (thrown) {
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    throw new Error(`cannot run the tests: ${message}`);
  }
}
