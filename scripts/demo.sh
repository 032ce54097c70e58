#!/usr/bin/env bash
# Quick start 1: set everything up, then code the bundled example reports for a person to read.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh Release
./build/evident code examples/reports --published 2026-03-14 --format pretty
