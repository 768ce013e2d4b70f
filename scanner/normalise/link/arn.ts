/** The fields of an ARN: `arn:partition:service:region:account:resource`. */
export interface ArnParts {
  partition: string;
  service: string;
  region: string;
  account: string;
  /** Everything after the fifth colon, e.g. `log-group:/audit/trail:*` or `role/ops/Admin`. */
  resource: string;
}

/**
 * Splits an ARN into its fields. Template tokens (`{{lexguard:Docs}}`) hold a colon of their own, so a
 * colon inside `{{…}}` does not split: `arn:aws:s3:::{{lexguard:Docs}}/*` has the resource
 * `{{lexguard:Docs}}/*`.
 */
export function parseArn(text: string): ArnParts | undefined {
  if (!text.startsWith('arn:')) return undefined;
  const fields: string[] = [];
  let start = 0;
  let depth = 0;
  for (let index = 0; index < text.length && fields.length < 5; index += 1) {
    if (text.startsWith('{{', index)) {
      depth += 1;
      index += 1;
    } else if (text.startsWith('}}', index) && depth > 0) {
      depth -= 1;
      index += 1;
    } else if (text[index] === ':' && depth === 0) {
      fields.push(text.slice(start, index));
      start = index + 1;
    }
  }
  if (fields.length < 5) return undefined;
  const [, partition, service, region, account] = fields;
  return { partition, service, region, account, resource: text.slice(start) };
}
