/** What the synth benchmark's app builds, in words for the results (kept apart so reading it loads no CDK). */
export const STORE_ORIGIN =
  'the CDK app of the tests, test/_fixtures/cdk-app (a documents bucket, its access-log bucket and its key), until the document store app is merged into this branch';
