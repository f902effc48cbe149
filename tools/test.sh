#!/usr/bin/env bash
# npm test: every test of the platform, against the real PostgreSQL, NATS and Redis.
set -u
cd "$(dirname "$0")/.."
bash tools/install-deps.sh || exit 1
bash tools/ensure-servers.sh || { echo "[test] the servers the tests need are not available"; exit 1; }
bash tools/ensure-tools.sh || exit 1
mkdir -p .run
export NX_DAEMON=false NX_NO_CLOUD=true
echo "[test] lint (module boundaries: services import libs, never each other)"
# The boundary rule reads Nx's project graph; without one (a fresh clone) it would skip itself.
npx nx show projects >/dev/null || { echo "[test] nx could not compute the project graph"; exit 1; }
npx eslint --max-warnings=0 libs services || { echo "[test] lint failed"; lint_failed=1; }
echo "[test] formatting (prettier, width 120: npm run format rewrites)"
npm run --silent format:check >/dev/null || { npm run --silent format:check 2>&1 | tail -20; echo "[test] formatting failed"; lint_failed=1; }
echo "[test] jest: unit specs and integration specs"
npx jest --ci --json --outputFile=.run/jest-results.json "$@"
status=$?
if [ -f .run/jest-results.json ]; then
  node -e '
    const r = require("./.run/jest-results.json");
    console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`);
  '
fi
# The fault suite after the other tests (a whole run only; FAULTS=0 skips it): it kills and restarts
# servers of its own, never the shared ones. About 5 minutes.
if [ $# -eq 0 ] && [ "${FAULTS:-1}" != 0 ]; then
  echo "[test] fault suite (private PostgreSQL, NATS, Redis; kills, cuts, wipes and restarts under load)"
  bash tools/faults/run.sh || { echo "[test] fault suite failed"; status=1; }
fi
[ "${lint_failed:-0}" = 1 ] && status=1
exit $status
