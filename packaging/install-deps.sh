#!/usr/bin/env bash
# Installs every Debian 12 package PayDesk needs to build, test and run.
# Idempotent: safe to run again; apt-get skips what is already there.
set -euo pipefail

PACKAGES=(
  # toolchain
  build-essential cmake ninja-build pkg-config git
  # Qt 6.4 (core library needs Core, Sql, Network; GUI and server need the rest)
  qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite libqt6sql6-psql
  qt6-httpserver-dev qt6-websockets-dev qt6-charts-dev qt6-svg-dev
  qt6-multimedia-dev qt6-serialport-dev qt6-tools-dev qt6-tools-dev-tools
  qt6-l10n-tools qt6-qpa-plugins qt6-translations-l10n libgl-dev
  # QtCharts (the dashboard) needs Qt OpenGL's CMake files
  libqt6opengl6-dev
  # crypto, storage, codes
  libssl-dev openssl libsqlite3-dev sqlite3 libzxing-dev
  # DEFLATE and CRC-32 of the channels' bill archives
  zlib1g-dev
  # PostgreSQL server binaries: tests start their own throw-away clusters
  postgresql postgresql-client
  # the kill loop (tests/soak/killloop)
  python3
  # the parser fuzzers (tests/fuzz): clang with libFuzzer and the sanitizers' runtimes
  clang libclang-rt-14-dev
  # screenshots of the GUI under a virtual display
  xvfb xauth
  # Chinese text in the cashier app (zh_CN translation)
  fonts-noto-cjk
)

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages already installed"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
