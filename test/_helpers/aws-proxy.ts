import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { attemptOf, operationOf, type WireRequest } from './aws-operation';

/** A fault the proxy injects instead of forwarding a request. */
export type Fault = 'throttle' | 'server-error' | 'timeout' | 'deny';

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
}

export interface AwsProxy {
  endpoint: string;
  port: number;
  /** Every request seen, in order: operation and attempt number. */
  seen: Array<{ operation: string; attempt: number; fault?: Fault }>;
  setFaults(faults: FaultRule[]): void;
  stop(): Promise<void>;
}

/**
 * A small HTTP server on 127.0.0.1 in front of the emulator: it forwards each request, or injects a fault
 * for the operations a test names (HTTP 429 throttling, HTTP 503, a response that never comes, or
 * AccessDenied in the service's own error format), or serves a recorded AWS response for an operation the
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
      seen.push({ operation, attempt, ...(fault ? { fault } : {}) });
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
  fault: Fault,
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
  if (fault === 'throttle')
    return void response.writeHead(429, { 'content-type': 'text/plain' }).end('Rate exceeded');
  if (fault === 'server-error')
    return void response.writeHead(503, { 'content-type': 'text/plain' }).end('Service Unavailable');
  const denied = accessDenied(wire);
  response.writeHead(403, denied.headers).end(denied.body);
}

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
