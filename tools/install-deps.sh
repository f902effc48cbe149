#!/usr/bin/env bash
# Installs node modules when they are missing or older than the lock file.
set -eu
cd "$(dirname "$0")/.."
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "[deps] installing node modules (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
else
  echo "[deps] node modules up to date"
fi
