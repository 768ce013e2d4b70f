import type { Finding, FindingLocation } from './finding';

/** What a finding belongs to, for grouping: its template file, its account and region, or the scan target. */
export function targetOf(location: FindingLocation): string {
  if (location.kind === 'template') return location.file;
  if (location.kind === 'live') return `${location.account} ${location.region}`;
  return location.target;
}

/** Where to look, on one line: `LogicalId (construct path) file:line:column`, or `arn [api call]`. */
export function describeLocation(finding: Pick<Finding, 'location' | 'resource'>): string {
  const { location } = finding;
  if (location.kind === 'template') {
    const line =
      location.line !== undefined
        ? `:${location.line}${location.column !== undefined ? `:${location.column}` : ''}`
        : '';
    const construct = location.construct_path ? ` (${location.construct_path})` : '';
    return `${location.logical_id}${construct} ${location.file}${line}`;
  }
  if (location.kind === 'live') return `${location.arn}${location.call ? ` [${location.call}]` : ''}`;
  return finding.resource.id === '*' ? 'scan' : finding.resource.id;
}
