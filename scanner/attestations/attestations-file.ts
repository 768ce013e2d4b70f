import type { IsoDate, Text } from '../suppressions/suppressions-file';

/**
 * The attestations file (`lexguard.attestations.yaml`, or `--attestations FILE`): for each attested control
 * of the catalog (`policies/catalog/clauses.yaml`, e.g. `CP-15.training`), who attests the practice, when,
 * the evidence and when the attestation lapses. Its JSON Schema, `attestations.schema.json`, is generated
 * from `AttestationsFile` (`npm run generate`).
 */
export interface AttestationsFile {
  attestations: Record<string, AttestationEntry>;
}

export interface AttestationEntry {
  /** Who attests the practice: a person or a team. */
  owner: Text;
  /** The day it was attested, YYYY-MM-DD. */
  date: IsoDate;
  /** Where the evidence is: a link or a document reference. */
  evidence: Text;
  /** The day the attestation lapses, YYYY-MM-DD: from that day on the control fails until it is attested again. */
  expires: IsoDate;
}
