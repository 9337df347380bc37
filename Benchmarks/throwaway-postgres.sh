# Sourced by the benchmark scripts. `start_throwaway_postgres PORT [SERVER OPTIONS…]` starts a
# PostgreSQL server as the postgres user on a private socket directory and port (initdb refuses to
# run as root), stops and removes it when the script exits, and sets `pg_dir` (its socket
# directory) and `pg_server` (a URL of its postgres database).
as_pg() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }

start_throwaway_postgres() {
  local port=$1; shift
  pg_bin=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")
  pg_dir=$(mktemp -d /tmp/retort-bench-pg.XXXXXX)
  [ "$(id -u)" -eq 0 ] && chown postgres "$pg_dir"
  as_pg "'$pg_bin/initdb' -D '$pg_dir/data' -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null"
  as_pg "'$pg_bin/pg_ctl' -D '$pg_dir/data' -l '$pg_dir/log' -w -o \"-c listen_addresses='' -k '$pg_dir' -p $port $*\" start >/dev/null"
  trap "as_pg \"'$pg_bin/pg_ctl' -D '$pg_dir/data' -m immediate stop >/dev/null 2>&1\"; rm -rf '$pg_dir'" EXIT
  pg_server="postgresql:///postgres?host=$pg_dir&port=$port&user=postgres"
}
