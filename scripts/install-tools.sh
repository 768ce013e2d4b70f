#!/usr/bin/env bash
# Installs the pinned policy toolchain (OPA, Regal) into .tools/bin, built from the Go tools
# modules under tools/go/. Idempotent: a tool is rebuilt only when its go.mod/go.sum or the Go
# version changed, so a second run takes well under a second.
#
# Why a tools module instead of `go install module@version`: some OPA releases carry `replace`
# directives that make `go install pkg@version` refuse; building the main package from a module
# that requires it ignores them, and go.sum pins every dependency.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools_dir="${LEXGUARD_TOOLS_DIR:-$root/.tools}"
bin_dir="$tools_dir/bin"
stamp_dir="$tools_dir/stamps"
mkdir -p "$bin_dir" "$stamp_dir"

if ! command -v go >/dev/null 2>&1; then
  echo "install-tools: Go is required to build OPA and Regal (https://go.dev/dl/); 'go' is not on PATH" >&2
  exit 1
fi

# name, main package, directory of its tools module
build_tool() {
  local name="$1" pkg="$2" module_dir="$root/tools/go/$1"
  local stamp
  stamp="$(cat "$module_dir/go.mod" "$module_dir/go.sum" | sha256sum | cut -c1-16)-$(go env GOVERSION)"
  if [[ -x "$bin_dir/$name" && -f "$stamp_dir/$name" && "$(cat "$stamp_dir/$name")" == "$stamp" ]]; then
    return 0
  fi
  echo "install-tools: building $name from $module_dir (first run takes a few minutes)" >&2
  local started=$SECONDS
  (cd "$module_dir" && GOTOOLCHAIN=local GOFLAGS=-mod=readonly go build -trimpath -o "$bin_dir/$name.tmp" "$pkg")
  mv "$bin_dir/$name.tmp" "$bin_dir/$name"
  echo "$stamp" >"$stamp_dir/$name"
  echo "install-tools: $name ready in $((SECONDS - started)) s" >&2
}

build_tool opa github.com/open-policy-agent/opa
build_tool regal github.com/styrainc/regal
