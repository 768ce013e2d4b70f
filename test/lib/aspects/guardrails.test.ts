import { addDataStoreGuardrails } from '../../../lib/aspects/data-store-guardrails';
import { ruleConfigFor } from '../../../lib/config/scan-config';
import { buildStore } from '../../_helpers/store-app';
import { acknowledgementsIn, violationsIn } from '../../_helpers/validation';

describe('guardrails on synth', () => {
  it('leaves no unacknowledged cdk-nag finding in the AwsSolutions, HIPAA Security or NIST 800-53 rev. 5 packs', () => {
    const store = buildStore({ guardrails: true });
    expect(() => store.assembly()).not.toThrow();
    expect(violationsIn(store.app.outdir)).toEqual([]);
  });

  it('fails the synth and names the rule when a control is weakened', () => {
    const store = buildStore({ guardrails: true, controls: { keyRotation: false } });
    expect(() => store.assembly()).toThrow(/Validation failed|ValidationFailed|KMS5/);
    expect(violationsIn(store.app.outdir)).toEqual(
      expect.arrayContaining([
        'AwsSolutions: AwsSolutions-KMS5',
        'NIST.800.53.R5: NIST.800.53.R5-KMSBackingKeyRotationEnabled',
      ]),
    );
  });

  it('gives every acknowledgement a reason an auditor can check', () => {
    const store = buildStore({ guardrails: true });
    store.assembly();
    const acknowledgements = acknowledgementsIn(store.app);
    expect(acknowledgements.length).toBeGreaterThan(0);
    for (const [rule, reason] of acknowledgements) expect([rule, reason.length > 40]).toEqual([rule, true]);
  });

  it('fails the synth on every untagged bucket when the tagging control is off, and passes when it is on', () => {
    const synthWith = (requiredTags: boolean) => {
      const store = buildStore({ controls: { requiredTags } });
      addDataStoreGuardrails(store.app, ruleConfigFor(store.config));
      return () => store.assembly();
    };
    expect(synthWith(true)).not.toThrow();
    let message = '';
    try {
      synthWith(false)();
    } catch (thrown) {
      message = thrown instanceof Error ? thrown.message : String(thrown);
    }
    const flagged = [...message.matchAll(/lacks the required tags data-classification[^\n]*\n\s+(\S+)/g)].map(
      (m) => m[1],
    );
    expect(flagged.sort()).toEqual([
      'ExampleLlpDocumentStore/AccessLogs/Logs/Bucket/Resource',
      'ExampleLlpDocumentStore/AuditTrail/Logs/Bucket/Resource',
      'ExampleLlpDocumentStore/Confidential/Documents/Bucket/Resource',
      'ExampleLlpDocumentStore/Internal/Documents/Bucket/Resource',
      'ExampleLlpDocumentStore/Privileged/Documents/Bucket/Resource',
    ]);
  });
});
