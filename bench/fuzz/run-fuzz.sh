#!/usr/bin/env bash
# Builds one libFuzzer binary per transcript parser and per provider webhook with clang
# (-fsanitize=fuzzer,address,undefined), seeds each from tests/data/formats, runs each for
# FUZZ_SECONDS (default 60) and reports crash / no crash. A separate sanitizer build: it
# compiles the few core sources it needs itself instead of linking callscope_core.
#
#   bench/fuzz/run-fuzz.sh                 # every target, 60 s each
#   FUZZ_SECONDS=10 bench/fuzz/run-fuzz.sh vapi retell-webhook
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

qt_flags=$(pkg-config --cflags Qt6Core)
qt_libs=$(pkg-config --libs Qt6Core)
flags=(-std=c++20 -g -O1 -fPIC -fsanitize=address,undefined -fno-sanitize-recover=undefined
       -I"$root/models" $qt_flags)

# Core sources the parsers and webhooks depend on, compiled once with the sanitizers.
objects=()
for source in "$root"/models/calllog/turn.cpp "$root"/models/calllog/fielderrors.cpp \
              "$root"/models/formats/*.cpp "$root"/models/providers/*.cpp; do
  object="$out/obj/$(basename "$(dirname "$source")")_$(basename "${source%.cpp}").o"
  if [ ! -f "$object" ] || [ "$source" -nt "$object" ]; then
    "$cxx" "${flags[@]}" -fsanitize=fuzzer-no-link -c "$source" -o "$object" || exit 2
  fi
  objects+=("$object")
done

build_target() { # name source define
  "$cxx" "${flags[@]}" -fsanitize=fuzzer "$3" "$2" "${objects[@]}" $qt_libs -o "$out/fuzz_$1" || exit 2
}

targets=()
for format in "${formats[@]}"; do
  build_target "$format" "$here/fuzz_transcriptformat.cpp" "-DFUZZ_FORMAT=\"$format\""
  targets+=("$format")
done
for provider in "${providers[@]}"; do
  build_target "$provider-webhook" "$here/fuzz_providerwebhook.cpp" "-DFUZZ_PROVIDER=\"$provider\""
  targets+=("$provider-webhook")
done
[ $# -gt 0 ] && targets=("$@")

status=0
printf '%-22s %-10s %s\n' target result detail
for target in "${targets[@]}"; do
  corpus="$out/corpus/$target"
  mkdir -p "$corpus"
  seeds="$root/tests/data/formats/${target%-webhook}"
  [ -d "$seeds" ] && cp -n "$seeds"/*.json "$corpus"/ 2>/dev/null
  log="$out/fuzz_$target.log"
  (cd "$out" && ASAN_OPTIONS=detect_leaks=0 "./fuzz_$target" -max_total_time="$seconds" -max_len=65536 \
      -artifact_prefix="$out/crash_$target-" "$corpus" >"$log" 2>&1)
  if [ $? -eq 0 ]; then
    printf '%-22s %-10s %s\n' "$target" "no crash" "$(grep -o 'Done [0-9]* runs in [0-9]* second' "$log" | tail -1)"
  else
    printf '%-22s %-10s %s\n' "$target" "CRASH" "see $log and $out/crash_$target-*"
    status=1
  fi
done
exit $status
