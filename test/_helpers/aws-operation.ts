/**
 * Names the AWS operation an HTTP request calls, as `service:Operation` (the form lexguard's declared call
 * list uses), from what is on the wire: the JSON protocols' `X-Amz-Target`, the query protocols' `Action`,
 * or the REST routes of S3, S3 Control and AWS Backup. Used by the test proxy to inject faults per
 * operation and to record which calls a scan really made.
 */
export interface WireRequest {
  method: string;
  /** Path and query string, e.g. `/docs?encryption`. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Signing names that differ from the service prefix lexguard uses. */
const SERVICE_OF_SIGNING_NAME: Record<string, string> = { monitoring: 'cloudwatch' };

export function operationOf(request: WireRequest): string {
  const service = signingName(request);
  const target = header(request, 'x-amz-target');
  if (target) return `${service}:${target.slice(target.lastIndexOf('.') + 1)}`;
  const action = new URLSearchParams(request.body).get('Action');
  if (action) return `${service}:${action}`;
  const url = new URL(request.url, 'http://local');
  if (service === 's3' && url.pathname.startsWith('/v20180820/'))
    return `s3control:${restVerb(request.method)}PublicAccessBlock`;
  if (service === 's3') return `s3:${s3Operation(request.method, url)}`;
  if (service === 'backup') return `backup:${backupOperation(request.method, url.pathname)}`;
  return `${service}:${request.method} ${url.pathname}`;
}

function header(request: WireRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The service of the SigV4 credential scope: `Credential=<key>/<date>/<region>/<service>/aws4_request`. */
function signingName(request: WireRequest): string {
  const match = /Credential=[^/]+\/[^/]+\/[^/]+\/([^/]+)\//.exec(header(request, 'authorization') ?? '');
  const name = match?.[1] ?? 'unknown';
  return SERVICE_OF_SIGNING_NAME[name] ?? name;
}

function restVerb(method: string): string {
  return method === 'GET' ? 'Get' : method === 'PUT' ? 'Put' : method === 'DELETE' ? 'Delete' : method;
}

const S3_SUBRESOURCES: Record<string, string> = {
  location: 'BucketLocation',
  encryption: 'BucketEncryption',
  publicAccessBlock: 'PublicAccessBlock',
  policy: 'BucketPolicy',
  policyStatus: 'BucketPolicyStatus',
  acl: 'BucketAcl',
  ownershipControls: 'BucketOwnershipControls',
  versioning: 'BucketVersioning',
  'object-lock': 'ObjectLockConfiguration',
  logging: 'BucketLogging',
  lifecycle: 'BucketLifecycleConfiguration',
  replication: 'BucketReplication',
  tagging: 'BucketTagging',
};

function s3Operation(method: string, url: URL): string {
  if (url.pathname === '/' && method === 'GET') return 'ListBuckets';
  const sub = [...url.searchParams.keys()].find((key) => key in S3_SUBRESOURCES);
  if (sub) return `${restVerb(method)}${S3_SUBRESOURCES[sub]}`;
  return method === 'PUT' && url.pathname.split('/').filter(Boolean).length === 1
    ? 'CreateBucket'
    : `${method} object`;
}

const BACKUP_ROUTES: Array<[string, RegExp, string]> = [
  ['GET', /^\/backup-vaults\/?$/, 'ListBackupVaults'],
  ['GET', /^\/backup\/plans\/?$/, 'ListBackupPlans'],
  ['GET', /^\/backup\/plans\/[^/]+\/?$/, 'GetBackupPlan'],
  ['GET', /^\/backup\/plans\/[^/]+\/selections\/?$/, 'ListBackupSelections'],
  ['GET', /^\/backup\/plans\/[^/]+\/selections\/[^/]+\/?$/, 'GetBackupSelection'],
  ['GET', /^\/tags\/.+/, 'ListTags'],
];

function backupOperation(method: string, path: string): string {
  for (const [verb, pattern, name] of BACKUP_ROUTES) if (verb === method && pattern.test(path)) return name;
  return `${method} ${path}`;
}

/** The SDK numbers each call's attempts in `amz-sdk-request: attempt=N; max=M`. */
export function attemptOf(request: WireRequest): number {
  const match = /attempt=(\d+)/.exec(header(request, 'amz-sdk-request') ?? '');
  return match ? Number(match[1]) : 1;
}
