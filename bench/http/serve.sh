# Sourced by the listener benchmarks: a temporary folder, and `callscope serve` on a fresh
# database in it on a free port. start_server BINARY sets $server (pid) and $url.
work=$(mktemp -d)
server=""
cleanup() {
  if [ -n "$server" ]; then kill -TERM "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

export CALLSCOPE_BENCH_KEY=bench-key
start_server() {
  rm -rf "$work"/db*
  local binary=$1
  shift
  "$binary" serve --db "$work/db.sqlite" --listen 127.0.0.1:0 --api-key "$CALLSCOPE_BENCH_KEY" --quiet "$@" \
    >"$work/serve.out" 2>"$work/serve.err" &
  server=$!
  for _ in $(seq 100); do
    grep -q '^ready ' "$work/serve.out" 2>/dev/null && break
    sleep 0.1
  done
  url=$(awk '/^ready /{print $2}' "$work/serve.out")
  [ -n "$url" ] || { echo "bench/http: serve did not start" >&2; cat "$work/serve.err" >&2; exit 1; }
}
stop_server() {
  kill -TERM "$server"; wait "$server" || true; server=""
}
