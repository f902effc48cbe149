#!/usr/bin/env bash
# Installs node modules when they are missing or older than the lock file.
set -eu
cd "$(dirname "$0")/.."
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  # npm install, not npm ci: the registry reachable here lacks other platforms' optional
  # binaries (e.g. @swc/core-darwin-*), which npm ci insists on finding in the lock file.
  echo "[deps] installing node modules (npm install from package-lock.json)"
  npm install --no-audit --no-fund --loglevel=error
else
  echo "[deps] node modules up to date"
fi
