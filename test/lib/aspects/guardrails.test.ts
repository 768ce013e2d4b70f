import { readFileSync } from 'node:fs';
import path from 'node:path';
import { addDataStoreGuardrails } from '../../../lib/aspects/guardrails';
import { ruleConfigFor } from '../../../lib/config/scan-config';
import { buildStore, type BuiltStore } from '../../_helpers/store-app';

interface ValidationReport {
  pluginReports: Array<{ pluginName: string; conclusion?: string; violations?: Array<{ ruleName: string }> }>;
}

function validationReport(store: BuiltStore): ValidationReport {
  return JSON.parse(
    readFileSync(path.join(store.app.outdir, 'validation-report.json'), 'utf8'),
  ) as ValidationReport;
}

function violationsIn(report: ValidationReport): string[] {
  return report.pluginReports.flatMap((plugin) =>
    (plugin.violations ?? []).map((violation) => `${plugin.pluginName}: ${violation.ruleName}`),
  );
}

describe('guardrails on synth', () => {
  it('leaves no unacknowledged cdk-nag finding in the AwsSolutions, HIPAA Security or NIST 800-53 rev. 5 packs', () => {
    const store = buildStore({ guardrails: true });
    expect(() => store.assembly()).not.toThrow();
    expect(violationsIn(validationReport(store))).toEqual([]);
  });

  it('fails the synth and names the rule when a control is weakened', () => {
    const store = buildStore({ guardrails: true, controls: { keyRotation: false } });
    expect(() => store.assembly()).toThrow(/Validation failed|ValidationFailed|KMS5/);
    expect(violationsIn(validationReport(store))).toEqual(
      expect.arrayContaining([
        'AwsSolutions: AwsSolutions-KMS5',
        'NIST.800.53.R5: NIST.800.53.R5-KMSBackingKeyRotationEnabled',
      ]),
    );
  });

  it('gives every acknowledgement a reason an auditor can check', () => {
    const store = buildStore({ guardrails: true });
    store.assembly();
    const acknowledgements = store.app.node
      .findAll()
      .flatMap((construct) => construct.node.metadata)
      .filter((entry) => entry.type === 'aws:cdk:acknowledged-rules')
      .flatMap((entry) => Object.entries(entry.data as Record<string, string>));
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
