#!/bin/bash
# Runs a range of simulation seeds in batches, several processes at once,
# and sums their figures (README, "How we test").
#   tests/sim/run.sh [--seeds 1..10000] [--batch 500] [--jobs 2] [--replay]
#                    [--bin build/tests/sim/paydesk-sim]
set -euo pipefail
seeds="1..10000"
batch=500
jobs=2
bin="build/tests/sim/paydesk-sim"
replay=""
while [ $# -gt 0 ]; do
    case "$1" in
        --seeds) seeds="$2"; shift 2 ;;
        --batch) batch="$2"; shift 2 ;;
        --jobs) jobs="$2"; shift 2 ;;
        --bin) bin="$2"; shift 2 ;;
        --replay) replay="--replay"; shift ;;
        -h|--help) sed -n '2,5p' "$0"; exit 0 ;;
        *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
    esac
done
if ! [[ "$seeds" =~ ^([0-9]+)\.\.([0-9]+)$ ]]; then
    echo "--seeds: expected FIRST..LAST, got $seeds" >&2; exit 2
fi
first=${BASH_REMATCH[1]}; last=${BASH_REMATCH[2]}
if [ ! -x "$bin" ]; then
    echo "$bin is not built (cmake --build build --target paydesk-sim)" >&2; exit 2
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
start=$(date +%s.%N)
for ((from = first; from <= last; from += batch)); do
    to=$((from + batch - 1)); [ $to -gt $last ] && to=$last
    echo "$from..$to"
done | SIM_BIN="$bin" SIM_OUT="$out" SIM_REPLAY="$replay" xargs -P "$jobs" -I{} sh -c \
    '"$SIM_BIN" --seeds "$1" --json $SIM_REPLAY > "$SIM_OUT/$(echo "$1" | tr . _).log" 2>&1; true' sh {}
end=$(date +%s.%N)
status=0
python3 - "$out" "$start" "$end" <<'PY' || status=1
import glob, json, sys
out, start, end = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
total = {"seeds": 0, "failed": 0, "sales": 0, "refunds": 0, "crashes": 0, "disk_faults": 0,
         "simulated_hours": 0.0}
failed = []
for path in sorted(glob.glob(out + "/*.log")):
    lines = open(path, encoding="utf-8").read().splitlines()
    summary = [l for l in lines if l.startswith("{")]
    if not summary:
        print("a batch ended without its figures:", path, "\n".join(lines[-20:]))
        total["failed"] += 1
        continue
    s = json.loads(summary[-1])
    for k in total:
        total[k] += s[k]
    failed += s["failed_seeds"]
    if s["failed"]:
        print("\n".join(l for l in lines if not l.startswith("{")))
total["failed_seeds"] = failed
total["seconds"] = round(end - start, 1)
total["simulated_hours"] = round(total["simulated_hours"], 1)
print(json.dumps(total))
sys.exit(1 if total["failed"] else 0)
PY
exit $status
