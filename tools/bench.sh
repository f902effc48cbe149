#!/usr/bin/env bash
# npm run bench: prints the platform's benchmark figures (needs the local servers).
set -eu
cd "$(dirname "$0")/.."
bash tools/install-deps.sh >/dev/null
bash tools/ensure-servers.sh
npx tsc -b tsconfig.build.json
echo "== read path"; node tools/bench/read-path.js
echo "== events";    node tools/bench/events.js
echo "== commitments at scale"; node tools/bench/commitments.js
echo "== co-creation at scale"; node tools/bench/ideas.js
echo "== reporting at scale"; node tools/bench/reporting.js
echo "== portal"; node tools/bench/portal.js
