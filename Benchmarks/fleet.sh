#!/usr/bin/env bash
# Times a rollout over a fleet of tenant schemas: N schemas (default 1,000) of 20 tables each on one
# PostgreSQL server, all at revision r1; the rollout is r2, a column and an index on one table
# (Benchmarks/Sources/retort-fleet). In the same run, on the same server:
#   - `retort-fleet upgrade head --each-schema 'tenant_*'` at --parallel 1, 4, 8 and 16 (the fleet
#     is taken back to r1 between runs, untimed);
#   - the loop people write today with Retort: one `retort-fleet upgrade head --schema S` process
#     per schema;
#   - the loop Alembic's cookbook gives ("schema-level multi tenancy"): one
#     `alembic -x tenant=S upgrade head` process per schema (Alembic 1.20.1, SQLAlchemy 2.1.9,
#     installed from PyPI into Benchmarks/.tools, git-ignored; Benchmarks/alembic-fleet), on a
#     database of its own set up alike;
#   - `check` of the whole fleet (N × 20 tables, one database) beside a single-schema `check
#     --no-history` of 2,000 tables (retort-bench's schema), best of 3 each.
# Prints wall time and targets per second for each, and the ratios.
#
#   Benchmarks/fleet.sh [TENANTS]      default 1000
# Uses RETORT_BENCH_POSTGRES_URL (a server URL; databases are created and dropped), or starts a
# throwaway server like scripts/test does.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
tenants=${1:-1000}

if [ -z "${RETORT_BENCH_POSTGRES_URL:-}" ]; then
  . "$here/throwaway-postgres.sh"
  start_throwaway_postgres 55498 -c fsync=off -c max_connections=200 -c max_locks_per_transaction=4096
  RETORT_BENCH_POSTGRES_URL="$pg_server"
fi
server="$RETORT_BENCH_POSTGRES_URL"

venv="$here/.tools/alembic-venv"
if [ ! -x "$venv/bin/alembic" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q alembic==1.20.1 sqlalchemy==2.1.9 psycopg2-binary
fi

rm -f "$here/.build/release.yaml"
swift build -c release --package-path "$here" >"$here/.build-log" 2>&1 || { cat "$here/.build-log" >&2; exit 1; }
fleet="$here/.build/release/retort-fleet"
bench="$here/.build/release/retort-bench"

# A database URL of the server: the server URL with its database replaced.
db_url() { python3 -c 'import sys,re; u,d=sys.argv[1],sys.argv[2]; print(re.sub(r"^(postgresql://[^/?]*/)[^?]*", r"\g<1>"+d, u))' "$server" "$1"; }
psql_db() { psql -X -q -v ON_ERROR_STOP=1 "$(db_url "$1")" "${@:2}"; }
seconds() { date +%s.%N; }
elapsed() { echo "$(seconds) - $1" | bc; }

# The tenants' tables at r1, written in SQL (for Alembic's database; Retort's runs its own r1).
tenant_tables_sql() {
  local s=$1 sql=""
  for i in $(seq -w 1 20); do
    sql+="CREATE TABLE $s.t$i (id bigint NOT NULL, name varchar(100) NOT NULL, amount numeric(12,2), created_at timestamptz NOT NULL, active boolean NOT NULL, CONSTRAINT pk_t$i PRIMARY KEY (id));"
  done
  echo "$sql"
}

make_schemas() {  # DATABASE: N schemas tenant_0001…
  psql -X -q "$server" -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" -c "CREATE DATABASE $1"
  psql_db "$1" -c "DO \$\$ BEGIN FOR i IN 1..$tenants LOOP EXECUTE format('CREATE SCHEMA tenant_%s', lpad(i::text, 4, '0')); END LOOP; END \$\$"
}

echo "fleet benchmark: $tenants tenant schemas × 20 tables; the rollout adds a column and an index" >&2
make_schemas fleet_retort
url=$(db_url fleet_retort)
"$fleet" upgrade r1 --url "$url" --each-schema 'tenant_*' --parallel 16 >/dev/null 2>&1

declare -A wall
for p in 1 4 8 16; do
  start=$(seconds)
  "$fleet" upgrade head --url "$url" --each-schema 'tenant_*' --parallel "$p" >/dev/null 2>&1
  wall[parallel-$p]=$(elapsed "$start")
  echo "  retort fleet upgrade --parallel $p: ${wall[parallel-$p]} s" >&2
  [ "$p" = 16 ] || "$fleet" downgrade r1 --url "$url" --each-schema 'tenant_*' --parallel 16 >/dev/null 2>&1
done

# Fleet check at head (best of 3), before the per-process loop needs the fleet at r1 again.
best=""
for _ in 1 2 3; do
  start=$(seconds)
  "$fleet" check --url "$url" --each-schema 'tenant_*' >/dev/null 2>&1
  t=$(elapsed "$start")
  if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then best=$t; fi
done
wall[fleet-check]=$best
echo "  retort fleet check ($tenants schemas): $best s" >&2

"$fleet" downgrade r1 --url "$url" --each-schema 'tenant_*' --parallel 16 >/dev/null 2>&1
schemas=$(psql_db fleet_retort -A -t -c "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'tenant\_%' ORDER BY 1")
start=$(seconds)
for s in $schemas; do "$fleet" upgrade head --url "$url" --schema "$s" >/dev/null 2>&1; done
wall[retort-loop]=$(elapsed "$start")
echo "  one retort process per schema: ${wall[retort-loop]} s" >&2

# Single-schema check of 2,000 tables (retort-bench's schema), best of 3.
psql -X -q "$server" -c "DROP DATABASE IF EXISTS fleet_single WITH (FORCE)" -c "CREATE DATABASE fleet_single"
single=$(db_url fleet_single)
RETORT_BENCH_TABLES=2000 "$bench" setup --url "$single" >/dev/null 2>&1
best=""
for _ in 1 2 3; do
  start=$(seconds)
  RETORT_BENCH_TABLES=2000 "$bench" check --no-history --url "$single" >/dev/null 2>&1
  t=$(elapsed "$start")
  if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then best=$t; fi
done
wall[single-check]=$best
echo "  retort check, one schema of 2,000 tables: $best s" >&2

# Alembic's database: the same tenants, created at a1 by SQL, its version table stamped there.
make_schemas fleet_alembic
for s in $(seq -f 'tenant_%04g' 1 "$tenants"); do
  echo "$(tenant_tables_sql "$s") CREATE TABLE $s.alembic_version (version_num varchar(32) NOT NULL PRIMARY KEY); INSERT INTO $s.alembic_version VALUES ('a1');"
done | psql_db fleet_alembic >/dev/null
ini=$(mktemp)
printf '[alembic]\nscript_location = %s\n' "$here/alembic-fleet" >"$ini"
alembic_url=$(python3 - "$(db_url fleet_alembic)" <<'PY'
import sys, urllib.parse as u
p = u.urlparse(sys.argv[1]); q = dict(u.parse_qsl(p.query))
host = q.pop("host", p.hostname or ""); port = q.pop("port", str(p.port or 5432)); user = q.pop("user", p.username or "postgres")
print("postgresql+psycopg2://%s@/%s?host=%s&port=%s" % (user, p.path.lstrip("/"), host, port))
PY
)
start=$(seconds)
for s in $(seq -f 'tenant_%04g' 1 "$tenants"); do
  ALEMBIC_URL="$alembic_url" "$venv/bin/alembic" -c "$ini" -x tenant="$s" upgrade head >/dev/null 2>&1
done
wall[alembic-loop]=$(elapsed "$start")
echo "  one alembic process per schema: ${wall[alembic-loop]} s" >&2
done_alembic=$(psql_db fleet_alembic -A -t -c "SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_t01_note'")
done_retort=$(psql_db fleet_retort -A -t -c "SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_t01_note'")
rm -f "$ini"

echo
echo "| run ($tenants tenant schemas × 20 tables) | wall time | targets/s | Alembic loop ÷ this |"
echo "|---|---|---|---|"
for key in alembic-loop retort-loop parallel-1 parallel-4 parallel-8 parallel-16; do
  t=${wall[$key]}
  printf '| %s | %.2f s | %.1f | %.1f× |\n' "$key" "$t" "$(echo "$tenants / $t" | bc -l)" "$(echo "${wall[alembic-loop]} / $t" | bc -l)"
done
printf '\nfleet check of %s schemas: %.3f s; single-schema check of 2,000 tables: %.3f s; ratio %.2f× (goal: at most 3×)\n' \
  "$tenants" "${wall[fleet-check]}" "${wall[single-check]}" "$(echo "${wall[fleet-check]} / ${wall[single-check]}" | bc -l)"
echo "tenants with the new index afterwards: Retort $done_retort, Alembic $done_alembic (of $tenants)"

for d in fleet_retort fleet_alembic fleet_single; do psql -X -q "$server" -c "DROP DATABASE IF EXISTS $d WITH (FORCE)"; done
