#!/usr/bin/env bash
# Installs what PayDesk needs, builds it, and runs the demo: a sandbox counter
# payment end to end with its timeline.
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/install-deps.sh
cmake --preset default >/dev/null
cmake --build --preset default -j"$(nproc)"
exec ./build/app/paydesk-core/paydesk-core demo "$@"
