#!/usr/bin/env bash
# Tests of scripts/pgo.sh and the build's profile options that need no build: profiles turned
# off, a compiler that is not GCC, a training input that does not exist, and a profile folder
# without a profile (docs/performance.md, "Profile-guided optimisation").
#   bash tests/cli/pgo_test.sh path/to/repository
set -euo pipefail

ROOT=${1:?usage: pgo_test.sh path/to/repository}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

passed=0
failed=0
fail() {
  failed=$((failed + 1))
  echo "FAIL: $*" >&2
}
# check NAME EXPECTED_RC STDOUT_EMPTY(1|0) STDERR_PATTERN CMD...
check() {
  local name=$1 want=$2 empty=$3 pattern=$4
  shift 4
  local rc=0
  "$@" >"$TMP/out" 2>"$TMP/err" || rc=$?
  if [[ $rc -ne $want ]]; then
    fail "$name: exit $rc, expected $want; stderr: $(tail -c 400 "$TMP/err")"
  elif [[ $empty -eq 1 && -s "$TMP/out" ]]; then
    fail "$name: printed a profile folder: $(cat "$TMP/out")"
  elif [[ -n "$pattern" ]] && ! grep -qE "$pattern" "$TMP/err"; then
    fail "$name: stderr lacks /$pattern/: $(tail -c 400 "$TMP/err")"
  else
    passed=$((passed + 1))
  fi
}

check "EVIDENT_PGO=0 is no profile" 0 1 "" env EVIDENT_PGO=0 bash "$ROOT/scripts/pgo.sh"
check "a compiler that is not GCC" 0 1 "not GCC" env CXX=/bin/false bash "$ROOT/scripts/pgo.sh"
check "a training input that does not exist" 2 1 "'$TMP/no-such-corpus' does not exist" \
  env EVIDENT_PGO_TRAIN="$TMP/no-such-corpus" bash "$ROOT/scripts/pgo.sh"
mkdir -p "$TMP/empty-profile"
check "a profile folder without a profile" 1 0 "holds no profile" \
  cmake -S "$ROOT" -B "$TMP/build" -G Ninja -DEVIDENT_DEVELOPER_MODE=OFF -DEVIDENT_PGO_USE="$TMP/empty-profile"

echo "pgo_test: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
