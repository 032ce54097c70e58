#!/usr/bin/env bash
# Profile-guided optimisation (GCC) for the real build: builds an instrumented evident in
# build-pgo/ (the CLI only, no tests), codes a training corpus with it, and leaves GCC's
# profiles in build-pgo/profile/ with a profile.stamp, for `cmake -DEVIDENT_PGO_USE=...`
# (scripts/setup.sh and scripts/bench.sh do that). docs/performance.md has what it buys.
# Reuses the profile when its stamp says it was made from the same sources, compiler and corpus.
# Prints the profile folder on stdout; prints nothing when profiles are off or not possible.
#
# Environment:
#   EVIDENT_PGO=0       no profile (setup.sh then builds without one)
#   EVIDENT_PGO_TRAIN   the training inputs, files or folders `evident code` reads, separated
#                       by spaces; default the development articles ../shared/data/dev/*.jsonl
#                       next to the repository when they are there, else examples/reports
#   CXX                 the compiler (default c++); profiles need GCC
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
GEN=$ROOT/build-pgo
PROFILE=$GEN/profile

[ "${EVIDENT_PGO:-1}" = 0 ] && exit 0
CXX_BIN=${CXX:-c++}
macros=$("$CXX_BIN" -dM -E -x c++ /dev/null 2>/dev/null || true)
if ! grep -q '__GNUC__' <<<"$macros" || grep -q '__clang__' <<<"$macros"; then
  echo "pgo.sh: $CXX_BIN is not GCC; building without profile-guided optimisation" >&2
  exit 0
fi

TRAIN=()
if [ -n "${EVIDENT_PGO_TRAIN:-}" ]; then
  read -r -a TRAIN <<<"$EVIDENT_PGO_TRAIN"
else
  for f in "$ROOT"/../shared/data/dev/*.jsonl; do
    [ -f "$f" ] && TRAIN+=("$(cd "$(dirname "$f")" && pwd)/$(basename "$f")")
  done
  [ ${#TRAIN[@]} -eq 0 ] && TRAIN=("$ROOT/examples/reports")
fi
for t in "${TRAIN[@]}"; do
  if [ ! -e "$t" ]; then
    echo "pgo.sh: training input '$t' does not exist (EVIDENT_PGO_TRAIN)" >&2
    exit 2
  fi
done

# The stamp: compiler, corpus (names and sizes) and every source the build compiles.
stamp=$({
  "$CXX_BIN" --version | head -n 1
  for t in "${TRAIN[@]}"; do find "$t" -type f -printf '%p %s\n' | LC_ALL=C sort; done
  find CMakeLists.txt src tools -type f \( -name '*.cc' -o -name '*.h' -o -name CMakeLists.txt \) -print0 |
    LC_ALL=C sort -z | xargs -0 md5sum
} | md5sum | cut -d' ' -f1)
if [ -f "$PROFILE/profile.stamp" ] && [ "$(cat "$PROFILE/profile.stamp")" = "$stamp" ]; then
  echo "pgo.sh: the profile in $PROFILE is current" >&2
  echo "$PROFILE"
  exit 0
fi

echo "pgo.sh: building an instrumented evident in $GEN" >&2
cmake -S . -B "$GEN" -G Ninja -DCMAKE_BUILD_TYPE=Release -DEVIDENT_DEVELOPER_MODE=OFF \
  -DEVIDENT_WITH_POSTGRES=OFF -DEVIDENT_PGO_USE= -DEVIDENT_PGO_GENERATE="$PROFILE" >&2
cmake --build "$GEN" --target evident -j "$(nproc)" >&2
# Counters add up over runs: start from none.
rm -rf "$PROFILE"
mkdir -p "$PROFILE"
echo "pgo.sh: training on ${TRAIN[*]}" >&2
rc=0
"$GEN/evident" code "${TRAIN[@]}" -q -j 1 >/dev/null || rc=$?
# 1: finished, some inputs rejected (a normal outcome for real archives).
if [ "$rc" != 0 ] && [ "$rc" != 1 ]; then
  echo "pgo.sh: the instrumented evident failed (exit status $rc) on ${TRAIN[*]}" >&2
  exit 1
fi
if ! find "$PROFILE" -name '*.gcda' | grep -q .; then
  echo "pgo.sh: the training run wrote no profiles to $PROFILE" >&2
  exit 1
fi
echo "$stamp" >"$PROFILE/profile.stamp"
echo "$PROFILE"
