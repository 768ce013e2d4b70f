import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { attemptOf, operationOf, type WireRequest } from './aws-operation';

/** A fault the proxy injects instead of forwarding a request. */
export type Fault = 'throttle' | 'server-error' | 'timeout' | 'reset' | 'slow' | 'deny' | 'bad-signature';

export const FAULTS: readonly Fault[] = [
  'throttle',
  'server-error',
  'timeout',
  'reset',
  'slow',
  'deny',
  'bad-signature',
];

export interface FaultRule {
  /** Operations it applies to (`s3:GetBucketPolicy`), or `*` for every operation. */
  operations: readonly string[] | '*';
  fault: Fault;
  /** Inject only on these attempts of each call (1-based); every attempt when absent. */
  attempts?: readonly number[];
}

/** A recorded AWS response served for an operation the emulator lacks. */
export interface RecordedResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface AwsProxyOptions {
  /** The emulator behind the proxy, e.g. moto's `http://127.0.0.1:PORT`. */
  upstream: string;
  faults?: FaultRule[];
  /** Answers for operations the emulator does not implement, by operation; `undefined` forwards. */
  recorded?: Record<string, (request: WireRequest) => RecordedResponse | undefined>;
  /** How long a `timeout` fault holds the request before dropping it (ms). */
  holdMs?: number;
  /** How long a `slow` fault delays a request before forwarding it (ms; default 400). */
  slowMs?: number;
}

export interface AwsProxy {
  endpoint: string;
  port: number;
  /** Every request seen, in order: operation, attempt number, and the access key id it was signed with. */
  seen: Array<{ operation: string; attempt: number; fault?: Fault; accessKeyId?: string }>;
  setFaults(faults: FaultRule[]): void;
  stop(): Promise<void>;
}

/**
 * A small HTTP server on 127.0.0.1 in front of the emulator: it forwards each request, or injects a fault
 * for the operations a test names (HTTP 429 throttling, HTTP 503, a response that never comes, a reset
 * connection, a slow answer, AccessDenied or SignatureDoesNotMatch in the service's own error format), or serves a recorded AWS response for an operation the
 * emulator lacks. Every request it sees is recorded by operation.
 */
export async function startAwsProxy(options: AwsProxyOptions): Promise<AwsProxy> {
  let faults = options.faults ?? [];
  const seen: AwsProxy['seen'] = [];
  const upstream = new URL(options.upstream);
  const held = new Set<ServerResponse>();
  const server: Server = createServer((incoming, response) => {
    void readBody(incoming).then((body) => {
      const wire: WireRequest = {
        method: incoming.method ?? 'GET',
        url: incoming.url ?? '/',
        headers: incoming.headers,
        body,
      };
      const operation = operationOf(wire);
      const attempt = attemptOf(wire);
      const fault = faults.find(
        (rule) =>
          (rule.operations === '*' || rule.operations.includes(operation)) &&
          (!rule.attempts || rule.attempts.includes(attempt)),
      )?.fault;
      const accessKeyId = accessKeyIdOf(wire);
      seen.push({ operation, attempt, ...(fault ? { fault } : {}), ...(accessKeyId ? { accessKeyId } : {}) });
      if (fault === 'slow') {
        setTimeout(() => forward(upstream, incoming, body, response), options.slowMs ?? 400).unref();
        return;
      }
      if (fault) return injectFault(fault, wire, response, held, options.holdMs ?? 2000);
      const recorded = options.recorded?.[operation]?.(wire);
      if (recorded) {
        response.writeHead(recorded.status, recorded.headers).end(recorded.body);
        return;
      }
      forward(upstream, incoming, body, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    seen,
    setFaults: (next) => {
      faults = next;
    },
    stop: () =>
      new Promise((resolve) => {
        for (const response of held) response.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readBody(incoming: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    incoming.on('error', reject);
  });
}

function forward(upstream: URL, incoming: IncomingMessage, body: string, response: ServerResponse): void {
  const outgoing = httpRequest(
    {
      host: upstream.hostname,
      port: upstream.port,
      method: incoming.method,
      path: incoming.url,
      headers: incoming.headers,
    },
    (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    },
  );
  outgoing.on('error', () => response.writeHead(502).end());
  outgoing.end(body);
}

function injectFault(
  fault: Exclude<Fault, 'slow'>,
  wire: WireRequest,
  response: ServerResponse,
  held: Set<ServerResponse>,
  holdMs: number,
): void {
  if (fault === 'timeout') {
    // Never answer within the client's timeout; drop the connection later so nothing lingers.
    held.add(response);
    setTimeout(() => {
      held.delete(response);
      response.destroy();
    }, holdMs).unref();
    return;
  }
  if (fault === 'reset') {
    // The connection drops with no answer at all (ECONNRESET on the client).
    response.socket?.resetAndDestroy();
    return;
  }
  if (fault === 'throttle')
    return void response.writeHead(429, { 'content-type': 'text/plain' }).end('Rate exceeded');
  if (fault === 'server-error')
    return void response.writeHead(503, { 'content-type': 'text/plain' }).end('Service Unavailable');
  const refused = fault === 'deny' ? accessDenied(wire) : badSignature(wire);
  response.writeHead(403, refused.headers).end(refused.body);
}

function accessKeyIdOf(wire: WireRequest): string | undefined {
  const authorization = wire.headers.authorization;
  return /Credential=([^/]+)\//.exec(
    Array.isArray(authorization) ? authorization[0] : (authorization ?? ''),
  )?.[1];
}

/**
 * SignatureDoesNotMatch as AWS really answers it, which is the most talkative error there is: query and
 * JSON services quote the canonical request in the message (every signed header's value, the session
 * token among them), and S3 adds the access key id and the canonical request as elements of its error.
 * A report, log or error that repeats what an SDK error says would leak credentials through it.
 */
function badSignature(wire: WireRequest): { headers: Record<string, string>; body: string } {
  const url = new URL(wire.url, 'http://local');
  const signedHeaders = Object.entries(wire.headers)
    .filter(([name]) => name !== 'authorization')
    .map(([name, value]) => `${name}:${Array.isArray(value) ? value.join(',') : (value ?? '')}`)
    .sort();
  const canonical = [wire.method, url.pathname, url.search.slice(1), ...signedHeaders, ''].join('\n');
  const message =
    'The request signature we calculated does not match the signature you provided. Check your AWS Secret ' +
    `Access Key and signing method.\n\nThe Canonical String for this request should have been\n'${canonical}'`;
  if (wire.headers['x-amz-target'] || /\/backup|\/tags\//.test(wire.url)) {
    return {
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amzn-errortype': 'InvalidSignatureException',
      },
      body: JSON.stringify({ __type: 'InvalidSignatureException', message }),
    };
  }
  if (new URLSearchParams(wire.body).get('Action')) {
    return {
      headers: { 'content-type': 'text/xml' },
      body: `<ErrorResponse><Error><Type>Sender</Type><Code>SignatureDoesNotMatch</Code><Message>${xmlText(message)}</Message></Error><RequestId>lexguard-test</RequestId></ErrorResponse>`,
    };
  }
  return {
    headers: { 'content-type': 'application/xml' },
    body:
      `<?xml version="1.0" encoding="UTF-8"?><Error><Code>SignatureDoesNotMatch</Code><Message>${xmlText(message)}</Message>` +
      `<AWSAccessKeyId>${xmlText(accessKeyIdOf(wire) ?? '')}</AWSAccessKeyId><CanonicalRequest>${xmlText(canonical)}</CanonicalRequest>` +
      `<RequestId>lexguard-test</RequestId></Error>`,
  };
}

const xmlText = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** AccessDenied as each protocol writes its errors, so the SDK reads the code as AWS would send it. */
function accessDenied(wire: WireRequest): { headers: Record<string, string>; body: string } {
  const message = 'User: arn:aws:iam::123456789012:user/scanner is not authorized to perform this action';
  if (wire.headers['x-amz-target'] || /\/backup|\/tags\//.test(wire.url)) {
    return {
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': 'AccessDeniedException' },
      body: JSON.stringify({ __type: 'AccessDeniedException', message }),
    };
  }
  if (new URLSearchParams(wire.body).get('Action')) {
    return {
      headers: { 'content-type': 'text/xml' },
      body: `<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>${message}</Message></Error><RequestId>lexguard-test</RequestId></ErrorResponse>`,
    };
  }
  return {
    headers: { 'content-type': 'application/xml' },
    body: `<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>lexguard-test</RequestId></Error>`,
  };
}
