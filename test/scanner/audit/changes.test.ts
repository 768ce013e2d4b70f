import fc from 'fast-check';
import { compareScans } from '../../../scanner/audit/changes';
import { fingerprintOf } from '../../../scanner/findings/fingerprint';
import { isOpen, STATUSES, type Status } from '../../../scanner/findings/status';
import { fingerprintAt, scanReport, templateFinding } from '../../_helpers/scan-reports';

const at = (resource: string, status: Status, property?: string) =>
  templateFinding({ resource, status, ...(property ? { property } : {}) });

describe('compareScans', () => {
  it('tells new, regressed, still open, fixed and waived findings apart', () => {
    const before = scanReport([
      at('s/Kept', 'FAIL'),
      at('s/Fixed', 'FAIL'),
      at('s/Removed', 'UNKNOWN'),
      at('s/Broke', 'PASS'),
      at('s/Accepted', 'FAIL'),
    ]);
    const after = scanReport([
      at('s/Kept', 'UNKNOWN'),
      at('s/Fixed', 'PASS'),
      at('s/Broke', 'FAIL'),
      at('s/Accepted', 'WAIVED'),
      at('s/Added', 'FAIL'),
    ]);
    const comparison = compareScans(after, before);
    expect(Object.fromEntries(comparison.changeOf)).toEqual({
      [fingerprintAt('s/Kept')]: 'still_open',
      [fingerprintAt('s/Broke')]: 'regressed',
      [fingerprintAt('s/Added')]: 'new',
    });
    expect(comparison.fixed.map((f) => [f.resource.id, f.was, f.now])).toEqual([
      ['s/Fixed', 'FAIL', 'PASS'],
      ['s/Removed', 'UNKNOWN', 'ABSENT'],
    ]);
    expect(comparison.waived).toEqual([fingerprintAt('s/Accepted')]);
  });

  it('keys findings by rule, resource and property, not by message or line', () => {
    const before = scanReport([at('s/B', 'FAIL', 'encryption.algorithm')]);
    const moved = { ...at('s/B', 'FAIL', 'encryption.algorithm'), message: 'reworded' };
    const other = at('s/B', 'FAIL', 'encryption.kms_key');
    const comparison = compareScans(scanReport([moved, other]), before);
    expect(comparison.changeOf.get(fingerprintAt('s/B', 'encryption.algorithm'))).toBe('still_open');
    expect(comparison.changeOf.get(fingerprintAt('s/B', 'encryption.kms_key'))).toBe('new');
  });

  it('matches a failure on a property with the pass on the same rule and resource that names none', () => {
    const failing = at('s/Key', 'FAIL', 'rotation_enabled');
    const fixed = compareScans(scanReport([at('s/Key', 'PASS')]), scanReport([failing]));
    expect(fixed.fixed.map((f) => [f.fingerprint, f.now])).toEqual([
      [fingerprintAt('s/Key', 'rotation_enabled'), 'PASS'],
    ]);
    const regressed = compareScans(scanReport([failing]), scanReport([at('s/Key', 'PASS')]));
    expect(regressed.changeOf.get(fingerprintAt('s/Key', 'rotation_enabled'))).toBe('regressed');
    // An open verdict on another property of the same resource is another defect, not this one.
    const other = compareScans(scanReport([failing]), scanReport([at('s/Key', 'FAIL', 'deletion_window')]));
    expect(other.changeOf.get(fingerprintAt('s/Key', 'rotation_enabled'))).toBe('new');
    expect(other.fixed.map((f) => f.now)).toEqual(['ABSENT']);
  });

  it('counts every open finding as new when there is no previous scan', () => {
    const comparison = compareScans(scanReport([at('s/A', 'FAIL'), at('s/B', 'PASS')]), undefined);
    expect([...comparison.changeOf.values()]).toEqual(['new']);
    expect(comparison.fixed).toEqual([]);
  });

  it('puts every finding of either scan in exactly one place (property)', () => {
    const resources = fc.constantFrom('s/A', 's/B', 's/C', 's/D');
    const findings = fc.uniqueArray(
      fc.record({ resource: resources, status: fc.constantFrom(...STATUSES) }),
      {
        selector: (f) => f.resource,
      },
    );
    fc.assert(
      fc.property(findings, findings, (beforeSpecs, afterSpecs) => {
        const before = scanReport(beforeSpecs.map((f) => at(f.resource, f.status)));
        const after = scanReport(afterSpecs.map((f) => at(f.resource, f.status)));
        const { changeOf, fixed, waived } = compareScans(after, before);
        const openAfter = after.findings.filter((f) => isOpen(f.status)).map(fingerprintOf);
        const openBefore = before.findings.filter((f) => isOpen(f.status)).map(fingerprintOf);
        // Every open finding now has one change; every finding open before and not now is fixed or waived.
        expect([...changeOf.keys()].sort()).toEqual([...openAfter].sort());
        const closed = openBefore.filter((key) => !openAfter.includes(key));
        expect([...fixed.map((f) => f.fingerprint), ...waived].sort()).toEqual(closed.sort());
        for (const key of changeOf.keys()) {
          const was = before.findings.find((f) => fingerprintOf(f) === key)?.status;
          expect(changeOf.get(key)).toBe(
            was === undefined ? 'new' : isOpen(was) ? 'still_open' : 'regressed',
          );
        }
      }),
    );
  });
});
