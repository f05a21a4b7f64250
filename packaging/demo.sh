#!/usr/bin/env bash
# Installs what PayDesk needs, builds it, and starts the cashier app in demo
# mode (throw-away data, sample sales, the sandbox acquirer over loopback
# HTTPS). Without a display it runs the command-line demo instead: one
# sandbox payment end to end with its timeline.
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/install-deps.sh
cmake --preset default >/dev/null
cmake --build --preset default -j"$(nproc)"
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  exec ./build/app/paydesk/paydesk --demo "$@"
fi
echo "demo.sh: no display; running the command-line demo (paydesk-core demo)"
exec ./build/app/paydesk-core/paydesk-core demo "$@"
