#!/usr/bin/env bash
# npm start: install, make sure PostgreSQL/Redis/NATS run, build, start the five services
# (each runs its migrations at boot) and the web portal, load the demo data, print their URLs.
# OGP_DETACH=1 npm start leaves them running in the background (npm run stop ends them).
# PORT (gateway, 3000), PORTAL_PORT (3001), SERVICES_PORT_BASE (3100: services on base+1..base+4).
set -eu
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PORT=${PORT:-3000}
PORTAL_PORT=${PORTAL_PORT:-3001}
BASE=${SERVICES_PORT_BASE:-3100}
RUN="$ROOT/.run"; LOGS="$RUN/logs"; mkdir -p "$LOGS"

bash tools/install-deps.sh
bash tools/ensure-servers.sh
echo "[start] building (tsc -b)"
npx tsc -b tsconfig.build.json
# The portal's production build (next build), redone only when one of its sources changed.
if [ ! -f services/portal/.next/BUILD_ID ] || [ -n "$(find services/portal -path services/portal/.next -prune -o -path services/portal/test -prune -o -type f -newer services/portal/.next/BUILD_ID -print -quit)" ]; then
  echo "[start] building the portal (next build)"
  (cd services/portal && NEXT_TELEMETRY_DISABLED=1 node "$ROOT/node_modules/next/dist/bin/next" build >> "$LOGS/portal-build.log" 2>&1) \
    || { echo "[start] the portal build failed; its log:"; tail -30 "$LOGS/portal-build.log"; exit 1; }
fi

bash tools/stop.sh --quiet || true
if [ -z "${JWT_SECRET:-}" ]; then
  [ -s "$RUN/jwt-secret" ] || node -e 'process.stdout.write(require("crypto").randomBytes(48).toString("base64url"))' > "$RUN/jwt-secret"
  chmod 600 "$RUN/jwt-secret"
  JWT_SECRET=$(cat "$RUN/jwt-secret")
fi
export JWT_SECRET NODE_ENV=${NODE_ENV:-development}
if [ -z "${PORTAL_SECRET:-}" ]; then
  [ -s "$RUN/portal-secret" ] || node -e 'process.stdout.write(require("crypto").randomBytes(48).toString("base64url"))' > "$RUN/portal-secret"
  chmod 600 "$RUN/portal-secret"
  PORTAL_SECRET=$(cat "$RUN/portal-secret")
fi

wait_ready() { # name port
  for _ in $(seq 1 120); do
    if curl -fsS "http://127.0.0.1:$2/health/ready" >/dev/null 2>&1; then echo "[start] $1 ready"; return 0; fi
    if ! kill -0 "$(cat "$RUN/$1.pid")" 2>/dev/null; then echo "[start] $1 failed to start; its log:"; tail -20 "$LOGS/$1.log"; return 1; fi
    sleep 0.5
  done
  echo "[start] $1 not ready in time; see $LOGS/$1.log"; return 1
}
launch() { # name port
  HTTP_PORT=$2 nohup node "services/$1/dist/main.js" >> "$LOGS/$1.log" 2>&1 &
  echo $! > "$RUN/$1.pid"
}

# E-mails: a local mailbox unless SMTP_URL points at a real relay.
if [ -z "${SMTP_URL:-}" ]; then
  nohup node tools/dev-mailbox.js >> "$LOGS/mailbox.log" 2>&1 &
  echo $! > "$RUN/mailbox.pid"
  export SMTP_URL=smtp://127.0.0.1:2525
fi

launch commitments $((BASE+1)); launch participation $((BASE+2)); launch notifications $((BASE+3)); launch reporting $((BASE+4))
for s in commitments:$((BASE+1)) participation:$((BASE+2)) notifications:$((BASE+3)) reporting:$((BASE+4)); do wait_ready "${s%%:*}" "${s##*:}"; done
launch gateway "$PORT"; wait_ready gateway "$PORT"
# The portal: a production server (next start) rendering from the gateway.
NODE_ENV=production GATEWAY_URL="http://127.0.0.1:$PORT" PORTAL_SECRET="$PORTAL_SECRET" NEXT_TELEMETRY_DISABLED=1 \
  nohup node node_modules/next/dist/bin/next start services/portal -p "$PORTAL_PORT" >> "$LOGS/portal.log" 2>&1 &
echo $! > "$RUN/portal.pid"
wait_ready portal "$PORTAL_PORT"

echo "[start] loading demo data"
GATEWAY_URL="http://127.0.0.1:$PORT" node services/gateway/dist/demo/seed-demo.js
PROGRAMME_ID=$(curl -fsS "http://127.0.0.1:$PORT/programmes?limit=100" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>process.stdout.write(JSON.parse(s).items.find(p=>p.code==="OGP-MA").id))')
PROGRAMME_ID=$PROGRAMME_ID node services/participation/dist/demo/seed-cycle.js
# The schedules run the sweeps daily; run them once now so the demo shows its alerts.
sleep 2
COORD=$(curl -fsS -X POST "http://127.0.0.1:$PORT/auth/login" -H 'content-type: application/json' \
  -d '{"email":"coordination@demo.ogp.ma","password":"Demo-OGP-2026!"}' | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>process.stdout.write(JSON.parse(s).accessToken))')
for sweep in overdue late_reporting deadlines; do
  curl -fsS -X POST "http://127.0.0.1:$PORT/admin/sweeps/$sweep" -H "authorization: Bearer $COORD" | sed "s/^/  sweep $sweep: /"; echo
done

cat <<TXT

  Portal:   http://127.0.0.1:$PORTAL_PORT        (Arabic first; /fr and /en)
  Gateway:  http://127.0.0.1:$PORT        API docs: http://127.0.0.1:$PORT/docs
  Log in:   curl -X POST http://127.0.0.1:$PORT/auth/login -H 'content-type: application/json' \\
              -d '{"email":"coordination@demo.ogp.ma","password":"Demo-OGP-2026!"}'
            (demo accounts for every role are listed in README.md)
  Logs:     $LOGS/<service>.log
  E-mails:  $RUN/mail/ (the development mailbox; set SMTP_URL to use a real relay)

TXT
if [ "${OGP_DETACH:-0}" = 1 ]; then echo "[start] running in the background; stop with: npm run stop"; exit 0; fi
echo "[start] running; Ctrl-C stops the five services and the portal"
trap 'bash tools/stop.sh; exit 0' INT TERM
while :; do sleep 3600 & wait $!; done
