/**
 * The document store the synth benchmark builds, without any validation plugin: the app the CDK tests
 * synthesize (`test/_fixtures/cdk-app`), until the store's own app is merged into this branch.
 */
import { App, Stack } from 'aws-cdk-lib';
import path from 'node:path';
import { STORE_ORIGIN } from './store-origin';

interface FixtureStore {
  APP_CONTEXT: Record<string, unknown>;
  DEPLOYMENT: Record<string, string>;
  documentStore(stack: Stack): unknown;
}

export interface BenchStore {
  app: App;
  /** Where the store is deployed, as lexguard's plugin takes it. */
  parameters: Record<string, string>;
  /** What was synthesized, for the results. */
  origin: string;
}

export function buildStore(): BenchStore {
  // Loaded at run time (tsx compiles it) so that the compiled build does not take test fixtures in.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fixture = require(
    path.join(__dirname, '..', '..', '..', 'test', '_fixtures', 'cdk-app', 'document-store'),
  ) as FixtureStore;
  const app = new App({ context: fixture.APP_CONTEXT });
  fixture.documentStore(new Stack(app, 'DocumentStore'));
  return {
    app,
    parameters: fixture.DEPLOYMENT,
    origin: STORE_ORIGIN,
  };
}
