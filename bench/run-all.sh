#!/usr/bin/env bash
# Runs every benchmark against the Release tree given as $1 (`make bench` builds it).
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-build-bench}
for script in "$here"/*/run.sh; do
  echo "== $(basename "$(dirname "$script")")"
  "$script" "$build"
  echo
done
for binary in "$build"/bench/*/bench_*; do
  [ -x "$binary" ] || continue
  echo "== $(basename "$binary")"
  "$binary"
  echo
done
