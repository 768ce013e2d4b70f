#!/usr/bin/env bash
# Installs Debian's chromium, the real browser the HTML report tests drive through playwright-core.
# Idempotent: does nothing when /usr/bin/chromium is already there. Debian's package is not pinned to a
# version: the archive keeps only the current (security-patched) build, so a pinned version would stop
# installing at the next update.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "install-chromium: /usr/bin/chromium is missing and cannot be installed here (needs root and apt-get);" >&2
  echo "install-chromium: install Debian's chromium package, then run npm test again" >&2
  exit 1
fi
echo "install-chromium: installing Debian's chromium (once)" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
test -x /usr/bin/chromium
