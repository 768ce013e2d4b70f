import type { Attestation } from '../model/model';
import type { Attestations } from './load-attestations';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The attestations as the model and the report carry them, with the days left until each lapses counted
 * from the scan's time: negative from the start (UTC) of its `expires` day, as the audit report counts a
 * lapsed attestation. Rules read the days because the Wasm runtime has no time builtins.
 */
export function attestationsAt(attestations: Attestations, scannedAt: string): Record<string, Attestation> {
  const now = new Date(scannedAt).getTime();
  return Object.fromEntries(
    Object.entries(attestations).map(([control, entry]) => [
      control,
      {
        ...entry,
        days_until_expiry: Math.floor((new Date(`${entry.expires}T00:00:00Z`).getTime() - now) / DAY_MS),
      },
    ]),
  );
}
