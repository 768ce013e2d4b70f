import { App, Stack, Validations } from 'aws-cdk-lib';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LexguardValidationPlugin, suppress, type LexguardValidationPluginProps } from '../../../scanner/cdk';
import { DEFAULT_CONFIG } from '../../../scanner/config/load-config';
import { LexguardError } from '../../../scanner/errors';
import { APP_CONTEXT, DEPLOYMENT, documentStore } from '../../_fixtures/cdk-app/document-store';
import { fixture } from '../../_helpers/paths';

/** The scan date the suppressions below are judged against. */
const NOW = (): Date => new Date('2026-11-23T12:00:00Z');

/** The firm's attestations of the practices no API shows, which the hardened store's scan needs too. */
const ATTESTATIONS = fixture('attestations', 'all-current.yaml');

/**
 * A small real CDK app (aws-cdk-lib 2.276, synthesized in this process) with lexguard registered as its
 * validation plugin, and one document bucket shaped by `shape`.
 */
function synth(
  shape: (stack: Stack) => s3.Bucket,
  props: LexguardValidationPluginProps = {},
  after: (bucket: s3.Bucket) => void = () => undefined,
): () => void {
  const app = new App({ outdir: mkdtempSync(path.join(tmpdir(), 'lexguard-cdk-')), context: APP_CONTEXT });
  Validations.of(app).addPlugins(
    new LexguardValidationPlugin({
      now: NOW,
      parameters: DEPLOYMENT,
      attestationsFile: ATTESTATIONS,
      ...props,
    }),
  );
  const stack = new Stack(app, 'DocumentStore');
  after(shape(stack));
  return () => app.synth();
}

/** The document store meeting every control a template can show. */
const hardened = (stack: Stack): s3.Bucket => documentStore(stack);

/** The control a test weakens: S3-managed encryption instead of the firm's own KMS key (LG-S3-001). */
const weakened = (stack: Stack): s3.Bucket => documentStore(stack, 's3-managed');

/** A key from another stack: lexguard cannot see it, so the encryption control is UNKNOWN. */
const importedKey = (stack: Stack): s3.Bucket => documentStore(stack, 'imported-key');

function synthError(run: () => void): string {
  try {
    run();
  } catch (thrown) {
    return thrown instanceof Error ? thrown.message : String(thrown);
  }
  throw new Error('expected the synth to fail, but it passed');
}

describe('LexguardValidationPlugin in cdk synth', () => {
  let printed: jest.SpyInstance;
  beforeEach(() => {
    // CDK prints a validation report that did not fail the synth on standard error.
    printed = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => printed.mockRestore());

  it('fails the synth with lexguard’s violation, its fix and the construct, when a control is weakened', () => {
    const message = synthError(synth(weakened));
    expect(message).toContain('lexguard');
    expect(message).toContain('LG-S3-001');
    expect(message).toMatch(/FAIL: .*(AES256|KMS)/);
    expect(message).toContain('DocumentStore/Documents/Resource');
    expect(message).not.toContain('LG-S3-003');
  });

  it('passes the synth when the control is met', () => {
    expect(synth(hardened)).not.toThrow();
  });

  it('passes when the violation is acknowledged with CDK’s Validations.acknowledge', () => {
    const acknowledged = synth(weakened, {}, (bucket) =>
      Validations.of(bucket).acknowledge({
        id: 'lexguard::LG-S3-001',
        reason: 'migration bucket, see RISK-12',
      }),
    );
    expect(acknowledged).not.toThrow();
  });

  it('passes when the finding is suppressed from code with a lexguard suppression in force', () => {
    const suppressed = synth(weakened, {}, (bucket) =>
      suppress(bucket, {
        rule: 'LG-S3-001',
        reason: 'replica of a vendor bucket; key migration tracked in RISK-12',
        owner: 'platform-team',
        expires: '2026-12-31',
      }),
    );
    expect(suppressed).not.toThrow();
  });

  it('fails again, saying so, once the lexguard suppression has expired', () => {
    const lapsed = synth(weakened, {}, (bucket) =>
      suppress(bucket, {
        rule: 'LG-S3-001',
        reason: 'temporary',
        owner: 'platform-team',
        expires: '2026-11-22',
      }),
    );
    expect(synthError(lapsed)).toMatch(/suppression expired on 2026-11-22/);
  });

  it('fails on an UNKNOWN by default, and prints it as a warning without failing when asked to warn', () => {
    expect(synthError(synth(importedKey))).toMatch(
      /UNKNOWN: .*SharedDocumentsKeyArn[\s\S]*lexguard::LG-S3-001/,
    );
    expect(synth(importedKey, { unknown: 'warn' })).not.toThrow();
    const report = printed.mock.calls.map((call) => String(call[0])).join('\n');
    expect(report).toMatch(/WARN.*UNKNOWN: .*SharedDocumentsKeyArn[\s\S]*lexguard::LG-S3-001/);
  });

  it('refuses a suppression without a reason when the app is built, naming the construct', () => {
    const app = new App({ context: APP_CONTEXT });
    const bucket = weakened(new Stack(app, 'DocumentStore'));
    const attempt = (): void =>
      suppress(bucket, { rule: 'LG-S3-001', reason: ' ', owner: 'platform-team', expires: '2026-12-31' });
    expect(attempt).toThrow(LexguardError);
    expect(attempt).toThrow(/DocumentStore\/Documents: suppressions\[0\]\.reason must match pattern/);
  });

  it('fails the synth, naming file and line, when the central suppressions file is invalid', () => {
    const file = fixture('suppressions', 'missing-owner.yaml');
    const message = synthError(synth(hardened, { suppressionsFile: file }));
    expect(message).toContain(`${file}:7:5: suppressions[1].owner is required`);
  });

  it('reads the attestations and fails the synth on one that has lapsed', () => {
    const message = synthError(synth(hardened, { attestationsFile: fixture('attestations', 'firm.yaml') }));
    expect(message).toMatch(
      /FAIL: the attestation of CP-10\.restore-tests by platform-team .* lapsed on 2026-04-01/,
    );
    expect(message).toContain('lexguard::LG-ATT-001');
  });

  it('judges by the configuration the app gives it, when it gives one', () => {
    const config = { ...DEFAULT_CONFIG, skipRules: ['LG-S3-001'] };
    expect(synth(weakened, { config })).not.toThrow();
  });

  it('judges each stack in the region CDK says it is deployed in', () => {
    const app = new App({ outdir: mkdtempSync(path.join(tmpdir(), 'lexguard-cdk-')), context: APP_CONTEXT });
    Validations.of(app).addPlugins(
      new LexguardValidationPlugin({ now: NOW, attestationsFile: ATTESTATIONS }),
    );
    documentStore(new Stack(app, 'Approved', { env: { account: '111122223333', region: 'eu-west-1' } }));
    documentStore(new Stack(app, 'Elsewhere', { env: { account: '111122223333', region: 'us-east-1' } }));
    const message = synthError(() => app.synth());
    expect(message).toMatch(/LG-S3-015[\s\S]*Elsewhere\/Documents/);
    expect(message).not.toMatch(/Approved\/Documents/);
    expect(message).not.toContain('UNKNOWN');
  });

  it('judges the app as one account: the trail, alarms and password policy of one stack serve its others', () => {
    const app = new App({ outdir: mkdtempSync(path.join(tmpdir(), 'lexguard-cdk-')), context: APP_CONTEXT });
    Validations.of(app).addPlugins(
      new LexguardValidationPlugin({ now: NOW, parameters: DEPLOYMENT, attestationsFile: ATTESTATIONS }),
    );
    documentStore(new Stack(app, 'DocumentStore'));
    // A stack with nothing of its own to judge; read alone, its account would have no trail (LG-CT-001).
    new ssm.StringParameter(new Stack(app, 'Settings'), 'Stage', { stringValue: 'production' });
    expect(() => app.synth()).not.toThrow();
  });

  it('names every rule it evaluates and its version for CDK’s report', () => {
    const plugin = new LexguardValidationPlugin();
    expect(plugin.ruleIds).toEqual(expect.arrayContaining(['LG-S3-001', 'LG-S3-003', 'LG-KMS-001']));
    expect(plugin.version).toMatch(/^\d+\.\d+\.\d+/);
  });
});
