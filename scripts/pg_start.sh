#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server on 127.0.0.1 for tests (docs/store.md, "Tests"):
# a new cluster in a `mktemp -d` directory owned by the postgres user (initdb and pg_ctl refuse
# to run as root), trust auth, fsync off. Prints the variables to use, for eval:
#   eval "$(scripts/pg_start.sh)"      # PGDATA_DIR PGHOST PGPORT PGUSER DATABASE_URL
#   ...; scripts/pg_stop.sh "$PGDATA_DIR"
# Port: $PGPORT if set, else 55432, else the next free one. Exit 77 (with the reason on
# stderr) when no PostgreSQL server binaries are installed; 1 when the server fails to start.
set -euo pipefail

PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [[ -z "$PGBIN" || ! -x "$PGBIN/initdb" || ! -x "$PGBIN/pg_ctl" ]]; then
  echo "pg_start.sh: no PostgreSQL server binaries (/usr/lib/postgresql/*/bin/initdb); apt-get install postgresql" >&2
  exit 77
fi

AS=()
if [[ $(id -u) -eq 0 ]]; then
  if ! id postgres >/dev/null 2>&1; then
    useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  fi
  AS=(runuser -u postgres --)
fi

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
PORT=${PGPORT:-55432}
if [[ -z "${PGPORT:-}" ]]; then
  for _ in $(seq 1 50); do
    port_free "$PORT" && break
    PORT=$((PORT + 1))
  done
fi

DIR=$(mktemp -d /tmp/pgtest.XXXXXX)
if [[ ${#AS[@]} -gt 0 ]]; then chown postgres:postgres "$DIR"; fi
chmod 700 "$DIR"
if ! "${AS[@]}" "$PGBIN/initdb" -D "$DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
  >"$DIR/initdb.log" 2>&1; then
  echo "pg_start.sh: initdb failed:" >&2
  cat "$DIR/initdb.log" >&2
  rm -rf "$DIR"
  exit 1
fi
# Another test suite on this machine may take the same free port between the check and the
# start (two checkouts' ctest at once): a start that fails on "Address already in use" moves to
# the next free port, up to 5 times, unless the caller chose the port.
start() {
  "${AS[@]}" "$PGBIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >&2
}
started=0
for attempt in 1 2 3 4 5; do
  if start; then
    started=1
    break
  fi
  "${AS[@]}" "$PGBIN/pg_ctl" -D "$DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  if [[ -n "${PGPORT:-}" ]] || ! grep -q "already in use" "$DIR/server.log" 2>/dev/null; then break; fi
  echo "pg_start.sh: port $PORT was taken meanwhile (attempt $attempt); trying the next free one" >&2
  PORT=$((PORT + 1))
  for _ in $(seq 1 50); do
    port_free "$PORT" && break
    PORT=$((PORT + 1))
  done
  : >"$DIR/server.log"
done
if [[ $started -ne 1 ]]; then
  echo "pg_start.sh: the server did not start:" >&2
  cat "$DIR/server.log" >&2 || true
  rm -rf "$DIR"
  exit 1
fi
echo "export PGDATA_DIR=$DIR PGBIN=$PGBIN PGHOST=127.0.0.1 PGPORT=$PORT PGUSER=postgres" \
  "DATABASE_URL=postgresql://postgres@127.0.0.1:$PORT/postgres"
