#!/usr/bin/env bash
# Tools some tests use besides the servers: poppler-utils (pdftotext, pdftoppm) to read back the
# PDF reports. Installs the Debian package when absent (as root) and says so.
set -u
if command -v pdftotext >/dev/null && command -v pdftoppm >/dev/null; then exit 0; fi
echo "[tools] installing poppler-utils (pdftotext, pdftoppm) for the PDF report tests"
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo -n "$@"; else return 1; fi; }
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q poppler-utils >/dev/null 2>&1 \
  || { as_root apt-get update -q >/dev/null 2>&1 && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q poppler-utils >/dev/null 2>&1; } \
  || { echo "[tools] could not install poppler-utils (need root or passwordless sudo)"; exit 1; }
