#!/usr/bin/env bash
# End-to-end tests against a real n8n: installs the pinned n8n into the cache when missing (a no-op when
# cached), then runs the jest "e2e" project sequentially. Expects a built package (`npm run build`).
# Extra arguments go to jest, e.g.: bash scripts/e2e.sh -t 'OAuth refresh'. E2E_PROJECT picks another jest project
# that runs a real n8n the same way (npm run test:browser: E2E_PROJECT=browser).
# Exit code: the install's when it fails, else jest's.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-n8n.sh

# One folder per run for the template user folder and the per-suite copies; removed afterwards unless
# N8N_E2E_KEEP=1 (then the path is printed, with each suite's n8n-start.log inside).
N8N_E2E_RUN_DIR=$(mktemp -d -t n8n-e2e-run.XXXXXX)
export N8N_E2E_RUN_DIR
cleanup() {
  if [ "${N8N_E2E_KEEP:-}" = "1" ]; then
    echo "e2e: kept $N8N_E2E_RUN_DIR"
  else
    rm -rf "$N8N_E2E_RUN_DIR"
  fi
}
trap cleanup EXIT

set +e
npx jest --selectProjects "${E2E_PROJECT:-e2e}" --runInBand "$@"
status=$?
set -e
exit $status
