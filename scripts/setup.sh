#!/usr/bin/env bash
# Installs everything the test suite needs beyond npm packages, each step pinned, idempotent and cached:
#   install-tools.sh    OPA and Regal, built with Go into .tools/bin
#   install-moto.sh     moto[server] (the AWS API emulator for live-scan and S3 history tests) into .venv/
#   install-chromium.sh Debian's chromium, the browser the HTML report tests drive
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bash "$here/install-tools.sh"
bash "$here/install-moto.sh"
bash "$here/install-chromium.sh"
