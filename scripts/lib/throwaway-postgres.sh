# Sourced by scripts/test and scripts/random-pairs: unless RETORT_TEST_POSTGRES_URL is set, starts
# a throwaway PostgreSQL (the newest installed) on a private Unix socket as the `postgres` user
# (initdb refuses root), exports RETORT_TEST_POSTGRES_URL, and stops and removes it on exit.
if [ -z "${RETORT_TEST_POSTGRES_URL:-}" ]; then
  bin=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")
  dir=$(mktemp -d /tmp/retort-pg.XXXXXX)
  port=${RETORT_TEST_POSTGRES_PORT:-55432}
  as_pg() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
  [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
  chmod 700 "$dir"
  as_pg "'$bin/initdb' -D '$dir/data' -U postgres -A trust -E UTF8 --locale=C.UTF-8 >'$dir/initdb.log' 2>&1" \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  as_pg "'$bin/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -o \"-c listen_addresses='' -k '$dir' -p $port -c fsync=off -c max_connections=200\" start >/dev/null" \
    || { cat "$dir/server.log" >&2; exit 1; }
  trap "as_pg \"'$bin/pg_ctl' -D '$dir/data' -m immediate stop >/dev/null 2>&1\"; rm -rf '$dir'" EXIT
  export RETORT_TEST_POSTGRES_URL="postgresql:///postgres?host=$dir&port=$port&user=postgres"
fi
