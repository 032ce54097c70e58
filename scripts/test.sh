#!/usr/bin/env bash
# Quick start 2: set everything up, then run the whole test suite (unit, golden, eval floors).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh Release
cd build
ctest --output-on-failure -j "$(nproc)"
