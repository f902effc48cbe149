#!/usr/bin/env bash
# The fault suite on its own (issue 12's regression net): private PostgreSQL, NATS and Redis on free
# ports (the shared servers are never touched), the five services as processes, a bounded write load,
# and each fault in turn. Prints a table per fault and a summary; exits non-zero when an assertion fails.
set -u
cd "$(dirname "$0")/../.."
export NX_DAEMON=false NX_NO_CLOUD=true
npx jest -c tools/faults/jest.config.js --ci "$@"
