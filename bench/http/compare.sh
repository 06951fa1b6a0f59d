#!/usr/bin/env bash
# Listener throughput, old against new, interleaved: ROUNDS rounds, each running wrk's
# observe POST (20-turn bodies, unique call_ids) at CONNECTIONS connections against a
# fresh `callscope serve` of each binary in turn, the order alternating per round, so
# the machine's minute-to-minute drift falls on both alike. Prints every run, then the
# medians and the new/old ratio.
#   bench/http/compare.sh OLD_BUILD NEW_BUILD     (each a Release tree with app/callscope)
#   ROUNDS=7 DURATION=8 CONNECTIONS=64 bench/http/compare.sh ../base/build-bench build-bench
#   OLD_ARGS=--no-evaluate bench/http/compare.sh build build   (evaluation on against off)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
[ $# -eq 2 ] || { echo "usage: $0 OLD_BUILD NEW_BUILD" >&2; exit 2; }
binaries=("$1/app/callscope" "$2/app/callscope")
names=(old new)
args=("${OLD_ARGS:-}" "${NEW_ARGS:-}")
rounds=${ROUNDS:-5}
duration=${DURATION:-8}
connections=${CONNECTIONS:-64}
threads=${THREADS:-2}
for binary in "${binaries[@]}"; do
  [ -x "$binary" ] || { echo "bench/http: no $binary (build it first)" >&2; exit 1; }
done
command -v wrk >/dev/null || { echo "bench/http: wrk is not installed" >&2; exit 1; }

source "$here/serve.sh"

run_one() {  # binary, round, extra serve arguments -> prints "rps p99_ms"
  # shellcheck disable=SC2086  # the arguments are meant to split
  start_server "$1" $3
  local out
  out=$(CALLSCOPE_BENCH_RUN="r$2$RANDOM" wrk -t"$threads" -c"$connections" -d"${duration}s" --latency \
        -s "$here/observe.lua" "$url" 2>&1)
  stop_server
  local line
  line=$(grep '^RESULT' <<<"$out") || { echo "bench/http: no result" >&2; echo "$out" >&2; exit 1; }
  eval "$(sed 's/^RESULT //' <<<"$line")"
  [ "${non2xx:-0}" = 0 ] || echo "bench/http: $non2xx non-2xx answers" >&2
  echo "$rps $p99_ms"
}

echo "machine: $(nproc) cores; $rounds rounds of ${duration}s, $connections connections, wrk $threads threads"
printf '%-6s %-4s %10s %10s\n' round bin "req/s" "p99 ms"
declare -A rps p99
for round in $(seq "$rounds"); do
  order=(0 1)
  [ $((round % 2)) -eq 0 ] && order=(1 0)
  for i in "${order[@]}"; do
    read -r r p < <(run_one "${binaries[$i]}" "$round" "${args[$i]}")
    rps[${names[$i]}]+="$r "
    p99[${names[$i]}]+="$p "
    printf '%-6s %-4s %10s %10s\n' "$round" "${names[$i]}" "$r" "$p"
  done
done
python3 - "${rps[old]}" "${rps[new]}" "${p99[old]}" "${p99[new]}" <<'PY'
import statistics, sys
old, new, p99old, p99new = ([float(x) for x in arg.split()] for arg in sys.argv[1:])
mo, mn = statistics.median(old), statistics.median(new)
print(f"median req/s: old {mo:.0f}, new {mn:.0f}, new/old {mn / mo:.3f}")
print(f"median p99 ms: old {statistics.median(p99old):.1f}, new {statistics.median(p99new):.1f}")
PY
