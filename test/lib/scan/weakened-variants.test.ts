import { PolicyEngine } from '../../../scanner/engine/policy-engine';
import { describeFinding, scanStore } from '../../_helpers/scan-store';
import { buildStore } from '../../_helpers/store-app';
import { SECURE_CONTROLS, type SecurityControls } from '../../../lib/config/security-controls';
import { WEAKENINGS } from './weakenings';

let engine: PolicyEngine;

beforeAll(async () => {
  engine = await PolicyEngine.load();
});

describe('lexguard on the synthesized document store', () => {
  it('finds nothing failed, broken or unknown in the stacks as built', () => {
    const report = scanStore(buildStore(), engine);
    expect(report.errors).toEqual([]);
    expect(
      report.findings
        .filter((finding) => finding.status !== 'PASS' && finding.status !== 'NOT_APPLICABLE')
        .map(describeFinding),
    ).toEqual([]);
    expect(report.findings.filter((finding) => finding.status === 'PASS').length).toBeGreaterThan(0);
  });

  it('weakens every control the stacks can be built without, each judged by a rule', () => {
    const weakened = new Set(WEAKENINGS.flatMap((row) => Object.keys(row.weaken)));
    const controls = Object.keys(SECURE_CONTROLS) as Array<keyof SecurityControls>;
    expect(controls.filter((control) => !weakened.has(control))).toEqual([]);
    expect(WEAKENINGS.filter((row) => row.failingRules.length === 0)).toEqual([]);
  });

  it('has every rule the weakening table expects', () => {
    const known = new Set(engine.rules.map((rule) => rule.id));
    expect(WEAKENINGS.flatMap((row) => row.failingRules).filter((id) => !known.has(id))).toEqual([]);
  });

  describe.each(WEAKENINGS.map((row) => [JSON.stringify(row.weaken), row] as const))(
    'built with %s',
    (_name, row) => {
      it(`fails ${row.failingRules.join(', ')}`, () => {
        const report = scanStore(buildStore({ controls: row.weaken }), engine);
        const failed = new Set(
          report.findings.filter((finding) => finding.status === 'FAIL').map((finding) => finding.rule_id),
        );
        expect(row.failingRules.filter((id) => !failed.has(id))).toEqual([]);
      });
    },
  );
});
