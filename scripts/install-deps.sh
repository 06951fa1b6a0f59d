#!/usr/bin/env bash
# Installs the Debian 12 packages Callscope needs to build, test and run.
# Idempotent: silent and quick when everything is already present.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  qt6-base-dev qt6-multimedia-dev libqt6sql6-sqlite libqcustomplot-dev
  qt6-l10n-tools qt6-tools-dev qt6-tools-dev-tools libgl-dev
  rapidjson-dev libssl-dev libsqlite3-dev
  libavformat-dev libavcodec-dev libswresample-dev libavutil-dev libsndfile1-dev libsoundtouch-dev libaubio-dev
  gstreamer1.0-plugins-good gstreamer1.0-libav
  sqlite3 curl wrk xvfb xauth imagemagick espeak-ng sox ffmpeg
  desktop-file-utils appstream
  libpocketsphinx-dev pocketsphinx-en-us pocketsphinx-testdata pocketsphinx
  libphonenumber-dev
  libpsl-dev publicsuffix
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing: ${missing[*]}"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
