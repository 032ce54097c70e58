#!/usr/bin/env bash
# Stops the server started by scripts/pg_start.sh and removes its directory:
#   scripts/pg_stop.sh "$PGDATA_DIR"
# Safe to call twice, or with a directory whose server never started.
set -uo pipefail
DIR=${1:?usage: pg_stop.sh PGDATA_DIR}
case "$DIR" in /tmp/pgtest.*) ;; *) echo "pg_stop.sh: '$DIR' is not a pg_start.sh directory" >&2; exit 2 ;; esac
[[ -d "$DIR" ]] || exit 0
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
AS=()
[[ $(id -u) -eq 0 ]] && AS=(runuser -u postgres --)
if [[ -n "$PGBIN" && -f "$DIR/data/postmaster.pid" ]]; then
  "${AS[@]}" "$PGBIN/pg_ctl" -D "$DIR/data" -m fast -w -t 30 stop >/dev/null 2>&1 ||
    "${AS[@]}" "$PGBIN/pg_ctl" -D "$DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
fi
rm -rf "$DIR"
