import { SEVERITIES } from '../findings/severity';
import { RESOURCE_KINDS } from '../model/collections';

/**
 * JSON Schema of the `custom:` block of a rule's METADATA annotation. The policy build rejects a rule
 * whose metadata does not match, naming the file, so no rule ships without an id, severity, clauses or
 * remediation.
 */
export const RULE_CUSTOM_METADATA_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'severity', 'clauses', 'resource_kinds', 'sources', 'remediation'],
  properties: {
    id: { type: 'string', pattern: '^LG-[A-Z0-9]+-[0-9]{3}$' },
    severity: { enum: [...SEVERITIES] },
    clauses: {
      type: 'array',
      minItems: 1,
      uniqueItems: true,
      items: { type: 'string', pattern: '^CP-(0[1-9]|1[0-5])$' },
    },
    resource_kinds: {
      type: 'array',
      minItems: 1,
      uniqueItems: true,
      items: { enum: [...RESOURCE_KINDS, 'attestation'] },
    },
    sources: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: ['template', 'live'] } },
    remediation: { type: 'string', minLength: 10 },
    cdk: { type: 'string', minLength: 1 },
  },
} as const;
