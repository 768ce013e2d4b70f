import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { ROOT } from './paths';

/** A running moto server: the AWS API emulator the live tests (and the S3 history store tests) use. */
export interface Moto {
  /** `http://127.0.0.1:<port>`, for `endpoint` or `AWS_ENDPOINT_URL`. */
  endpoint: string;
  port: number;
  /** The region tests use unless they say otherwise. */
  region: string;
  /** Static test credentials moto accepts. */
  credentials: { accessKeyId: string; secretAccessKey: string };
  /** Forgets every resource, so one server can serve several independent tests. */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

export const MOTO_SERVER = path.join(ROOT, '.venv', 'bin', 'moto_server');

/** Static credentials moto accepts; never real ones. Account 123456789012 is moto's default. */
export const MOTO_CREDENTIALS = { accessKeyId: 'testing', secretAccessKey: 'testing' } as const;
export const MOTO_ACCOUNT = '123456789012';

const STARTUP_LIMIT_MS = 30_000;
const POLL_INTERVAL_MS = 100;

/**
 * Starts `moto_server` from the project's `.venv` on a free port of 127.0.0.1 and waits until it answers.
 * Fails loudly when moto is not installed: `npm run setup` (scripts/install-moto.sh) installs it.
 */
export async function startMoto(): Promise<Moto> {
  if (!existsSync(MOTO_SERVER)) {
    throw new Error(
      `moto is not installed (${MOTO_SERVER} is missing): run npm run setup, which runs scripts/install-moto.sh`,
    );
  }
  const port = await freePort();
  const child = spawn(MOTO_SERVER, ['-H', '127.0.0.1', '-p', String(port)], {
    stdio: ['ignore', 'ignore', 'pipe'],
    // AWS managed policies (ReadOnlyAccess, …) exist in every real account; moto loads them only when asked.
    env: { ...process.env, MOTO_ALLOW_NONEXISTENT_REGION: 'false', MOTO_IAM_LOAD_MANAGED_POLICIES: 'true' },
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitUntilUp(endpoint, child);
  } catch (thrown) {
    child.kill('SIGKILL');
    throw new Error(`${(thrown as Error).message}; moto said: ${stderr.trim() || '(nothing)'}`);
  }
  return {
    endpoint,
    port,
    region: 'eu-west-1',
    credentials: { ...MOTO_CREDENTIALS },
    reset: async () => {
      const response = await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' });
      if (!response.ok) throw new Error(`moto reset failed: HTTP ${response.status}`);
    },
    stop: () => stopProcess(child),
  };
}

async function waitUntilUp(endpoint: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + STARTUP_LIMIT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`moto_server exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${endpoint}/moto-api/`, { signal: AbortSignal.timeout(1000) });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
  throw new Error(`moto_server did not answer on ${endpoint} within ${STARTUP_LIMIT_MS / 1000} s`);
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** A port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
