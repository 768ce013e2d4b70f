import { closestPosition } from '../config/read-yaml-file';
import type { InputProblem } from '../findings/scan-report';
import type { ParsedTemplate } from '../sources/template/parse-template';
import { checkAgainstSchema } from '../util/schema-validation';
import { isCalendarDate, type Suppression } from './suppression';
import type { LexguardMetadata } from './suppressions-file';

/** The key under a resource's `Metadata` where lexguard reads its suppressions. */
export const METADATA_KEY = 'lexguard';
export const METADATA_SCHEMA_FILE = 'scanner/suppressions/metadata.schema.json';

export interface MetadataSuppressions {
  suppressions: Suppression[];
  /** Metadata blocks that were refused, with file and position: the scan reports them and exits 2. */
  problems: InputProblem[];
}

/**
 * Reads the suppressions written in each resource's `Metadata.lexguard` of a template (how CDK users
 * suppress from code). Each covers exactly its resource, `<scope>/<logical id>`, the model id the template
 * normaliser gives it. A block with a suppression lacking its reason, owner or expiry is refused whole and
 * reported as an input problem, so its findings keep failing; the other resources are unaffected.
 */
export function readMetadataSuppressions(template: ParsedTemplate, scope: string): MetadataSuppressions {
  const result: MetadataSuppressions = { suppressions: [], problems: [] };
  for (const [logicalId, declaration] of Object.entries(template.body.Resources)) {
    const metadata = declaration?.Metadata;
    if (typeof metadata !== 'object' || metadata === null || !(METADATA_KEY in metadata)) continue;
    const block: unknown = (metadata as Record<string, unknown>)[METADATA_KEY];
    const base = ['Resources', logicalId, 'Metadata', METADATA_KEY];
    const refuse = (at: Array<string | number>, message: string): void => {
      result.problems.push({
        code: 'INPUT_MALFORMED',
        message: `Metadata.${METADATA_KEY} of ${logicalId}: ${message}`,
        file: template.file,
        ...closestPosition(template.positions, [...base, ...at]),
      });
    };
    const problem = checkAgainstSchema(block, METADATA_SCHEMA_FILE, 'suppression');
    if (problem) {
      refuse(problem.path, problem.message);
      continue;
    }
    const { suppressions } = block as LexguardMetadata;
    const badDate = suppressions.findIndex((entry) => !isCalendarDate(entry.expires));
    if (badDate >= 0) {
      refuse(['suppressions', badDate, 'expires'], `suppressions[${badDate}].expires is not a date`);
      continue;
    }
    suppressions.forEach((entry, index) => {
      result.suppressions.push({
        rule: entry.rule,
        reason: entry.reason,
        owner: entry.owner,
        expires: entry.expires,
        scope: { kind: 'resource', resource_id: `${scope}/${logicalId}` },
        origin: {
          file: template.file,
          ...template.positions.locate([...base, 'suppressions', index]),
          logical_id: logicalId,
        },
      });
    });
  }
  return result;
}
