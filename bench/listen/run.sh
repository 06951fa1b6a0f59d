#!/usr/bin/env bash
# Waveform peaks against FFmpeg decoding the same file to PCM, in the same run.
#   bench/listen/run.sh [BUILD_DIR] [MINUTES] [RUNS]
# Makes a MINUTES-long (default 60) 16 kHz stereo MP3 (two tones with pauses) and prints:
#   peaks_ratio_to_ffmpeg: X   decoding + peaks (no cache) / `ffmpeg -i F -f s16le -` (medians)
#   peaks_cached_ms: X         a second open of the same recording
#   open_call_3000_turns_ms: X a 2-hour call of 3,000 turns opened in the window (bench_opencall)
set -euo pipefail
build=${1:-build-bench}
minutes=${2:-60}
runs=${3:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mp3=$work/call.mp3
seconds=$((minutes * 60))
# Left a 220 Hz tone, right a 330 Hz one, each switched on and off by a slow square wave.
ffmpeg -loglevel error -f lavfi -i "sine=frequency=220:sample_rate=16000:duration=$seconds" \
       -f lavfi -i "sine=frequency=330:sample_rate=16000:duration=$seconds" \
       -filter_complex "[0:a]volume='if(lt(mod(t,7),4),1,0)':eval=frame[l];[1:a]volume='if(lt(mod(t+3,7),4),1,0)':eval=frame[r];[l][r]join=inputs=2:channel_layout=stereo" \
       -b:a 64k "$mp3"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
ffmpeg_ms=() peaks_ms=() cached_ms=()
for run in $(seq "$runs"); do
  start=$(date +%s%N)
  ffmpeg -loglevel error -i "$mp3" -f s16le - > /dev/null
  ffmpeg_ms+=($(( ($(date +%s%N) - start) / 1000000 )))
  out=$("$build/bench/listen/bench_peaks" "$mp3" 1)
  peaks_ms+=("$(awk '/^decode_ms:/ {print $2}' <<<"$out")")
  cached_ms+=("$(awk '/^cached_ms:/ {print $2}' <<<"$out")")
done
f=$(printf '%s\n' "${ffmpeg_ms[@]}" | median)
p=$(printf '%s\n' "${peaks_ms[@]}" | median)
echo "recording: ${minutes} min, 16 kHz stereo MP3 ($(( $(stat -c %s "$mp3") / 1000000 )) MB); $runs runs; load: $(uptime | sed 's/.*load average: //')"
echo "ffmpeg_ms: $f (runs: ${ffmpeg_ms[*]})"
echo "peaks_ms: $p (runs: ${peaks_ms[*]})"
echo "peaks_ratio_to_ffmpeg: $(echo "scale=2; $p / $f" | bc -l)"
echo "peaks_cached_ms: $(printf '%s\n' "${cached_ms[@]}" | median)"

# A 2-hour call with 3,000 turns opened in the real window (offscreen), its recording a
# 2-hour 8 kHz stereo MP3 (a phone call's rate): selecting it to transcript and waveform shown.
long=$work/two-hours.mp3
ffmpeg -loglevel error -f lavfi -i "sine=frequency=300:sample_rate=8000:duration=7200" \
       -f lavfi -i "sine=frequency=500:sample_rate=8000:duration=7200" \
       -filter_complex "[0:a]volume='if(lt(mod(t,4.8),1.6),1,0)':eval=frame[l];[1:a]volume='if(between(mod(t,4.8),2.4,4.0),1,0)':eval=frame[r];[l][r]join=inputs=2:channel_layout=stereo" \
       -b:a 32k "$long"
"$build/bench/listen/bench_opencall" "$long" 7 2>/dev/null
