#!/usr/bin/env bash
# Re-synthesizes cdk.out from bin/app.ts with the project's pinned CDK CLI, offline, and drops what ties
# the output to this machine (creation stack traces with absolute paths) or changes every run.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
rm -rf cdk.out
CDK_DISABLE_CLI_TELEMETRY=true ../../../node_modules/.bin/cdk synth --no-notices --quiet -o cdk.out >/dev/null
rm -f cdk.out/validation-report.json
node -e '
const fs = require("fs"), path = require("path");
const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
  e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]);
for (const file of walk("cdk.out").filter((f) => f.endsWith(".metadata.json"))) {
  const metadata = JSON.parse(fs.readFileSync(file, "utf8"));
  for (const key of Object.keys(metadata))
    metadata[key] = metadata[key].filter((entry) => entry.type !== "aws:cdk:creationStack");
  fs.writeFileSync(file, JSON.stringify(metadata, null, 2) + "\n");
}'
