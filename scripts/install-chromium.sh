#!/usr/bin/env bash
# Chromium for the browser suite (test/browser), from Debian's packages: playwright-core drives it, so no
# browser is downloaded from anywhere but apt. A no-op when /usr/bin/chromium exists. CI runs as root on a
# fresh Debian machine; elsewhere sudo is used when it is there.
set -euo pipefail
CHROMIUM=${CHROMIUM_PATH:-/usr/bin/chromium}

if [ -x "$CHROMIUM" ]; then
  echo "chromium: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
  exit 0
fi

if [ "$(id -u)" = "0" ]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1; then
  SUDO=(sudo)
else
  echo "chromium is missing ($CHROMIUM) and installing it needs root: apt-get install chromium" >&2
  exit 1
fi

echo "installing chromium with apt-get"
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends chromium fonts-liberation >/dev/null
echo "chromium: $("$CHROMIUM" --version)"
