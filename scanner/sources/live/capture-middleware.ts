import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import type { DeserializeMiddleware, MetadataBearer } from '@smithy/types';
import type { InFlightClock } from './in-flight-clock';

/** What the SDK did for one logical call: how many HTTP attempts, and the digest of the last raw response. */
export interface CallCapture {
  attempts: number;
  /** The SDK command actually sent, e.g. `GetBucketEncryptionCommand`. */
  commandName?: string;
  /** SHA-256 (hex) of the last raw response body. */
  digest?: string;
}

/** The capture of the call being made: set by the caller around `client.send`, read by the middleware. */
export const activeCapture = new AsyncLocalStorage<CallCapture>();

/**
 * Added to every client at the innermost deserialize position, so it runs once per HTTP attempt (retries
 * included), right after the transport: it counts the attempt, times the wait, and hashes the raw body
 * before the SDK parses it. The body is handed on as bytes, which the SDK's deserialisers accept.
 */
export function captureMiddleware(clock: InFlightClock): DeserializeMiddleware<object, MetadataBearer> {
  return (next, context) => async (args) => {
    const capture = activeCapture.getStore();
    if (capture) {
      capture.attempts++;
      capture.commandName = context.commandName;
    }
    clock.enter();
    try {
      const output = await next(args);
      const response = output.response as { body?: unknown } | undefined;
      if (response && response.body !== undefined) {
        const bytes = await readBody(response.body);
        response.body = bytes;
        if (capture) capture.digest = createHash('sha256').update(bytes).digest('hex');
      }
      return output;
    } finally {
      clock.leave();
    }
  };
}

async function readBody(body: unknown): Promise<Uint8Array> {
  if (body instanceof Uint8Array) return body;
  if (typeof body === 'string') return Buffer.from(body);
  if (body && typeof body === 'object' && Symbol.asyncIterator in body) {
    const chunks: Buffer[] = [];
    for await (const chunk of body as AsyncIterable<Uint8Array | string>) chunks.push(Buffer.from(chunk));
    return Buffer.concat(chunks);
  }
  return new Uint8Array();
}
