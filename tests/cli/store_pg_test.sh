#!/usr/bin/env bash
# The PostgreSQL store (docs/store.md, "PostgreSQL"), against a real server that this test starts
# on 127.0.0.1 (scripts/pg_start.sh: a temp cluster run by the postgres user) and always stops
# and removes (trap), even on failure:
#   1. ingest of a generated corpus (1,500 invented reports + 3 bad lines) into PostgreSQL and
#      into SQLite; a rerun is all duplicates; the same documents, events, counts, checks;
#   2. events (table, csv, jsonl, plover, filters), stats, show, runs: output byte-equal to the
#      SQLite backend's on the same corpus (runs: timestamps masked);
#   3. kill -9 mid-ingest: whole batches only, and a rerun completes it exactly once;
#   4. errors: a locked store (exit 3), an unreachable server (exit 3), no store yet (exit 3).
# Exit 77 (ctest SKIP_RETURN_CODE) when this machine cannot run PostgreSQL or evident was built
# without it (the reason is printed).
#   bash tests/cli/store_pg_test.sh path/to/evident [path/to/scripts]
set -euo pipefail

EVIDENT=${1:?usage: store_pg_test.sh path/to/evident [scripts dir]}
SCRIPTS=${2:-$(cd "$(dirname "$0")/../../scripts" && pwd)}
PYTHON=/usr/bin/python3
TMP=$(mktemp -d)
PGDATA_DIR=""
BG=""
cleanup() {
  if [[ -n "$BG" ]]; then kill -9 "$BG" 2>/dev/null || true; fi
  if [[ -n "$PGDATA_DIR" ]]; then "$SCRIPTS/pg_stop.sh" "$PGDATA_DIR" || true; fi
  rm -rf "$TMP"
}
trap cleanup EXIT

# Built without PostgreSQL support?
rc=0
"$EVIDENT" runs --db postgresql://postgres@127.0.0.1:1/none >/dev/null 2>"$TMP/err" || rc=$?
if grep -q "built without PostgreSQL" "$TMP/err"; then
  echo "store_pg_test.sh: SKIP: $EVIDENT was built without PostgreSQL support (EVIDENT_WITH_POSTGRES=OFF)" >&2
  exit 77
fi

rc=0
"$SCRIPTS/pg_start.sh" >"$TMP/pgenv" 2>"$TMP/pgstart.err" || rc=$?
if [[ $rc -eq 77 ]]; then
  echo "store_pg_test.sh: SKIP: $(cat "$TMP/pgstart.err")" >&2
  exit 77
elif [[ $rc -ne 0 ]]; then
  echo "store_pg_test.sh: FAIL: the PostgreSQL server did not start:" >&2
  cat "$TMP/pgstart.err" >&2
  exit 1
fi
eval "$(cat "$TMP/pgenv")"
PSQL="$PGBIN/psql"
URL=$DATABASE_URL
# psql as the postgres role over TCP (trust auth: no password).
q() { "$PSQL" -X -q -A -t -v ON_ERROR_STOP=1 -d "$URL" -c "$1"; }

passed=0
failed=0
ok() { passed=$((passed + 1)); }
fail() {
  failed=$((failed + 1))
  echo "FAIL: $*" >&2
}
check() { if [[ "$2" == "$3" ]]; then ok; else fail "$1: got '$2', expected '$3'"; fi; }
run() {
  local name=$1 want=$2
  shift 2
  local rc=0
  "$@" >"$TMP/out" 2>"$TMP/err" || rc=$?
  if [[ $rc -eq $want ]]; then ok; else fail "$name: exit $rc, expected $want; stderr: $(head -c 600 "$TMP/err")"; fi
}
expect() { if grep -qF -- "$3" "$2"; then ok; else fail "$1: '$3' not in $(basename "$2"): $(head -c 600 "$2")"; fi; }

# ---- A corpus of invented reports (fictional places), with 3 bad lines ----
N_GOOD=1500
N_BAD=3
N=$((N_GOOD + N_BAD))
mkdir -p "$TMP/corpus/more"
"$PYTHON" - "$TMP/corpus" "$N_GOOD" <<'EOF'
import json, sys
root, n = sys.argv[1], int(sys.argv[2])
places = ["Varnholm", "Lorvik", "Sundby", "Eskerd", "Tallow Bay", "Marrowgate"]
days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
files = [open(f"{root}/part-{k}.jsonl", "w") for k in range(5)] + [open(f"{root}/more/part-5.jsonl", "w")]
for i in range(n):
    p, d = places[i % len(places)], days[i % len(days)]
    text = (f"Report {i}. Police in {p} detained {i % 40 + 2} protesters on {d}, the interior ministry said. "
            f"About {(i % 9 + 1) * 100} people had joined the rally. Two of the detainees were later released.")
    if i % 7 == 0:
        text += " Émeute à Köln: 3 killed, «hundreds» injured in Kazakhstan."  # non-ASCII: byte offsets
    files[i % len(files)].write(json.dumps({"id": f"r{i}", "published": f"2024-0{i % 9 + 1}-1{i % 10}", "text": text}) + "\n")
# 100 repeats of earlier texts (duplicates within the run)
for i in range(100):
    p, d = places[i % len(places)], days[i % len(days)]
    text = (f"Report {i}. Police in {p} detained {i % 40 + 2} protesters on {d}, the interior ministry said. "
            f"About {(i % 9 + 1) * 100} people had joined the rally. Two of the detainees were later released.")
    if i % 7 == 0:
        text += " Émeute à Köln: 3 killed, «hundreds» injured in Kazakhstan."
    files[5].write(json.dumps({"id": f"dup{i}", "text": text}) + "\n")
files[0].write("{this line is not JSON\n")
files[1].write('{"id": "no-text", "body": "missing text field"}\n')
files[2].write('{"id": "empty", "text": "   "}\n')
for f in files:
    f.close()
EOF
READ=$((N + 100))

# ---- 1. Ingest into both stores; rerun ----
SQ=$TMP/ref.db
run "sqlite ingest" 1 "$EVIDENT" ingest "$TMP/corpus" --db "$SQ" -j 2 --batch 200
run "pg ingest" 1 "$EVIDENT" ingest "$TMP/corpus" --db "$URL" -j 2 --batch 200
expect "pg summary" "$TMP/err" "read $READ, stored $N_GOOD, duplicates 100, rejected $N_BAD, failed 0"
run "pg ingest again" 0 "$EVIDENT" ingest "$TMP/corpus" --db "$URL" -j 2 --batch 200
expect "pg rerun: all duplicates" "$TMP/err" "read $READ, stored 0, duplicates $READ, rejected 0, failed 0"
check "pg documents" "$(q "SELECT count(*) || ' ' || count(DISTINCT content_hash) || ' ' || count(DISTINCT source_id) FROM documents")" "$N $N $N"
check "pg statuses" "$(q "SELECT string_agg(status || '=' || n, ',' ORDER BY status) FROM (SELECT status, count(*) n FROM documents GROUP BY status) s")" "ok=$N_GOOD,rejected=$N_BAD"
check "pg doc_ids without gaps" "$(q "SELECT min(doc_id) || ' ' || max(doc_id) FROM documents")" "1 $N"
for t in events counts checks; do
  check "rows in $t" "$(q "SELECT count(*) FROM $t")" "$(sqlite3 "$SQ" "SELECT count(*) FROM $t")"
done
check "event counts match" "$(q "SELECT count(*) FROM documents d WHERE event_count != (SELECT count(*) FROM events e WHERE e.doc_id = d.doc_id)")" "0"
check "runs account for every input" "$(q "SELECT string_agg(read || '=' || (stored + skipped_duplicates + rejected + failed) || (finished IS NOT NULL)::text, ' ' ORDER BY run_id) FROM runs")" "$READ=${READ}true $READ=${READ}true"
# Coordinates (compared as counts and rounded sums: the two print doubles differently).
check "coordinates kept" "$(q "SELECT count(location_lat) || ' ' || count(location_lon) || ' ' || coalesce(round(sum(location_lat))::bigint, 0) FROM events")" \
  "$(sqlite3 "$SQ" "SELECT count(location_lat) || ' ' || count(location_lon) || ' ' || coalesce(CAST(round(sum(location_lat)) AS INTEGER), 0) FROM events")"
# The same rows, column by column.
for spec in "documents:doc_id,source_id,origin,url,title,published,content_hash,status,error_code,error_message,error_where,warnings,bytes,event_count,text:doc_id" \
  "events:event_key,doc_id,event_id,type,mode,status,trigger_text,trigger_start,sentence_start,sentence_end,actor_text,actor_sector,actor_country,target_text,part_of,date_value,date_precision,date_basis,date_text,date_start,location_text,location_name,location_country,location_admin1_code,location_admin1_name,location_geonames_id,location_precision,location_basis,source_text,plover_event,plover_mode,cameo,country:event_key" \
  "counts:event_key,n,doc_id,role,value,low,high,approximate,span_text,span_start,span_end:event_key,n" \
  "checks:doc_id,n,kind,result,events,message:doc_id,n"; do
  IFS=: read -r table cols order <<<"$spec"
  sqlite3 -csv "$SQ" "SELECT $cols FROM $table ORDER BY $order" >"$TMP/sq.$table.csv"
  "$PSQL" -X -q -d "$URL" -c "\\copy (SELECT $cols FROM $table ORDER BY $order) TO '$TMP/pg.$table.csv' WITH (FORMAT csv)"
  # Parsed, since the two quote differently.
  if "$PYTHON" -c 'import csv, sys; a, b = (list(csv.reader(open(f, newline=""))) for f in sys.argv[1:]); sys.exit(a != b)' \
    "$TMP/sq.$table.csv" "$TMP/pg.$table.csv"; then ok; else
    fail "table $table differs: $(diff "$TMP/sq.$table.csv" "$TMP/pg.$table.csv" | head -5)"
  fi
done

# ---- 2. The commands: the same output from both stores ----
same() {  # same NAME ARGS...: `evident ARGS --db X` prints the same for both stores
  local name=$1
  shift
  local rc1=0 rc2=0
  "$EVIDENT" "$@" --db "$SQ" >"$TMP/sq.out" 2>"$TMP/sq.err" || rc1=$?
  "$EVIDENT" "$@" --db "$URL" >"$TMP/pg.out" 2>"$TMP/pg.err" || rc2=$?
  if [[ $rc1 -ne $rc2 ]]; then
    fail "$name: exit $rc1 (sqlite) vs $rc2 (pg): $(head -c 300 "$TMP/pg.err")"
  elif ! cmp -s "$TMP/sq.out" "$TMP/pg.out"; then
    fail "$name: output differs: $(diff "$TMP/sq.out" "$TMP/pg.out" | head -6)"
  elif [[ ! -s "$TMP/sq.out" && $rc1 -eq 0 ]]; then
    fail "$name: no output"
  else
    ok
  fi
}
same "events table" events
same "events csv" events --format csv --status all
same "events jsonl" events --format jsonl --status all
same "events plover" events --format plover
same "events filters" events --type ARREST --role arrested --min 30 --since 2024-03 --until 2024-07 --format csv
same "events text" events --text "LORVIK detained" --limit 7 --format jsonl
same "events non-ascii text" events --text "köln" --format csv
same "events country" events --country KZ --format csv
same "events limit" events --limit 5
same "stats" stats
same "stats by country,month" stats --by country,month
same "stats by type,year,status,source" stats --by type,year,status,source --status all --format csv
same "stats filtered" stats --by type --type PROTEST --min 300
same "show by doc_id" show 8
same "show by source id" show r14
same "show rejected" show "$(sqlite3 "$SQ" "SELECT doc_id FROM documents WHERE status = 'rejected' LIMIT 1")"
same "show missing" show r999999
same "bad filter" events --type PLANET
# runs: the SQLite store has one run, the PostgreSQL one two (the rerun); timestamps masked.
mask() { sed -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z/<time>/g; s/^(store: .*)$/\1/' "$1"; }
"$EVIDENT" runs --db "$SQ" >"$TMP/sq.runs"
"$EVIDENT" runs --db "$URL" >"$TMP/pg.runs"
check "runs: first run as in sqlite" "$(mask "$TMP/pg.runs" | sed -n 2p)" "$(mask "$TMP/sq.runs" | sed -n 2p)"
check "runs: totals as in sqlite" "$(tail -1 "$TMP/pg.runs")" "$(tail -1 "$TMP/sq.runs")"
mask "$TMP/pg.runs" >"$TMP/pg.runs.masked"
expect "runs: the rerun" "$TMP/pg.runs.masked" "2  <time>  <time>"

# ---- 3. kill -9 mid-ingest, into a fresh database, then complete ----
q "CREATE DATABASE crash" >/dev/null
CURL=${URL%/postgres}/crash
"$EVIDENT" ingest "$TMP/corpus" --db "$CURL" -j 2 --batch 20 -q >/dev/null 2>&1 &
BG=$!
for _ in $(seq 1 1000); do
  n=$("$PSQL" -X -A -t -d "$CURL" -c "SELECT count(*) FROM documents" 2>/dev/null || echo 0)
  [[ ${n:-0} -ge 100 ]] && break
  sleep 0.01
done
kill -9 "$BG" 2>/dev/null || true
rc=0
wait "$BG" 2>/dev/null || rc=$?
BG=""
cq() { "$PSQL" -X -q -A -t -v ON_ERROR_STOP=1 -d "$CURL" -c "$1"; }
partial=$(cq "SELECT count(*) FROM documents")
if [[ $rc -eq 137 && $partial -lt $N ]]; then ok; else fail "crash test: exit $rc, $partial documents stored before the kill"; fi
check "whole batches only" "$(cq "SELECT count(*) FROM documents d WHERE event_count != (SELECT count(*) FROM events e WHERE e.doc_id = d.doc_id)")" "0"
check "killed run unfinished" "$(cq "SELECT count(*) FROM runs WHERE finished IS NULL")" "1"
rc=0
"$EVIDENT" ingest "$TMP/corpus" --db "$CURL" -j 2 --batch 20 >"$TMP/out" 2>"$TMP/err" || rc=$?
if [[ $rc -le 1 ]]; then ok; else fail "ingest after kill: exit $rc: $(head -c 600 "$TMP/err")"; fi
check "after kill: every document once" "$(cq "SELECT count(*) || ' ' || count(DISTINCT content_hash) || ' ' || count(DISTINCT source_id) FROM documents")" "$N $N $N"
check "after kill: stored once over all runs" "$(cq "SELECT sum(stored) + sum(rejected) FROM runs")" "$N"
check "after kill: same events as sqlite" "$(cq "SELECT count(*) FROM events")" "$(sqlite3 "$SQ" "SELECT count(*) FROM events")"

# ---- 4. Errors ----
"$PSQL" -X -q -d "$URL" -c "BEGIN; LOCK TABLE documents IN EXCLUSIVE MODE; SELECT pg_sleep(5); COMMIT;" >/dev/null 2>&1 &
BG=$!
sleep 0.5
run "locked store" 3 "$EVIDENT" ingest "$TMP/corpus/more" --db "$URL" --busy-timeout 300
expect "locked message" "$TMP/err" "the database is locked by another process (waited 300 ms)"
kill "$BG" 2>/dev/null || true
wait "$BG" 2>/dev/null || true
BG=""
run "events while nothing is stored" 3 "$EVIDENT" events --db "${URL%/postgres}/template1"
expect "no store message" "$TMP/err" "holds no evident store"
run "unreachable server" 3 "$EVIDENT" runs --db "postgresql://postgres@127.0.0.1:1/none"
expect "unreachable message" "$TMP/err" "cannot connect to the PostgreSQL server"
q "INSERT INTO schema_version VALUES (99, 'future')"
run "newer schema" 3 "$EVIDENT" events --db "$URL"
expect "newer schema message" "$TMP/err" "schema version 99, newer than this evident knows"
run "newer schema ingest" 3 "$EVIDENT" ingest "$TMP/corpus/more" --db "$URL"

echo "store_pg_test.sh: $passed passed, $failed failed" >&2
[[ $failed -eq 0 ]]
