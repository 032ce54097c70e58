#!/usr/bin/env bash
# CLI tests for `evident`: output lines, exit codes (0 ok, 1 rejected inputs, 2 usage, 3 fatal),
# messages on stderr, pretty output and `evident eval`.
#   bash tests/cli/cli_test.sh path/to/evident
set -euo pipefail

EVIDENT=${1:?usage: cli_test.sh path/to/evident}
PYTHON=/usr/bin/python3
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

passed=0
failed=0
ok() { passed=$((passed + 1)); }
fail() {
  failed=$((failed + 1))
  echo "FAIL: $*" >&2
}

# run NAME EXPECTED_RC CMD...: runs CMD with stdout/stderr in $TMP/out, $TMP/err and checks its
# exit code. Returns 0 either way so that `set -e` does not stop the script.
run() {
  local name=$1 want=$2
  shift 2
  local rc=0
  "$@" >"$TMP/out" 2>"$TMP/err" || rc=$?
  if [[ $rc -eq $want ]]; then
    ok
  else
    fail "$name: exit $rc, expected $want; stderr: $(head -c 400 "$TMP/err")"
  fi
}

# expect NAME FILE PATTERN: FILE contains the fixed string PATTERN.
expect() {
  if grep -qF -- "$3" "$2"; then ok; else fail "$1: '$3' not in $(basename "$2"): $(head -c 400 "$2")"; fi
}

# lines NAME FILE N: FILE has N lines, each a JSON object.
json_lines() {
  local n
  n=$(wc -l <"$2")
  if [[ $n -eq $3 ]]; then ok; else fail "$1: $n lines, expected $3"; fi
  if "$PYTHON" -c '
import json, sys
for line in open(sys.argv[1]):
    assert isinstance(json.loads(line), dict)
' "$2" 2>"$TMP/pyerr"; then ok; else fail "$1: not one JSON object per line: $(cat "$TMP/pyerr")"; fi
}

# field NAME FILE LINE PYEXPR EXPECTED: evaluates PYEXPR on JSON line LINE (1-based) as `d`.
field() {
  local got
  got=$("$PYTHON" -c '
import json, sys
d = json.loads(open(sys.argv[1]).read().splitlines()[int(sys.argv[2]) - 1])
print(eval(sys.argv[3]))
' "$2" "$3" "$4" 2>&1) || true
  if [[ "$got" == "$5" ]]; then ok; else fail "$1: $4 is '$got', expected '$5'"; fi
}

# --- inputs ------------------------------------------------------------------------------
printf 'Police arrested 15 protesters in Veloria on Tuesday.\n' >"$TMP/one.txt"
: >"$TMP/empty.txt"
cat >"$TMP/news.jsonl" <<'EOF'
{"id": "a", "published": "2026-03-14", "text": "Police arrested 15 protesters in Veloria on Tuesday."}
{"id": "b", "text": "Hundreds protested in the capital."
{"id": "c", "published": "2026-03-14", "text": "Nearly 1,000 people marched through Veloria."}
EOF

# --- code: stdin, one line per document ---------------------------------------------------
run "stdin text" 0 "$EVIDENT" code --published 2026-03-14 <"$TMP/one.txt"
json_lines "stdin text" "$TMP/out" 1
field "stdin text" "$TMP/out" 1 'd["id"], d["status"], d["events"][0]["type"]' "('stdin', 'ok', 'ARREST')"
field "stdin text count" "$TMP/out" 1 'd["events"][0]["counts"][0]["value"]' "15"
field "stdin text date" "$TMP/out" 1 'd["events"][0]["date"]["value"]' "2026-03-10"
expect "stdin summary" "$TMP/err" "read 1, coded 1, rejected 0, failed 0"

printf '%s\n' '{"id": "x1", "text": "Police arrested 3 people."}' '' \
  '{"id": "x2", "text": "Hundreds protested."}' >"$TMP/stdin.jsonl"
run "stdin jsonl" 0 "$EVIDENT" code --input jsonl -q - <"$TMP/stdin.jsonl"
json_lines "stdin jsonl" "$TMP/out" 2
field "stdin jsonl ids" "$TMP/out" 2 'd["id"]' "x2"
if [[ -s "$TMP/err" ]]; then fail "-q: stderr not empty: $(cat "$TMP/err")"; else ok; fi

run "two files" 0 "$EVIDENT" code -q "$TMP/one.txt" "$TMP/one.txt"
json_lines "two files" "$TMP/out" 2

# --- code: rejected input -> exit 1 --------------------------------------------------------
run "empty file" 1 "$EVIDENT" code "$TMP/empty.txt" "$TMP/one.txt"
json_lines "empty file" "$TMP/out" 2
field "empty file" "$TMP/out" 1 'd["status"], d["error"]["code"]' "('rejected', 'empty_document')"
field "empty file id" "$TMP/out" 1 'd["id"].endswith("empty.txt"), d["error"]["where"].endswith("empty.txt")' "(True, True)"
field "good after empty" "$TMP/out" 2 'd["status"]' "ok"
expect "empty file summary" "$TMP/err" "rejected 1"
expect "empty file message" "$TMP/err" "evident: $TMP/empty.txt: rejected:"

run "missing file" 1 "$EVIDENT" code -q "$TMP/missing.txt"
field "missing file" "$TMP/out" 1 'd["error"]["code"]' "io_error"

# --- code: bad JSONL line -> rejected line, the rest coded ----------------------------------
run "bad jsonl" 1 "$EVIDENT" code "$TMP/news.jsonl"
json_lines "bad jsonl" "$TMP/out" 3
field "bad jsonl line 1" "$TMP/out" 1 'd["id"], d["status"]' "('a', 'ok')"
field "bad jsonl line 2" "$TMP/out" 2 'd["status"], d["error"]["code"], d["error"]["where"].endswith("news.jsonl:2")' \
  "('rejected', 'bad_json', True)"
field "bad jsonl line 3" "$TMP/out" 3 'd["id"], d["status"], d["events"][0]["counts"][0]["low"]' "('c', 'ok', 900)"
expect "bad jsonl text" "$TMP/out" '"bad_json"'
expect "bad jsonl summary" "$TMP/err" "read 3, coded 2, rejected 1, failed 0"

# --- code: usage errors -> exit 2 ----------------------------------------------------------
run "bad --published" 2 "$EVIDENT" code --published 14/03/2026 "$TMP/one.txt"
expect "bad --published message" "$TMP/err" "evident: --published: '14/03/2026' is not a date; use YYYY-MM-DD"
if [[ -s "$TMP/out" ]]; then fail "bad --published: output written"; else ok; fi
run "impossible --published" 2 "$EVIDENT" code --published 2026-02-30 "$TMP/one.txt"
run "unknown option" 2 "$EVIDENT" code --bogus "$TMP/one.txt"
expect "unknown option message" "$TMP/err" "--bogus"
run "bad --format" 2 "$EVIDENT" code --format xml "$TMP/one.txt"
run "no subcommand" 2 "$EVIDENT"

# --- fatal: missing data -> exit 3 -----------------------------------------------------------
run "missing data" 3 "$EVIDENT" --data /nonexistent code "$TMP/one.txt"
expect "missing data names the file" "$TMP/err" "/nonexistent/triggers.tsv"
expect "missing data prefix" "$TMP/err" "evident: "
if [[ -s "$TMP/out" ]]; then fail "missing data: output written"; else ok; fi

# --- pretty output ---------------------------------------------------------------------------
run "pretty" 0 "$EVIDENT" code -q --format pretty --published 2026-03-14 "$TMP/one.txt"
expect "pretty type" "$TMP/out" "ARREST happened"
expect "pretty count" "$TMP/out" 'arrested 15 "15 protesters"'
expect "pretty date" "$TMP/out" '2026-03-10 (relative: "Tuesday")'
run "pretty rejected" 1 "$EVIDENT" code -q --format pretty "$TMP/empty.txt"
expect "pretty rejected" "$TMP/out" "REJECTED (empty_document)"

# --- eval ------------------------------------------------------------------------------------
cat >"$TMP/gold.jsonl" <<'EOF'
{"id": "g1", "published": "2026-03-14", "text": "Police arrested 15 protesters in Veloria on Tuesday.", "types": ["ARREST"], "scored_types": ["ARREST", "PROTEST"], "counts": [{"role": "arrested", "value": 15, "low": null, "high": null}]}

{"id": "g2", "published": "2026-03-14", "text": "Hundreds protested in the capital.", "types": ["PROTEST"], "scored_types": ["ARREST", "PROTEST"], "counts": [{"role": "participants", "value": null, "low": 200, "high": 999}]}
EOF
run "eval table" 0 "$EVIDENT" eval "$TMP/gold.jsonl"
expect "eval table header" "$TMP/out" "== evident eval:"
expect "eval table documents" "$TMP/out" "documents: 2 gold, 2 predicted"
expect "eval table types" "$TMP/out" "ARREST"
expect "eval table counts" "$TMP/out" "all facts"
run "eval json" 0 "$EVIDENT" eval "$TMP/gold.jsonl" --json
if "$PYTHON" -c 'import json,sys; json.load(sys.stdin)' <"$TMP/out" 2>"$TMP/pyerr"; then ok; else
  fail "eval --json: not JSON: $(cat "$TMP/pyerr")"
fi
if "$PYTHON" -c '
import json, sys
r = json.load(sys.stdin)
assert r["documents"]["gold"] == 2, r["documents"]
assert r["types"]["micro"]["tp"] == 2, r["types"]
' <"$TMP/out" 2>"$TMP/pyerr"; then ok; else fail "eval --json values: $(cat "$TMP/pyerr")"; fi

# Scoring saved predictions gives the same report as coding the gold documents now.
"$EVIDENT" code -q "$TMP/gold.jsonl" >"$TMP/pred.jsonl" || true
run "eval --pred" 0 "$EVIDENT" eval "$TMP/gold.jsonl" --pred "$TMP/pred.jsonl" --json
cp "$TMP/out" "$TMP/pred_report.json"
run "eval again" 0 "$EVIDENT" eval "$TMP/gold.jsonl" --json
if cmp -s "$TMP/out" "$TMP/pred_report.json"; then ok; else fail "eval --pred differs from coding now"; fi

run "eval missing gold" 2 "$EVIDENT" eval "$TMP/missing.jsonl"
expect "eval missing gold message" "$TMP/err" "cannot read the gold file"

# places: every mention with its choice; "Paris, Texas" is the one in Texas, "Kazakh" a demonym.
printf 'Kazakh police detained 15 people in Almaty. Police in Paris, Texas, arrested two men.\n' >"$TMP/places.txt"
run "places" 0 "$EVIDENT" places "$TMP/places.txt"
expect "places Almaty" "$TMP/out" "-> Almaty, Almaty, KZ (city)"
expect "places Paris, Texas" "$TMP/out" "-> Paris, Texas, US (city)"
expect "places demonym" "$TMP/out" "[demonym]"
run "places empty file" 1 "$EVIDENT" places "$TMP/empty.txt"

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
