#!/usr/bin/env bash
# Installs what PayDesk needs, builds everything (benchmarks included) and runs
# the whole test suite, then a short run of the parser fuzzers.
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/install-deps.sh
cmake --preset default >/dev/null
cmake --build --preset default -j"$(nproc)"
export QT_QPA_PLATFORM=offscreen
ctest --preset default -j"$(nproc)" "$@"
# The parser fuzzers, briefly: each harness for 20 s on its corpus (its own
# clang build in build-fuzz/). Any crash, leak, UB or broken contract fails.
# PAYDESK_FUZZ_SECONDS=0 leaves them out.
fuzz_seconds="${PAYDESK_FUZZ_SECONDS:-20}"
if [ "$fuzz_seconds" != 0 ]; then
  bash tests/fuzz/run.sh --seconds "$fuzz_seconds"
fi
