/** What the synth benchmark's app builds, in words for the results (kept apart so reading it loads no CDK). */
export const STORE_ORIGIN =
  'the document store app (bin/document-store.ts: its stacks, configuration from cdk.json and guardrail Aspect), with the validation plugins each variant names';
