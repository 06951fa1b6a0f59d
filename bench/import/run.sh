#!/usr/bin/env bash
# Import rate and peak memory of `callscope import` for generated calls, against the
# sqlite3 CLI inserting the same rows in one transaction with a per-row FTS trigger (the
# storage baseline) and, when BASELINE names a commit, the `callscope` built from it.
# Usage: bench/import/run.sh [BUILD_DIR] [CALLS] [TURNS] [RUNS]
#   BASELINE=9d2da77   also run that commit's callscope (built once in build-baseline-<commit>)
#   SQLITE=0           skip the sqlite3 CLI baseline (it needs a SQL script as large again)
#   WORK=DIR           where the generated file and databases go (default: a temporary folder)
#   WORDS=1            every turn carries its words with their times (stored in turns.words)
# 1,000,000 calls of 6 turns make a JSON Lines file of about 1.1 GB.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source_dir=$(cd "$here/../.." && pwd)
build=${1:-build-bench}
calls=${2:-10000}
turns=${3:-20}
runs=${4:-3}
sqlite=${SQLITE:-1}
baseline=${BASELINE:-}
if [ -n "${WORK:-}" ]; then
  work=$WORK
  mkdir -p "$work"
else
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi

binaries=("$build/app/callscope")
labels=("callscope import")
if [ -n "$baseline" ]; then
  baseline_build=$source_dir/build-baseline-$baseline
  if [ ! -x "$baseline_build/app/callscope" ]; then
    rm -rf "$baseline_build-src"
    mkdir -p "$baseline_build-src"
    git -C "$source_dir" archive "$baseline" | tar -x -C "$baseline_build-src"
    cmake -S "$baseline_build-src" -B "$baseline_build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
          -DCALLSCOPE_BENCH=OFF >/dev/null
    cmake --build "$baseline_build" -j2 --target callscope >/dev/null
  fi
  binaries+=("$baseline_build/app/callscope")
  labels+=("callscope $baseline")
fi

sql=-
[ "$sqlite" = 1 ] && sql=$work/baseline.sql
python3 "$here/generate.py" "$calls" "$turns" "$work/calls.jsonl" "$sql"
size_mb=$(( $(stat -c %s "$work/calls.jsonl") / 1000000 ))

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
maximum() { sort -n | tail -1; }
# Runs a command; prints "seconds peak-RSS-in-MB" (GNU time's elapsed and maximum RSS).
measure() {
  /usr/bin/time -f '%e %M' -o "$work/time.txt" "$@" >/dev/null 2>&1 || true
  awk '{printf "%s %.0f\n", $1, $2 / 1024}' "$work/time.txt"
}

printf 'import of %d calls x %d turns (%d MB of JSON Lines), median of %d runs; load: %s\n' \
       "$calls" "$turns" "$size_mb" "$runs" "$(uptime | sed 's/.*load average: //')"
# Runs alternate between the binaries, so drift on a shared machine falls on both alike.
declare -A run_times run_peaks
for run in $(seq "$runs"); do
  for b in "${!binaries[@]}"; do
    rm -rf "$work"/db*
    read -r seconds peak < <(measure "${binaries[$b]}" import --quiet --db "$work/db.sqlite" "$work/calls.jsonl")
    run_times[$b]+="$seconds " run_peaks[$b]+="$peak "
    if [ "$b" = 0 ]; then stored=$("${binaries[0]}" list --db "$work/db.sqlite" --limit 1 | tail -1); fi
  done
done
for b in "${!binaries[@]}"; do
  t=$(printf '%s\n' ${run_times[$b]} | median)
  printf '  %-22s: %7.1f s  %7.0f calls/s  peak RSS %5d MB  (runs: %s s; %s MB)\n' "${labels[$b]}" "$t" \
         "$(echo "$calls / $t" | bc -l)" "$(printf '%s\n' ${run_peaks[$b]} | maximum)" "${run_times[$b]% }" "${run_peaks[$b]% }"
done
if [ "$sqlite" = 1 ]; then
  times=()
  for run in $(seq "$runs"); do
    rm -f "$work"/baseline.db*
    read -r seconds peak < <(measure sh -c "sqlite3 '$work/baseline.db' < '$work/baseline.sql'")
    times+=("$seconds")
  done
  t=$(printf '%s\n' "${times[@]}" | median)
  printf '  %-22s: %7.1f s  %7.0f calls/s  (runs: %s s)\n' "sqlite3 CLI" "$t" "$(echo "$calls / $t" | bc -l)" "${times[*]}"
fi
echo "  last list line        : $stored"
