#!/usr/bin/env bash
# npm run bench [-- read|ideas|events|progress|sweep|boot|tracing|live ...] [--profile]
# Runs the platform beside its references (tools/bench/peers/), prints the table of figures and
# writes .bench/results.json (and, with --profile, CPU profiles of every process in .bench/profiles/).
# The older per-area scripts (tools/bench/*.js, the portal's included) still run alone with node.
set -eu
cd "$(dirname "$0")/.."
bash tools/install-deps.sh >/dev/null
bash tools/ensure-servers.sh
bash tools/ensure-tools.sh bench
npx tsc -b tsconfig.build.json
npx tsc -p tools/bench/peers/nest-textbook
node tools/bench/run.js "$@"
