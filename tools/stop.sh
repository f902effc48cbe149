#!/usr/bin/env bash
# Stops the services npm start launched (SIGTERM: each drains its work and exits).
cd "$(dirname "$0")/.."
quiet=${1:-}
for f in .run/*.pid; do
  [ -e "$f" ] || continue
  pid=$(cat "$f"); name=$(basename "$f" .pid)
  if kill -0 "$pid" 2>/dev/null; then kill -TERM "$pid"; [ "$quiet" = --quiet ] || echo "[stop] $name stopping"; fi
  for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  rm -f "$f"
done
