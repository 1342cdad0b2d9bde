#!/usr/bin/env bash
# Installs the n8n 1.x line for `npm run test:n8n1` (N8N_E2E_LINE=1) into its own cache folder, once: the newest
# n8n 1.x on the npm registry, run by this machine's Node 20 (n8n 1.x: engines ">=20.19 <= 24.x"; 2.x needs Node 24,
# see install-n8n.sh). Re-runs are no-ops when the cache is complete. Offline-safe like install-n8n.sh: no install
# scripts, sqlite3 built from source. Two 1.x-only workarounds (README, n8n versions):
#  - n8n-nodes-base 1.x depends on xlsx as a tarball on SheetJS's CDN (not the registry): overridden with the
#    registry copy @e965/xlsx that n8n 2.x itself uses.
#  - its vm expression engine needs isolated-vm 6 (no Node 20 build): the tests run with N8N_EXPRESSION_ENGINE=legacy
#    (scripts/n8n-env.js), the engine every 1.x release before it used.
set -euo pipefail
# npm hands its own settings down as npm_config_* variables (this repo's .npmrc sets ignore-scripts, which would
# stop the sqlite3 build below). The cache is its own npm project: start from a clean npm environment.
while IFS= read -r name; do unset "$name"; done < <(env | sed -n 's/^\(npm_config_[A-Za-z0-9_]*\)=.*/\1/p')
N8N_VERSION=1.123.81
XLSX_OVERRIDE=npm:@e965/xlsx@0.20.3
CACHE=${N8N_E2E_CACHE:-$HOME/.cache/n8n-e2e}
N8N_DIR=$CACHE/n8n-$N8N_VERSION

# The Node that runs n8n 1.x: `node` on PATH (or $N8N1_NODE), recorded in the cache so that scripts/n8n-env.js
# runs n8n with the same binary the install used.
NODE_BIN=$(command -v "${N8N1_NODE:-node}" || true)
if [ -z "$NODE_BIN" ]; then echo "install-n8n1: no node on PATH" >&2; exit 1; fi
NODE_BIN=$(readlink -f "$NODE_BIN")
NODE_VERSION=$("$NODE_BIN" -p 'process.versions.node')
if ! "$NODE_BIN" -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit((a===20&&b>=19)||(a>20&&a<=24)?0:1)'; then
  echo "install-n8n1: n8n $N8N_VERSION needs Node >=20.19 <=24.x; $NODE_BIN is $NODE_VERSION (set N8N1_NODE to another node)" >&2
  exit 1
fi

if [ -f "$N8N_DIR/.complete" ] && [ "$(cat "$N8N_DIR/.node-bin" 2>/dev/null)" = "$NODE_BIN" ] && [ -x "$NODE_BIN" ]; then
  echo "n8n $N8N_VERSION on Node $NODE_VERSION: cached in $CACHE"
  exit 0
fi

started=$(date +%s)
rm -f "$N8N_DIR/.complete"
mkdir -p "$N8N_DIR"
export PATH="$(dirname "$NODE_BIN"):$PATH"
# Headers for node-gyp without a download: the ones next to this node (a system or nvm install has include/node).
NODE_PREFIX=$(dirname "$(dirname "$NODE_BIN")")
if [ -f "$NODE_PREFIX/include/node/node_api.h" ]; then export npm_config_nodedir="$NODE_PREFIX"; fi
echo "installing n8n $N8N_VERSION on Node $NODE_VERSION into $N8N_DIR (a few minutes on a cold machine)"
cd "$N8N_DIR"
cat > package.json <<EOF
{"name":"n8n1-e2e-cache","private":true,"overrides":{"xlsx":"$XLSX_OVERRIDE"}}
EOF
npm install "n8n@$N8N_VERSION" --ignore-scripts --no-audit --no-fund --prefer-offline --loglevel=error
npm rebuild sqlite3 --build-from-source --ignore-scripts=false --loglevel=error
printf '%s\n' "$NODE_BIN" > .node-bin
printf '%s\n' "$NODE_VERSION" > .node-version
touch .complete
echo "n8n $N8N_VERSION installed in $N8N_DIR in $(( $(date +%s) - started )) s"
