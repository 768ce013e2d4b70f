/**
 * A tool's findings next to the ground truth the corpus generator recorded, control by control: found
 * (failing resources it reported), missed (failing resources it did not report) and extra (resources it
 * reported that the generator made compliant).
 */
import { CONTROLS, keyOf, type Control, type FindingKey } from '../corpus/controls';

export interface ControlScore {
  found: number;
  missed: number;
  extra: number;
}

export function scoreFindings(
  truth: readonly FindingKey[],
  reported: readonly FindingKey[],
): Record<Control, ControlScore> {
  const expected = new Set(truth.map(keyOf));
  const seen = new Set<string>();
  const scores = Object.fromEntries(
    CONTROLS.map((control) => [control, { found: 0, missed: 0, extra: 0 }]),
  ) as Record<Control, ControlScore>;
  for (const finding of reported) {
    const key = keyOf(finding);
    if (seen.has(key)) continue; // a tool that reports one resource twice finds it once
    seen.add(key);
    if (expected.has(key)) scores[finding.control].found++;
    else scores[finding.control].extra++;
  }
  for (const finding of truth) if (!seen.has(keyOf(finding))) scores[finding.control].missed++;
  return scores;
}
