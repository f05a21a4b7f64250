#!/usr/bin/env bash
# Installs what PayDesk needs, builds everything (benchmarks included) and runs
# the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/install-deps.sh
cmake --preset default >/dev/null
cmake --build --preset default -j"$(nproc)"
export QT_QPA_PLATFORM=offscreen
ctest --preset default -j"$(nproc)" "$@"
