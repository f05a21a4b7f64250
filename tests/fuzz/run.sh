#!/usr/bin/env bash
# Builds the parser fuzzers (clang, libFuzzer, ASan + UBSan) and runs each on
# its seed corpus, one after another. Any finding (crash, leak, UB, broken
# contract) stops that harness and fails the run; the input that found it is
# kept under the build folder's findings/ and named in the output.
#
#   tests/fuzz/run.sh [--seconds N | --runs N] [--build DIR] [HARNESS...]
#
# --seconds N  fuzz each harness for N seconds (default 25)
# --runs N     run each harness for N executions instead
# --build DIR  the build folder (default build-fuzz at the top of the tree)
# HARNESS      only these (fuzz_wechat_xml, ...); default all
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
here="$root/tests/fuzz"
limit=(-max_total_time=25)
build="$root/build-fuzz"
only=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) limit=(-max_total_time="$2"); shift 2 ;;
    --runs) limit=(-runs="$2"); shift 2 ;;
    --build) build="$2"; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    -*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
    *) only+=("$1"); shift ;;
  esac
done

jobs="$(nproc)"
[ "$jobs" -gt 2 ] && jobs=2 # the instrumented build is memory-hungry
cxx="$(command -v clang++ || command -v clang++-14 || true)"
if [ -z "$cxx" ]; then
  echo "run.sh: no clang++; packaging/install-deps.sh installs it" >&2
  exit 2
fi
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER="$cxx" >/dev/null
cmake --build "$build" -j"$jobs"

if [ "${#only[@]}" -eq 0 ]; then
  mapfile -t only < <(cd "$here" && ls fuzz_*.cpp | sed 's/\.cpp$//')
fi

# UB aborts (the build says so too); leaks are checked at the end of each
# input, as libFuzzer does with -detect_leaks=1.
# Nothing of Qt's needed a suppression so far.
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
# Scratch files of the harnesses that read files, rewritten for every input:
# in memory when the machine has /dev/shm (on disk they cost 5x the time).
if [ -d /dev/shm ] && [ -w /dev/shm ]; then export TMPDIR=/dev/shm; else export TMPDIR="$build/tmp"; fi
mkdir -p "$TMPDIR" "$build/findings"

failed=0
summary=()
for h in "${only[@]}"; do
  seeds="$here/corpus/$h"
  work="$build/corpus/$h" # grows as the fuzzer finds new paths; never committed
  mkdir -p "$work"
  dict=()
  [ -f "$here/dict/$h.dict" ] && dict=(-dict="$here/dict/$h.dict")
  log="$build/$h.log"
  start=$(date +%s)
  status=0
  "$build/$h" "${limit[@]}" "${dict[@]}" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$build/findings/$h-" "$work" "$seeds" >"$log" 2>&1 || status=$?
  seconds=$(( $(date +%s) - start ))
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  if [ "$status" -ne 0 ]; then
    failed=1
    summary+=("$(printf '%-22s FINDING after %s executions, %ss (log: %s)' "$h" "${execs:-?}" "$seconds" "$log")")
    grep -E "^(==[0-9]+==ERROR|CONTRACT BROKEN|SUMMARY|.*runtime error|artifact_prefix|Test unit written)" "$log" | head -8 >&2 || true
  else
    summary+=("$(printf '%-22s ok  %10s executions  %5ss' "$h" "$execs" "$seconds")")
  fi
done
printf '%s\n' "${summary[@]}"
exit "$failed"
