#!/usr/bin/env bash
# Installs the pinned AWS API emulator (moto in server mode) into the project-local virtual environment
# .venv/, from scripts/python/moto-requirements.txt. The live-scan and S3 history tests start
# `.venv/bin/moto_server` (test/_helpers/moto.ts). Idempotent: nothing is done when the requirements file has not changed since
# the last install, so a second run takes well under a second.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="${LEXGUARD_VENV_DIR:-$root/.venv}"
requirements="$root/scripts/python/moto-requirements.txt"
stamp="$venv/.lexguard-moto-stamp"

python="${LEXGUARD_PYTHON:-}"
if [[ -z "$python" ]]; then
  for candidate in python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1; then python="$candidate"; break; fi
  done
fi
if [[ -z "$python" ]]; then
  echo "install-moto: Python 3 (3.11 tested) is required for the moto emulator; neither python3.11 nor python3 is on PATH" >&2
  exit 1
fi

wanted="$(sha256sum "$requirements" | cut -c1-16)-$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
if [[ -x "$venv/bin/moto_server" && -f "$stamp" && "$(cat "$stamp")" == "$wanted" ]]; then
  exit 0
fi

echo "install-moto: installing moto into $venv (first run takes about a minute)" >&2
started=$SECONDS
if ! "$python" -m venv "$venv" 2>/dev/null; then
  # Debian splits venv out of python3; install it rather than fail the tests later for want of moto.
  if command -v apt-get >/dev/null 2>&1 && [[ "$(id -u)" == "0" ]]; then
    version="$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
    apt-get install -y -q "python${version}-venv" >/dev/null || apt-get install -y -q python3-venv >/dev/null
    "$python" -m venv "$venv"
  else
    echo "install-moto: '$python -m venv' failed; install the venv module (Debian: apt-get install python3-venv)" >&2
    exit 1
  fi
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-input -r "$requirements"
echo "$wanted" >"$stamp"
echo "install-moto: moto ready in $((SECONDS - started)) s" >&2
