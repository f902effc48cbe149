#!/usr/bin/env bash
# Tools some tests use besides the servers, installed from Debian when absent (as root), saying so:
# poppler-utils (pdftotext, pdftoppm) to read back the PDF reports, and chromium for the portal's
# browser tests (Playwright drives /usr/bin/chromium; no browser is ever downloaded); with `bench`, also
# wrk, the benchmark's load generator.
set -u
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo -n "$@"; else return 1; fi; }
apt_install() { # what-for package...
  local why=$1; shift
  echo "[tools] installing $* ($why)"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null 2>&1 \
    || { as_root apt-get update -q >/dev/null 2>&1 && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null 2>&1; } \
    || { echo "[tools] could not install $* (need root or passwordless sudo)"; return 1; }
}
status=0
if [ "${1:-}" = bench ]; then
  # The benchmark's HTTP load generator (tools/bench/load.js falls back to autocannon without it).
  command -v wrk >/dev/null || apt_install "wrk, the benchmark's load generator" wrk || echo "[tools] the benchmark will load with autocannon"
  exit 0
fi
if ! command -v pdftotext >/dev/null || ! command -v pdftoppm >/dev/null; then
  apt_install "pdftotext, pdftoppm for the PDF report tests" poppler-utils || status=1
fi
if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  apt_install "Debian's Chromium for the portal's browser tests" chromium || status=1
fi
exit $status
