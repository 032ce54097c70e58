#!/usr/bin/env bash
# Benchmarks evident (issue #5) and prints one summary table: builds the benchmark programs and
# the CLI in build-bench/ (Release), runs every benchmark in bench/, times the real CLI
# (`evident code ... -q` with -j1 and -j2, and its startup on an empty document), and checks
# the figures against the issue's targets. docs/performance.md explains the numbers.
#
# Usage: scripts/bench.sh [--smoke] [--reps N] [--profile]
#   --smoke    quick check that everything runs (CI): the first 200 documents, every
#              benchmark once with --benchmark_min_time=0.01; the timings mean nothing
#   --reps N   repetitions of each benchmark and CLI run (default 3); the table shows the best
#              one, because the 2 cores are shared and other jobs only ever make runs slower
#   --profile  also run callgrind on `evident code` over 300 documents (every 29th) and list
#              the top functions by inclusive and self cost
# Articles: $EVIDENT_BENCH_DATA (a .jsonl file or a folder), default ../shared/data/dev/*.jsonl
# next to the repository. Without them the script says so and exits 0.
# Results: build-bench/bench-results/*.json (Google Benchmark JSON) and summary.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BUILD=$ROOT/build-bench
OUT=$BUILD/bench-results

SMOKE=0
REPS=3
PROFILE=0
while [ $# -gt 0 ]; do
  case "$1" in
    --smoke) SMOKE=1 ;;
    --reps) REPS=${2:?--reps needs a number}; shift ;;
    --reps=*) REPS=${1#--reps=} ;;
    --profile) PROFILE=1 ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench.sh: unknown option '$1'; see scripts/bench.sh --help" >&2; exit 2 ;;
  esac
  shift
done
case "$REPS" in ''|*[!0-9]*|0) echo "bench.sh: --reps '$REPS' is not a positive number" >&2; exit 2 ;; esac

MIN_TIME=0.1  # Google Benchmark 1.7 syntax: seconds, no unit suffix
if [ "$SMOKE" = 1 ]; then MIN_TIME=0.01; REPS=1; fi

# --- build -------------------------------------------------------------------------------------
echo "bench.sh: building in $BUILD (Release)" >&2
# The profile-guided build users get from setup.sh (scripts/pgo.sh; EVIDENT_PGO=0: without).
PGO_PROFILE=$("$ROOT/scripts/pgo.sh")
cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DEVIDENT_PGO_USE="$PGO_PROFILE" >/dev/null
BENCHES=(read_bench stages_bench coder_bench pipeline_bench)
targets=(evident)
for b in "${BENCHES[@]}"; do targets+=("evident_$b"); done
cmake --build "$BUILD" --target "${targets[@]}" -j "$(nproc)" >&2
EVIDENT=$BUILD/evident
for b in "${BENCHES[@]}"; do
  if [ ! -x "$BUILD/bench/evident_$b" ]; then
    echo "bench.sh: $BUILD/bench/evident_$b was not built (is Google Benchmark installed? libbenchmark-dev)" >&2
    exit 3
  fi
done

# --- articles ----------------------------------------------------------------------------------
DATA=${EVIDENT_BENCH_DATA:-$ROOT/../shared/data/dev}
if [ ! -e "$DATA" ]; then
  echo "bench.sh: no development articles at $DATA; set EVIDENT_BENCH_DATA to a .jsonl file or a folder. Skipping." >&2
  exit 0
fi
FILES=()
if [ -d "$DATA" ]; then
  while IFS= read -r f; do FILES+=("$f"); done < <(find "$DATA" -maxdepth 1 -name '*.jsonl' -type f | LC_ALL=C sort)
  [ ${#FILES[@]} -eq 0 ] && FILES=("$DATA")
else
  FILES=("$DATA")
fi
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
all_jsonl=1
for f in "${FILES[@]}"; do case "$f" in *.jsonl) ;; *) all_jsonl=0 ;; esac; done
if [ "$SMOKE" = 1 ]; then
  if [ "$all_jsonl" = 1 ]; then
    awk 'NR > 200 { exit } { print }' "${FILES[@]}" > "$TMP/first200.jsonl"
    FILES=("$TMP/first200.jsonl")
    export EVIDENT_BENCH_DATA=$TMP/first200.jsonl
  else
    export EVIDENT_BENCH_DATA=$DATA
    export EVIDENT_BENCH_MAX_DOCS=200
  fi
else
  export EVIDENT_BENCH_DATA=$DATA
fi

mkdir -p "$OUT"
rm -f "$OUT"/*.json "$OUT"/cli.tsv "$OUT"/summary.txt
{
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo)"
  echo "source: $(git -C "$ROOT" describe --always --dirty 2>/dev/null || echo unknown), $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "profile-guided optimisation: ${PGO_PROFILE:-off}"
  if awk '{ exit !($1 >= 0.5) }' /proc/loadavg; then
    echo "WARNING: other jobs are running (load >= 0.5): -j2 figures will understate scaling"
  fi
} > "$OUT/machine.txt"
cat "$OUT/machine.txt" >&2

# --- benchmarks --------------------------------------------------------------------------------
for b in "${BENCHES[@]}"; do
  echo "bench.sh: running evident_$b" >&2
  "$BUILD/bench/evident_$b" --benchmark_min_time="$MIN_TIME" --benchmark_repetitions="$REPS" \
    --benchmark_display_aggregates_only=true \
    --benchmark_out="$OUT/$b.json" --benchmark_out_format=json >&2
done
if ! ls "$OUT"/*.json >/dev/null 2>&1; then
  echo "bench.sh: the benchmarks found no articles (see the messages above). Skipping." >&2
  exit 0
fi

# --- the real CLI ------------------------------------------------------------------------------
# Prints "wall_seconds max_rss_kb exit_status cpu_seconds" for one run of the command (stdout
# discarded). Wall time from date(1) in microseconds; RSS and user+system CPU from /usr/bin/time.
time_run() {
  local start end rss=0 cpu=0 rc=0
  start=$(date +%s%N)
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f '%M %U %S' -o "$TMP/time" "$@" >/dev/null 2>"$TMP/stderr" || rc=$?
    end=$(date +%s%N)
    read -r rss cpu < <(tail -n 1 "$TMP/time" | awk '{print $1, $2 + $3}')
  else
    "$@" >/dev/null 2>"$TMP/stderr" || rc=$?
    end=$(date +%s%N)
  fi
  awk -v us="$(( (end - start) / 1000 ))" -v rss="$rss" -v rc="$rc" -v cpu="$cpu" \
    'BEGIN { printf "%.6f %s %s %s\n", us / 1e6, rss, rc, cpu }'
}
# Appends "label best_wall max_rss cpu_of_best" to cli.tsv over $REPS runs; exit status 0 or 1
# (finished with rejected inputs) is accepted.
time_cli() {
  local label=$1; shift
  local best="" best_cpu=0 rss_max=0 wall rss rc cpu
  for _ in $(seq "$REPS"); do
    read -r wall rss rc cpu < <(time_run "$@")
    if [ "$rc" != 0 ] && [ "$rc" != 1 ]; then
      echo "bench.sh: '$*' failed with exit status $rc:" >&2
      cat "$TMP/stderr" >&2
      exit 3
    fi
    if [ -z "$best" ] || awk -v a="$wall" -v b="$best" 'BEGIN { exit !(a < b) }'; then
      best=$wall
      best_cpu=$cpu
    fi
    [ "$rss" -gt "$rss_max" ] && rss_max=$rss
  done
  printf '%s\t%s\t%s\t%s\n' "$label" "$best" "$rss_max" "$best_cpu" >> "$OUT/cli.tsv"
}
echo "bench.sh: timing $EVIDENT code (${#FILES[@]} inputs) -q with -j1 and -j2, best of $REPS" >&2
time_cli cli_j1 "$EVIDENT" code "${FILES[@]}" -q -j 1
time_cli cli_j2 "$EVIDENT" code "${FILES[@]}" -q -j 2
# Startup: lexicon loading and checking, then one empty document (rejected, exit status 1).
: > "$TMP/empty.txt"
REPS_SAVED=$REPS; [ "$REPS" -lt 5 ] && REPS=5
time_cli cli_startup "$EVIDENT" code "$TMP/empty.txt" -q
REPS=$REPS_SAVED
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.txt"

# --- summary -----------------------------------------------------------------------------------
python3 - "$OUT" "$SMOKE" > "$OUT/summary.txt" <<'PY'
import json, pathlib, sys

out, smoke = pathlib.Path(sys.argv[1]), sys.argv[2] == "1"
runs, context = {}, {}
for f in sorted(out.glob("*.json")):
    data = json.loads(f.read_text())
    context.update(data.get("context", {}))
    for b in data.get("benchmarks", []):
        if b.get("run_type") != "iteration" or b.get("error_occurred"):
            continue
        name = b["run_name"]
        best = runs.get(name)
        # Best repetition: highest throughput, or lowest time for benchmarks without one.
        if best is None or b.get("MB/s", 0) > best.get("MB/s", 0) or \
                ("MB/s" not in b and b["real_time"] < best["real_time"]):
            runs[name] = b

SCALE = {"ns": 1e-6, "us": 1e-3, "ms": 1, "s": 1e3}

def ms(b):
    return b["real_time"] * SCALE[b["time_unit"]]

def ms_cpu(b):
    return b["cpu_time"] * SCALE[b["time_unit"]]

rows = [
    ("(a) read JSONL (ReadInputs)", "BM_ReadJsonl"),
    ("(b) tokenize + sentences", "BM_Tokenize"),
    ("(c) match triggers", "BM_Match/triggers"),
    ("(c) match nouns", "BM_Match/nouns"),
    ("(c) match cues", "BM_Match/cues"),
    ("(c) match places", "BM_Match/places"),
    ("(c) match triggers+nouns+cues", "BM_Match/lexicon"),
    ("(d) extract numbers", "BM_ExtractNumbers"),
    ("(e) extract dates", "BM_ExtractDates"),
    ("(f) code documents (Coder)", "BM_Code"),
    ("(g) write JSON (AppendJsonLine)", "BM_WriteJson"),
    ("(h) CodeInputs -j1", "BM_CodeInputs/threads:1/chunk:128/real_time"),
    ("(h) CodeInputs -j2", "BM_CodeInputs/threads:2/chunk:128/real_time"),
    ("(h) CodeInputs -j2, chunks of 32", "BM_CodeInputs/threads:2/chunk:32/real_time"),
    ("(h) CodeInputs -j2, chunks of 1024", "BM_CodeInputs/threads:2/chunk:1024/real_time"),
]
lines = []
p = lines.append
docs = int(context.get("corpus_docs", 0))
text_bytes = int(context.get("corpus_text_bytes", 0))
sentences = int(context.get("corpus_sentences", 0))
p(f"corpus: {context.get('corpus', '?')}: {docs} documents, {text_bytes / 1e6:.2f} MB text, {sentences} sentences")
p((out / "machine.txt").read_text().rstrip())
if smoke:
    p("SMOKE RUN: tiny input and min_time; the figures below are not measurements")
p("")
p(f"{'stage':34} {'MB/s':>8} {'docs/s':>10} {'sentences/s':>12} {'peak RSS MB':>12}")
p("-" * 80)
for label, name in rows:
    b = runs.get(name)
    if b is None:
        p(f"{label:34} {'(missing)':>8}")
        continue
    p(f"{label:34} {b['MB/s']:8.1f} {b['docs/s']:10,.0f} {b['sentences/s']:12,.0f} {b['peak_RSS_MB']:12.1f}")
cli = {}
cpu = {}
for line in (out / "cli.tsv").read_text().splitlines():
    label, wall, rss, cpu_s = line.split("\t")
    cli[label] = (float(wall), int(rss) / 1024)
    cpu[label] = float(cpu_s)
for label, key in (("CLI evident code -j1", "cli_j1"), ("CLI evident code -j2", "cli_j2")):
    wall, rss = cli[key]
    p(f"{label:34} {text_bytes / 1e6 / wall:8.1f} {docs / wall:10,.0f} {sentences / wall:12,.0f} {rss:12.1f}")
p("-" * 80)
create = runs.get("BM_EngineCreate/real_time")
startup_wall, startup_rss = cli["cli_startup"]
if create:
    p(f"{'startup: Engine::Create':34} {ms(create):8.1f} ms")
p(f"{'startup: CLI on an empty document':34} {startup_wall * 1e3:8.1f} ms (process start to exit), peak RSS {startup_rss:.1f} MB")
j1 = runs.get("BM_CodeInputs/threads:1/chunk:128/real_time")
j2 = runs.get("BM_CodeInputs/threads:2/chunk:128/real_time")
if j1 and j2:
    p(f"{'CodeInputs -j2 / -j1':34} {j2['MB/s'] / j1['MB/s']:8.2f} x")
    # With -j2 the calling thread's CPU time is the serial work (read, emit, thread start and
    # join); with -j1 it is all the work. Amdahl: the best -j2 can do on 2 idle cores.
    serial, total = ms_cpu(j2), ms_cpu(j1)
    if total > 0:
        p(f"{'CodeInputs serial work (-j2)':34} {serial:8.1f} ms of {total:.1f} ms = {100 * serial / total:.0f}%, "
          f"Amdahl bound for -j2: {total / (serial + (total - serial) / 2):.2f} x")
p(f"{'CLI -j2 / -j1':34} {cli['cli_j1'][0] / cli['cli_j2'][0]:8.2f} x "
  f"(CPU/wall: -j1 {cpu['cli_j1'] / cli['cli_j1'][0]:.2f}, -j2 {cpu['cli_j2'] / cli['cli_j2'][0]:.2f} cores busy)")

# Issue 5 targets, checked on the real CLI (wall clock, startup and output included).
wall1, rss1 = cli["cli_j1"]
wall2, rss2 = cli["cli_j2"]
checks = [
    ("end-to-end -j1 >= 20 MB/s", text_bytes / 1e6 / wall1, 20, "MB/s", True),
    ("end-to-end -j1 >= 100,000 sentences/s", sentences / wall1, 100000, "sentences/s", True),
    ("-j2 >= 1.7x -j1", wall1 / wall2, 1.7, "x", True),
    ("peak RSS <= 300 MB", max(rss1, rss2), 300, "MB", False),
    ("startup <= 100 ms", startup_wall * 1e3, 100, "ms", False),
]
p("")
p("issue 5 targets (real CLI):")
for name, value, target, unit, higher in checks:
    ok = value >= target if higher else value <= target
    p(f"  {'met ' if ok else 'MISS'}  {name:40} measured {value:,.2f} {unit}")
print("\n".join(lines))
PY
cat "$OUT/summary.txt"

# --- profile -----------------------------------------------------------------------------------
if [ "$PROFILE" = 1 ]; then
  if ! command -v valgrind >/dev/null; then
    echo "bench.sh: --profile needs valgrind (apt-get install valgrind)" >&2
    exit 3
  fi
  # Every 29th document of the corpus: about 300 documents drawn from every source.
  if [ "$all_jsonl" = 1 ]; then
    awk 'NR % 29 == 1' "${FILES[@]}" > "$TMP/profile.jsonl"
  else
    echo "bench.sh: --profile needs JSONL articles" >&2
    exit 3
  fi
  echo "bench.sh: callgrind over $(wc -l < "$TMP/profile.jsonl") documents" >&2
  # "all": the whole process (startup and exit included). "code": only inside
  # pipeline::CodeInputs (reading, coding, writing), the steady state of a long run. The
  # pattern ends in ')' so that CodeInputs' lambdas (names ending in "const") do not toggle.
  valgrind --tool=callgrind --callgrind-out-file="$OUT/callgrind.all" \
    "$EVIDENT" code "$TMP/profile.jsonl" -q >/dev/null 2>"$OUT/callgrind.all.log" || true
  valgrind --tool=callgrind --callgrind-out-file="$OUT/callgrind.code" \
    --toggle-collect='evident::pipeline::CodeInputs(*)' \
    "$EVIDENT" code "$TMP/profile.jsonl" -q >/dev/null 2>"$OUT/callgrind.code.log" || true
  for run in all code; do
    callgrind_annotate --inclusive=yes "$OUT/callgrind.$run" > "$OUT/callgrind.$run.inclusive.txt" 2>/dev/null
    callgrind_annotate "$OUT/callgrind.$run" > "$OUT/callgrind.$run.self.txt" 2>/dev/null
  done
  python3 - "$OUT" <<'PY' | tee "$OUT/profile.txt"
import re, sys, pathlib

out = pathlib.Path(sys.argv[1])
row = re.compile(r"^\s*([\d,]+) \(\s*([\d.]+)%\)\s+(.*)$")
wrapper = re.compile(r"below main|__libc_start|^0x[0-9a-f]+$|^main$|^_start$")

def lambda_owner(name):
    # "ns::F(args (with parens))::{lambda(...)#1}..." -> "ns::F"
    j = name.find("::{lambda") - 1
    depth = 0
    while j >= 0:
        depth += {")": 1, "(": -1}.get(name[j], 0)
        if name[j] == "(" and depth == 0:
            break
        j -= 1
    k = j
    while k > 0 and (name[k - 1].isalnum() or name[k - 1] in "_:{}~"):
        k -= 1
    return name[k:j]

def short(name):
    name = re.sub(r"\s*\[[^\]]*\]$", "", name)       # "[/path/to/binary]"
    name = re.sub(r"^[^:]*:(?!:)", "", name, count=1)  # "???:" or "./malloc/malloc.c:"
    name = name.replace("(anonymous namespace)", "{anon}").replace("[abi:cxx11]", "")
    if "::{lambda" in name:
        prefix = "std::function -> " if name.startswith("std::_Function_handler") else ""
        return prefix + lambda_owner(name) + "::{lambda}"
    return name.split("(")[0]

def top(path, n=10):
    rows, seen = [], False
    for line in path.read_text().splitlines():
        if "file:function" in line:
            seen = True
            continue
        m = row.match(line) if seen else None
        if not m or "PROGRAM TOTALS" in line:
            continue
        raw = re.sub(r"^[^:]*:(?!:)", "", re.sub(r"\s*\[[^\]]*\]$", "", m.group(3)), count=1)
        name = short(m.group(3))
        if not name or wrapper.search(raw) or wrapper.search(name):
            continue
        rows.append((int(m.group(1).replace(",", "")), float(m.group(2)), name))
        if len(rows) == n:
            break
    return rows

for run, what in (("all", "whole process, startup included"), ("code", "inside pipeline::CodeInputs only")):
    for kind in ("inclusive", "self"):
        print(f"== callgrind {run} ({what}): top 10 by {kind} cost (instructions) ==")
        for ir, pct, name in top(out / f"callgrind.{run}.{kind}.txt"):
            print(f"  {pct:6.2f}%  {ir:>12,}  {name}")
        print()
PY
fi
