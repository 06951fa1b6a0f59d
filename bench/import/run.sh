#!/usr/bin/env bash
# Import rate of `callscope import` for generated calls, against the sqlite3 CLI inserting
# the same rows in one transaction with a per-row FTS trigger (the storage baseline).
# Usage: bench/import/run.sh [BUILD_DIR] [CALLS] [TURNS] [RUNS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-build-bench}
calls=${2:-10000}
turns=${3:-20}
runs=${4:-3}
binary=$build/app/callscope
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 "$here/generate.py" "$calls" "$turns" "$work/calls.jsonl" "$work/baseline.sql"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
seconds() { local start=$(date +%s.%N); "$@" >/dev/null 2>&1; echo "$(date +%s.%N) - $start" | bc -l; }

callscope_times=()
sqlite_times=()
for run in $(seq "$runs"); do
  rm -rf "$work"/db*
  callscope_times+=("$(seconds "$binary" import --quiet --db "$work/db.sqlite" "$work/calls.jsonl")")
  rm -f "$work"/baseline.db*
  sqlite_times+=("$(seconds sh -c "sqlite3 '$work/baseline.db' < '$work/baseline.sql'")")
done
stored=$("$binary" list --db "$work/db.sqlite" --limit 1 | tail -1)
cs=$(printf '%s\n' "${callscope_times[@]}" | median)
sq=$(printf '%s\n' "${sqlite_times[@]}" | median)
printf 'import of %d calls x %d turns, median of %d runs\n' "$calls" "$turns" "$runs"
printf '  callscope import : %6.2f s  %7.0f calls/s  (runs: %s)\n' "$cs" "$(echo "$calls / $cs" | bc -l)" "${callscope_times[*]}"
printf '  sqlite3 CLI      : %6.2f s  %7.0f calls/s  (runs: %s)\n' "$sq" "$(echo "$calls / $sq" | bc -l)" "${sqlite_times[*]}"
printf '  ratio            : %.2fx the sqlite3 CLI\n' "$(echo "$sq / $cs" | bc -l)"
echo "  last list line   : $stored"
