#!/usr/bin/env bash
# HTTP listener benchmark: `callscope serve` on a temporary database and a free port,
# wrk posting realistic 20-turn observe bodies with unique call_ids at 16 and 64
# connections, then two baselines: wrk on GET /health (the HTTP floor) and the sqlite3
# CLI inserting the same rows in one transaction (the storage floor).
# Usage: bench/http/run.sh [BUILD_DIR]   (default build-bench; needs wrk and sqlite3)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-build-bench}
[[ "$build" = /* ]] || build="$root/$build"
binary="$build/app/callscope"
duration=${DURATION:-10}
threads=${THREADS:-2}
for tool in wrk sqlite3 curl; do
  command -v "$tool" >/dev/null || { echo "bench/http: $tool is not installed" >&2; exit 1; }
done
[ -x "$binary" ] || { echo "bench/http: no $binary (build it first)" >&2; exit 1; }

source "$here/serve.sh"

echo "machine: $(nproc) cores; wrk $threads threads, ${duration}s per run"
printf '%-28s %10s %10s %10s %8s\n' "run" "req/s" "p50 ms" "p99 ms" "errors"
report() {  # name, wrk output
  local line
  line=$(grep '^RESULT' <<<"$2" || true)
  if [ -z "$line" ]; then echo "$1: no result"; echo "$2"; return; fi
  eval "$(sed 's/^RESULT //' <<<"$line")"
  printf '%-28s %10s %10s %10s %8s\n' "$1" "$rps" "$p50_ms" "$p99_ms" "${non2xx}"
}

for connections in 16 64; do
  start_server "$binary"
  out=$(CALLSCOPE_BENCH_RUN="c$connections" wrk -t"$threads" -c"$connections" -d"${duration}s" --latency \
        -s "$here/observe.lua" "$url" 2>&1)
  report "observe POST, $connections conns" "$out"
  stored=$(curl -s -H "X-CEKURA-API-KEY: $CALLSCOPE_BENCH_KEY" "$url/observability/v1/call-logs/?page_size=1" \
           | sed -n 's/.*"count":\([0-9]*\).*/\1/p')
  echo "   calls stored: $stored"
  stop_server
done

start_server "$binary"
out=$(wrk -t"$threads" -c64 -d"${duration}s" --latency -s "$here/health.lua" "$url/health" 2>&1)
report "GET /health, 64 conns" "$out"
stop_server

# Storage baseline: the same 10,000 calls of 20 turns into the store's own schema
# (created by `callscope serve` above), in one transaction, by the sqlite3 CLI.
start_server "$binary"
stop_server
rows=${ROWS:-10000}
python3 - "$rows" >"$work/insert.sql" <<'PY'
import sys
rows = int(sys.argv[1])
text = "Thanks for calling Pine Street Dental, this is Ava. How can I help you today?".replace("'", "''")
print("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; BEGIN;")
print("INSERT OR IGNORE INTO agents (key, agent_id, created_at) VALUES ('agent:42', 42, 0);")
base = 1000000
for i in range(1, rows + 1):
    cid = base + i
    print(f"INSERT INTO calls (id, agent_key, call_id, agent_id, transcript_type, timestamp, created_at, updated_at) "
          f"VALUES ({cid}, 'agent:42', 'sql-{i}', 42, 'cekura', 1795600000000, 0, 0);")
    print("INSERT INTO turns (call, idx, role, content, start_s, end_s) VALUES " + ",".join(
        f"({cid}, {t}, '{'Main Agent' if t % 2 == 0 else 'Testing Agent'}', '{text}', {t * 3.0}, {t * 3.0 + 2.5})"
        for t in range(20)) + ";")
# The full-text index written once for the batch, as the store's writer does.
print(f"INSERT INTO turns_fts (rowid, content) SELECT id, content FROM turns WHERE call > {base};")
print("COMMIT;")
PY
if sqlite3 "$work/db.sqlite" ".schema turns" | grep -q 'idx'; then
  start=$(date +%s.%N)
  sqlite3 "$work/db.sqlite" <"$work/insert.sql" >/dev/null
  end=$(date +%s.%N)
  python3 -c "print(f'sqlite3 CLI, one transaction   {$rows/($end-$start):10.0f} calls/s ({$rows} calls of 20 turns)')"
else
  echo "sqlite3 baseline skipped: the turns table has no idx column; schema:"; sqlite3 "$work/db.sqlite" ".schema turns"
fi
