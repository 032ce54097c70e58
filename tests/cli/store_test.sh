#!/usr/bin/env bash
# CLI tests for the store (docs/store.md):
#   1. the crash test: `evident ingest` of a generated corpus (3,000 invented reports) is killed
#      with SIGKILL several times mid-run, then run again to the end; the database must hold
#      every document exactly once, be consistent, and the runs must account for every input;
#   2. events (table, csv, jsonl, plover), show, stats, runs;
#   3. WARC input, --retry-failed, and the errors: a newer schema (exit 3), a locked database
#      (exit 3), a PostgreSQL URL (exit 2 without PostgreSQL support, 3 when unreachable), bad
#      filter values (exit 2).
#   bash tests/cli/store_test.sh path/to/evident
# Needs sqlite3 (the command-line shell) and python3.
set -euo pipefail

EVIDENT=${1:?usage: store_test.sh path/to/evident}
PYTHON=/usr/bin/python3
command -v sqlite3 >/dev/null || { echo "store_test.sh: sqlite3 is not installed (apt-get install sqlite3)" >&2; exit 1; }
TMP=$(mktemp -d)
BG=""
cleanup() {
  if [[ -n "$BG" ]]; then kill -9 "$BG" 2>/dev/null || true; fi
  rm -rf "$TMP"
}
trap cleanup EXIT

passed=0
failed=0
ok() { passed=$((passed + 1)); }
fail() {
  failed=$((failed + 1))
  echo "FAIL: $*" >&2
}
# check NAME GOT WANT
check() { if [[ "$2" == "$3" ]]; then ok; else fail "$1: got '$2', expected '$3'"; fi; }
# run NAME EXPECTED_RC CMD...: stdout/stderr in $TMP/out, $TMP/err.
run() {
  local name=$1 want=$2
  shift 2
  local rc=0
  "$@" >"$TMP/out" 2>"$TMP/err" || rc=$?
  if [[ $rc -eq $want ]]; then ok; else fail "$name: exit $rc, expected $want; stderr: $(head -c 600 "$TMP/err")"; fi
}
expect() { if grep -qF -- "$3" "$2"; then ok; else fail "$1: '$3' not in $(basename "$2"): $(head -c 600 "$2")"; fi; }
q() { sqlite3 -cmd ".timeout 5000" "$1" "$2"; }
# A progress poll that never waits on the ingest's write lock: a poll that waited (up to 5 s
# with q) let a run finish before its kill on a loaded machine.
qpoll() { sqlite3 -cmd ".timeout 20" "$1" "$2" 2>/dev/null || true; }

# ---- A corpus of invented reports (fictional places), with 3 bad lines ----
N_GOOD=3000
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
    files[i % len(files)].write(json.dumps({"id": f"r{i}", "published": f"2024-0{i % 9 + 1}-1{i % 10}", "text": text}) + "\n")
files[0].write("{this line is not JSON\n")
files[1].write('{"id": "no-text", "body": "missing text field"}\n')
files[2].write('{"id": "empty", "text": "   "}\n')
for f in files:
    f.close()
EOF

# ---- 1. Kill -9 mid-run, several times, then complete ----
DB=$TMP/crash.db
kills=0
mid_kills=0  # kills that left some but not all documents stored
# An immediate kill (possibly before the schema exists), then kills after progress.
for attempt in 1 2 3 4; do
  before=$( [[ -f $DB ]] && q "$DB" "SELECT count(*) FROM documents" 2>/dev/null || echo 0)
  "$EVIDENT" ingest "$TMP/corpus" --db "$DB" -j 2 --batch 20 -q >"$TMP/ingest.out" 2>"$TMP/ingest.err" &
  BG=$!
  if [[ $attempt -eq 1 ]]; then
    sleep 0.05
  else
    for _ in $(seq 1 1500); do
      kill -0 "$BG" 2>/dev/null || break
      now=$( [[ -f $DB ]] && qpoll "$DB" "SELECT count(*) FROM documents")
      [[ ${now:-0} -gt $((before + 30)) ]] && break
      sleep 0.01
    done
  fi
  kill -9 "$BG" 2>/dev/null || true
  rc=0
  wait "$BG" 2>/dev/null || rc=$?
  BG=""
  if [[ $rc -eq 137 ]]; then
    kills=$((kills + 1))
    stored=$( [[ -f $DB ]] && q "$DB" "SELECT count(*) FROM documents" 2>/dev/null || echo 0)
    if [[ ${stored:-0} -gt 0 && ${stored:-0} -lt $N ]]; then mid_kills=$((mid_kills + 1)); fi
    if [[ -f $DB ]] && q "$DB" "SELECT 1 FROM sqlite_schema WHERE name = 'documents'" | grep -q 1; then
      check "integrity after kill $attempt" "$(q "$DB" "PRAGMA integrity_check")" "ok"
      # Whole batches only: every stored ok document has all its events.
      check "batch atomicity after kill $attempt" \
        "$(q "$DB" "SELECT count(*) FROM documents d WHERE event_count != (SELECT count(*) FROM events e WHERE e.doc_id = d.doc_id)")" "0"
    fi
  fi
done
if [[ $kills -ge 2 ]]; then ok; else fail "crash test: only $kills of 4 runs were killed mid-run"; fi
# On a loaded machine a run can end before its kill lands (the whole corpus takes about a
# second): such a run is finished, and the test still needs a kill between the first and the
# last document.
if [[ $mid_kills -ge 1 ]]; then ok; else fail "crash test: no kill landed while only part of the $N documents were stored"; fi

# Exit 1 if the bad lines were first stored (rejected) in this run, 0 if an earlier one did.
rc=0
"$EVIDENT" ingest "$TMP/corpus" --db "$DB" -j 2 >"$TMP/out" 2>"$TMP/err" || rc=$?
if [[ $rc -le 1 ]]; then ok; else fail "ingest after kills: exit $rc: $(head -c 600 "$TMP/err")"; fi
expect "summary" "$TMP/err" "read $N, stored "
check "documents = inputs" "$(q "$DB" "SELECT count(*) FROM documents")" "$N"
check "no duplicate hashes" "$(q "$DB" "SELECT count(DISTINCT content_hash) FROM documents")" "$N"
check "no duplicate source ids" "$(q "$DB" "SELECT count(DISTINCT source_id) FROM documents")" "$N"
check "statuses" "$(q "$DB" "SELECT group_concat(status || '=' || n) FROM (SELECT status, count(*) n FROM documents GROUP BY status ORDER BY status)")" "ok=$N_GOOD,rejected=$N_BAD"
check "every event's document exists" "$(q "$DB" "SELECT count(*) FROM events WHERE doc_id NOT IN (SELECT doc_id FROM documents)")" "0"
check "every count's event exists" "$(q "$DB" "SELECT count(*) FROM counts WHERE event_key NOT IN (SELECT event_key FROM events)")" "0"
check "event counts match" "$(q "$DB" "SELECT count(*) FROM documents d WHERE event_count != (SELECT count(*) FROM events e WHERE e.doc_id = d.doc_id)")" "0"
check "foreign keys" "$(q "$DB" "PRAGMA foreign_key_check" | wc -l)" "0"
check "integrity" "$(q "$DB" "PRAGMA integrity_check")" "ok"
check "every document coded" "$(q "$DB" "SELECT count(*) FROM documents WHERE status = 'ok' AND event_count = 0")" "0"
last=$(q "$DB" "SELECT max(run_id) FROM runs")
check "last run finished and accounts for every input" \
  "$(q "$DB" "SELECT (finished IS NOT NULL) || ' ' || read || ' ' || (stored + skipped_duplicates + rejected + failed) FROM runs WHERE run_id = $last")" \
  "1 $N $N"
check "stored once over all runs" "$(q "$DB" "SELECT sum(stored) + sum(rejected) FROM runs")" "$N"
# Every earlier run is unfinished except those that ended before their kill (4 - kills).
check "killed runs are unfinished" "$(q "$DB" "SELECT count(*) FROM runs WHERE finished IS NULL")" "$((last - 1 - (4 - kills)))"

run "ingest again: all duplicates" 0 "$EVIDENT" ingest "$TMP/corpus" --db "$DB" -j 2
expect "duplicates" "$TMP/err" "read $N, stored 0, duplicates $N, rejected 0, failed 0"
check "still $N" "$(q "$DB" "SELECT count(*) FROM documents")" "$N"

run "runs" 0 "$EVIDENT" runs --db "$DB"
expect "runs header" "$TMP/out" "RUN  STARTED"
expect "runs unfinished" "$TMP/out" "(unfinished)"
expect "runs totals" "$TMP/out" "store: 3,003 documents (3,000 ok, 3 rejected, 0 failed)"

# ---- 2. Queries ----
run "events table" 0 "$EVIDENT" events --db "$DB" --type ARREST --limit 3
expect "events table header" "$TMP/out" "DOC  EVENT  DATE"
expect "events table footer" "$TMP/out" "(3 events)"
run "events csv" 0 "$EVIDENT" events --db "$DB" --type arrest --role arrested --min 42 --format csv
check "csv: nobody detained more than 41" "$(wc -l <"$TMP/out")" "1"
run "events csv with rows" 0 "$EVIDENT" events --db "$DB" --type ARREST --role arrested --min 40 --format csv
check "csv rows (arrested >= 40)" "$(($(wc -l <"$TMP/out") - 1))" "$(q "$DB" "SELECT count(DISTINCT e.event_key) FROM events e JOIN counts c ON c.event_key = e.event_key WHERE e.type = 'ARREST' AND e.status = 'happened' AND c.role = 'arrested' AND coalesce(c.value, c.low) >= 40")"
expect "csv header" "$TMP/out" "doc_id,source_id,url,published,event_id,type"
"$PYTHON" - "$TMP/out" <<'EOF' && ok || fail "csv does not parse with the same number of fields per row"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="")))
assert len(rows) > 1 and all(len(r) == len(rows[0]) for r in rows), rows[:2]
EOF
run "events jsonl" 0 "$EVIDENT" events --db "$DB" --text "Lorvik detained" --limit 5 --format jsonl
"$PYTHON" - "$TMP/out" <<'EOF' && ok || fail "jsonl events"
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
assert len(lines) == 5, len(lines)
assert all("Lorvik" in l["sentence"]["text"] for l in lines)
EOF
run "events plover" 0 "$EVIDENT" events --db "$DB" --type ARREST --limit 2 --format plover
"$PYTHON" - "$TMP/out" <<'EOF' && ok || fail "plover records"
import json, sys
for l in open(sys.argv[1]):
    r = json.loads(l)
    assert r["event_type"] == "COERCE" and r["cameo"] == "173" and "evidence" in r and "counts" in r, r
EOF
run "events since/until" 0 "$EVIDENT" events --db "$DB" --since 2024-03 --until 2024-03 --format csv
"$PYTHON" - "$TMP/out" <<'EOF' && ok || fail "dates outside March"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
assert rows and all(r["date"].startswith("2024-03") for r in rows), [r["date"] for r in rows][:5]
EOF
run "bad type" 2 "$EVIDENT" events --db "$DB" --type RIOT
expect "bad type message" "$TMP/err" "evident: --type: unknown event type 'RIOT'"
run "bad date" 2 "$EVIDENT" events --db "$DB" --since 2024-13
run "missing db" 3 "$EVIDENT" events --db "$TMP/none.db"
expect "missing db message" "$TMP/err" "no such database"

doc=$(q "$DB" "SELECT doc_id FROM documents WHERE source_id = 'r7'")
run "show" 0 "$EVIDENT" show "$doc" --db "$DB"
expect "show marks" "$TMP/out" "[[detained]]{e"
expect "show events" "$TMP/out" "events: "
run "show by source id" 0 "$EVIDENT" show r7 --db "$DB"
run "show unknown" 2 "$EVIDENT" show nothing-here --db "$DB"

run "stats" 0 "$EVIDENT" stats --db "$DB" --by type
expect "stats header" "$TMP/out" "EVENTS      PEOPLE   DOCS"
want=$(q "$DB" "SELECT sum(coalesce(c.value, c.low)) FROM counts c JOIN events e ON e.event_key = c.event_key WHERE e.type = 'ARREST' AND e.status = 'happened' AND c.role = 'arrested' AND e.part_of IS NULL")
run "stats csv" 0 "$EVIDENT" stats --db "$DB" --by type,role --type ARREST --format csv
expect "stats csv arrested sum" "$TMP/out" "ARREST,arrested,"
got=$(grep "^ARREST,arrested," "$TMP/out" | cut -d, -f4)
check "stats sums the arrested" "$got" "$want"
run "stats bad dimension" 2 "$EVIDENT" stats --db "$DB" --by planet

# ---- 3. WARC input, retry, errors ----
"$PYTHON" - "$TMP/news.warc.gz" <<'EOF'
import gzip, sys
def record(kind, uri, block, rid):
    head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-05-02T10:00:00Z\r\n"
            f"WARC-Record-ID: <urn:uuid:{rid}>\r\nContent-Length: {len(block)}\r\n\r\n").encode()
    return gzip.compress(head + block + b"\r\n\r\n")
page = (b"<html><head><title>Arrests in Eskerd</title></head><body><article><p>Police in Eskerd arrested "
        b"seven students on Tuesday.</p></article></body></html>")
http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page
data = (record("warcinfo", "", b"software: test\r\n", "w0") + record("request", "https://x.example/a", b"GET / HTTP/1.1\r\n\r\n", "q1")
        + record("response", "https://x.example/a", http, "r1"))
open(sys.argv[1], "wb").write(data + record("response", "https://x.example/b", http.replace(b"seven", b"eight"), "r2")[:40])
EOF
WDB=$TMP/warc.db
run "warc ingest with a truncated last record" 1 "$EVIDENT" ingest "$TMP/news.warc.gz" --db "$WDB"
expect "truncated gzip named with offset" "$TMP/err" "news.warc.gz@"
expect "truncated gzip message" "$TMP/err" "truncated gzip data"
check "warc document kept" "$(q "$WDB" "SELECT url || ' ' || published || ' ' || status FROM documents WHERE status = 'ok'")" "https://x.example/a 2024-05-02 ok"
check "warc events" "$(q "$WDB" "SELECT count(*) FROM events WHERE type = 'ARREST'")" "1"

# --retry-failed: make two documents failed (as after an engine fault), recode them.
q "$WDB" "DELETE FROM counts; DELETE FROM events; UPDATE documents SET status = 'failed', error_code = 'internal', error_message = 'engine fault', event_count = 0 WHERE status = 'ok'"
run "retry failed" 0 "$EVIDENT" ingest --retry-failed --db "$WDB"
expect "retry summary" "$TMP/err" "read 1, stored 1, duplicates 0, rejected 0, failed 0"
check "retried document ok" "$(q "$WDB" "SELECT group_concat(status) FROM documents WHERE url IS NOT NULL")" "ok"
check "retried events" "$(q "$WDB" "SELECT count(*) FROM events")" "1"

run "ingest without inputs" 2 "$EVIDENT" ingest --db "$WDB"
# A PostgreSQL URL: refused with exit 2 by a build without EVIDENT_WITH_POSTGRES, else a server
# that cannot be reached (nothing listens on port 1) is exit 3. tests/cli/store_pg_test.sh
# tests the PostgreSQL store itself.
rc=0
"$EVIDENT" events --db postgresql://postgres@127.0.0.1:1/evident >"$TMP/out" 2>"$TMP/err" || rc=$?
if grep -q "built without PostgreSQL" "$TMP/err"; then
  check "postgres not built: exit" "$rc" "2"
else
  check "postgres unreachable: exit" "$rc" "3"
  expect "postgres unreachable message" "$TMP/err" "cannot connect to the PostgreSQL server"
fi

NEW=$TMP/newer.db
cp "$WDB" "$NEW"
q "$NEW" "INSERT INTO schema_version VALUES (99, 'future')"
run "newer schema" 3 "$EVIDENT" events --db "$NEW"
expect "newer schema message" "$TMP/err" "schema version 99, newer than this evident knows"
run "newer schema ingest" 3 "$EVIDENT" ingest "$TMP/corpus/more" --db "$NEW"

"$PYTHON" - "$WDB" "$TMP/locked" <<'EOF' &
import sqlite3, sys, time, os
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN IMMEDIATE")
open(sys.argv[2], "w").close()
time.sleep(5)
EOF
BG=$!
for _ in $(seq 1 500); do [[ -f $TMP/locked ]] && break; sleep 0.01; done
run "locked database" 3 "$EVIDENT" ingest "$TMP/corpus/more" --db "$WDB" --busy-timeout 200
expect "locked message" "$TMP/err" "the database is locked by another process (waited 200 ms)"
kill "$BG" 2>/dev/null || true
wait "$BG" 2>/dev/null || true
BG=""

echo "store_test.sh: $passed passed, $failed failed" >&2
[[ $failed -eq 0 ]]
