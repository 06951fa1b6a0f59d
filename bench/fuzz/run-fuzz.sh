#!/usr/bin/env bash
# Builds one libFuzzer binary per transcript parser and per provider webhook, and one for
# the listener's HTTP request parser and one for its multipart reader, with clang
# (-fsanitize=fuzzer,address,undefined); seeds the parsers and webhooks from
# tests/data/formats and the listener's two from the small requests and bodies written
# below, runs each for FUZZ_SECONDS (default 60) and reports crash / no crash with its
# run time. A separate sanitizer build: it compiles the few core sources it needs itself
# instead of linking callscope_core.
#
#   bench/fuzz/run-fuzz.sh                 # every target, 60 s each
#   FUZZ_SECONDS=10 bench/fuzz/run-fuzz.sh vapi retell-webhook http-request multipart
#
# Needs: clang, libclang-rt-14-dev (apt-get install clang), Qt 6 development files.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=${FUZZ_BUILD_DIR:-$root/build-fuzz}
seconds=${FUZZ_SECONDS:-60}
cxx=${CXX_FUZZ:-clang++}
formats=(cekura vocera vapi retell elevenlabs livekit pipecat deepgram)
providers=(vapi retell elevenlabs pipecat livekit)

command -v "$cxx" >/dev/null || { echo "$cxx not found: apt-get install clang libclang-rt-14-dev" >&2; exit 2; }
mkdir -p "$out/obj"

qt_flags=$(pkg-config --cflags Qt6Core Qt6Network)
qt_libs=$(pkg-config --libs Qt6Core Qt6Network)
flags=(-std=c++20 -g -O1 -fPIC -fsanitize=address,undefined -fno-sanitize-recover=undefined
       -I"$root/models" $qt_flags)

# Core sources the targets depend on, compiled once with the sanitizers.
objects=()
for source in "$root"/models/calllog/{turn,fielderrors,checkedinteger,identifiertext,agentkey}.cpp \
              "$root"/models/formats/*.cpp "$root"/models/providers/*.cpp \
              "$root"/models/listener/{httprequest,httprequestparser,multipartreader}.cpp; do
  object="$out/obj/$(basename "$(dirname "$source")")_$(basename "${source%.cpp}").o"
  if [ ! -f "$object" ] || [ "$source" -nt "$object" ]; then
    "$cxx" "${flags[@]}" -fsanitize=fuzzer-no-link -c "$source" -o "$object" || exit 2
  fi
  objects+=("$object")
done

build_target() { # name source [define]
  "$cxx" "${flags[@]}" -fsanitize=fuzzer ${3:+"$3"} "$2" "${objects[@]}" $qt_libs -o "$out/fuzz_$1" || exit 2
}

targets=(http-request multipart)
build_target http-request "$here/fuzz_httprequestparser.cpp"
build_target multipart "$here/fuzz_multipartreader.cpp"
for format in "${formats[@]}"; do
  build_target "$format" "$here/fuzz_transcriptformat.cpp" "-DFUZZ_FORMAT=\"$format\""
  targets+=("$format")
done
for provider in "${providers[@]}"; do
  build_target "$provider-webhook" "$here/fuzz_providerwebhook.cpp" "-DFUZZ_PROVIDER=\"$provider\""
  targets+=("$provider-webhook")
done
[ $# -gt 0 ] && targets=("$@")

# Seeds for the listener's targets: small valid requests (pipelined, chunked, with a
# body) and multipart bodies with the target's boundary "fuzzboundary".
seed() { # target name bytes (printf %b escapes)
  printf '%b' "$3" >"$out/corpus/$1/seed-$2"
}
seed_listener_corpora() {
  mkdir -p "$out/corpus/http-request" "$out/corpus/multipart"
  seed http-request get 'GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'
  seed http-request post 'POST /observability/v1/observe/ HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\nX-CEKURA-API-KEY: k\r\nContent-Length: 13\r\n\r\n{"call_id":1}'
  seed http-request chunked 'POST /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n4;ext=1\r\n{"a"\r\n3\r\n:1}\r\n0\r\nTrailer: t\r\n\r\n'
  seed http-request pipelined 'GET /a HTTP/1.1\r\n\r\nPOST /b?x=%%41 HTTP/1.0\r\nContent-Length: 2\r\nConnection: keep-alive\r\n\r\nhiGET http://h/c HTTP/1.1\r\nExpect: 100-continue\r\n\r\n'
  seed multipart fields '--fuzzboundary\r\nContent-Disposition: form-data; name="call_id"\r\n\r\nc1\r\n--fuzzboundary\r\nContent-Disposition: form-data; name="agent"\r\n\r\n7\r\n--fuzzboundary--\r\n'
  seed multipart file 'preamble\r\n--fuzzboundary \t\r\nContent-Disposition: form-data; name="voice_recording"; filename="a b.wav"\r\nContent-Type: audio/wav\r\n\r\nRIFF\r\n--fuzz\r\n-\r\n--fuzzboundary--\r\nepilogue'
  seed multipart quoted '--fuzzboundary\r\ncontent-disposition: FORM-DATA; filename="x\\"y.txt"; name=f\r\n\r\n\r\n--fuzzboundary--'
}
seed_listener_corpora

status=0
printf '%-22s %-10s %8s  %s\n' target result seconds detail
for target in "${targets[@]}"; do
  corpus="$out/corpus/$target"
  mkdir -p "$corpus"
  seeds="$root/tests/data/formats/${target%-webhook}"
  [ -d "$seeds" ] && cp -n "$seeds"/*.json "$corpus"/ 2>/dev/null
  log="$out/fuzz_$target.log"
  started=$SECONDS
  (cd "$out" && ASAN_OPTIONS=detect_leaks=0 "./fuzz_$target" -max_total_time="$seconds" -max_len=65536 \
      -artifact_prefix="$out/crash_$target-" "$corpus" >"$log" 2>&1)
  result=$?
  took=$((SECONDS - started))
  if [ $result -eq 0 ]; then
    printf '%-22s %-10s %8s  %s\n' "$target" "no crash" "$took" "$(grep -o 'Done [0-9]* runs in [0-9]* second' "$log" | tail -1)"
  else
    printf '%-22s %-10s %8s  %s\n' "$target" "CRASH" "$took" "see $log and $out/crash_$target-*"
    status=1
  fi
done
exit $status
