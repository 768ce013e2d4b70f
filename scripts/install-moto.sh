#!/usr/bin/env bash
# Installs moto in server mode (the AWS API emulator the S3 history and live-scan tests run against) into
# the project-local virtual environment .venv/, pinned. Idempotent: does nothing when the pinned version
# is already installed there.
set -euo pipefail
MOTO_VERSION=5.2.5
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$root/.venv"
if [ -x "$venv/bin/moto_server" ] && "$venv/bin/python" -c "import importlib.metadata as m, sys; sys.exit(m.version('moto') != '$MOTO_VERSION')" 2>/dev/null; then
  exit 0
fi
if ! command -v python3 >/dev/null 2>&1; then
  echo "install-moto: python3 (3.9 or later) is needed to install moto into .venv/" >&2
  exit 1
fi
echo "install-moto: installing moto[server]==$MOTO_VERSION into .venv/ (once)" >&2
python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "moto[server]==$MOTO_VERSION"
test -x "$venv/bin/moto_server"
