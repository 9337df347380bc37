#!/usr/bin/env bash
# Times Retort on a large schema, whole processes (start to result): for each size, N tables of ten
# mixed-type columns, two indexes and one foreign key, on PostgreSQL and on SQLite:
#   - a no-change `check --no-history` (best of 5), beside the floor: every statement that check
#     sends (introspection's catalog queries, and the scratch schema where the server spells the
#     models' views) run by `psql -X -A -t` / `sqlite3` alone (best of 5, process start
#     included), and the ratio of the two; every Retort run's peak memory (the largest of its
#     best-of runs);
#   - `autogen` with 40 tables changed in the models (a column added, a type changed, an index
#     added; best of 3);
#   - on PostgreSQL, in the same run and on the same database, `alembic check` (Alembic 1.20.1,
#     SQLAlchemy 2.1.9, installed from PyPI by this script into Benchmarks/.tools, git-ignored)
#     with SQLAlchemy models equal to the schema (Benchmarks/alembic), and the ratio;
#   - on PostgreSQL, introspection alone with its number of catalog queries, and autogen again with
#     a check and a partial index on every table whose expressions PostgreSQL rewrites, so the
#     server canonicalizes every table (RETORT_BENCH_PLAIN_ONLY=1 skips that run);
#   - unless RETORT_BENCH_PLAIN_ONLY=1, the plain runs again with every object kind besides, in
#     proportion to the tables: n/2 views, n/4 functions, n triggers (at 2,000 tables: 1,000
#     views, 500 functions and 2,000 triggers), on both dialects;
#   - with RETORT_BENCH_VIEWS=N, the same schema with N views besides (a quarter of them over
#     another view) on both dialects: the models' views are spelled by the server on every run;
#     with RETORT_BENCH_FUNCTIONS=N, N functions (PostgreSQL: a trigger function and SQL ones),
#     and with RETORT_BENCH_TRIGGERS=N, N triggers round the tables (running the trigger function
#     on PostgreSQL, a body of their own on SQLite), in every run of every size.
#
#   Benchmarks/autogen.sh [SIZES...]        default: 500 2000 10000
# Uses RETORT_BENCH_POSTGRES_URL (a server URL; a database is created and dropped per size), or
# starts a throwaway server like scripts/test does.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(500 2000 10000)

if [ -z "${RETORT_BENCH_POSTGRES_URL:-}" ]; then
  . "$here/throwaway-postgres.sh"
  start_throwaway_postgres 55499 -c fsync=off -c max_locks_per_transaction=4096
  RETORT_BENCH_POSTGRES_URL="$pg_server"
fi

# SwiftPM can keep a stale build plan when the Retort dependency gains a file, and skip
# recompiling this tool when only Retort's API changed.
venv="$here/.tools/alembic-venv"
if [ ! -x "$venv/bin/alembic" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q alembic==1.20.1 sqlalchemy==2.1.9 psycopg2-binary
fi
alembic_dir=$(mktemp -d)
printf '[alembic]\nscript_location = %s\n' "$here/alembic" >"$alembic_dir/alembic.ini"

rm -f "$here/.build/release.yaml"
rm -rf "$here/.build/release/retort_bench.build"
swift build -c release --package-path "$here" >"$here/.build-log" 2>&1 || { cat "$here/.build-log" >&2; exit 1; }
tool="$here/.build/release/retort-bench"
server="$RETORT_BENCH_POSTGRES_URL"
revisions=$(mktemp -d)
export RETORT_BENCH_REVISIONS="$revisions"

# best_of K COMMAND…: the shortest wall time of K runs, in seconds (into $best), and the largest
# peak resident memory of those runs, in MiB (into $peak_mib).
memfile=$(mktemp)
best_of() {
  local k=$1; shift
  best=""
  local peak_kib=0
  for _ in $(seq "$k"); do
    rm -rf "${revisions:?}"/*
    local start end t kib
    start=$(date +%s.%N)
    /usr/bin/time -f "%M" -o "$memfile" "$@" >/dev/null 2>&1 || true
    end=$(date +%s.%N)
    t=$(echo "$end - $start" | bc)
    if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then best=$t; fi
    kib=$(tail -1 "$memfile" | tr -dc '0-9'); [ -n "$kib" ] && [ "$kib" -gt "$peak_kib" ] && peak_kib=$kib
  done
  peak_mib=$(echo "scale=1; $peak_kib / 1024" | bc)
}

# The floor: what check --no-history asks of the database (written by the tool, parameters filled in), run
# by the database's command-line client alone, best of 5, process start included (into $floor).
floor_of() {
  local url=$1 script=$2
  "$tool" queries --url "$url" --out "$script" >/dev/null
  case "$url" in
    sqlite:*) best_of 5 sqlite3 "${url#sqlite://}" ".read $script" ;;
    *) best_of 5 psql -X -A -t -q -d "$url" -f "$script" ;;
  esac
  floor=$best
}

# ", with 1000 views, 500 functions, 2000 triggers" for the objects besides the tables, if any.
objects_label() {
  local parts=()
  [ "${RETORT_BENCH_VIEWS:-0}" -gt 0 ] && parts+=("${RETORT_BENCH_VIEWS} views")
  [ "${RETORT_BENCH_FUNCTIONS:-0}" -gt 0 ] && parts+=("${RETORT_BENCH_FUNCTIONS} functions")
  [ "${RETORT_BENCH_TRIGGERS:-0}" -gt 0 ] && parts+=("${RETORT_BENCH_TRIGGERS} triggers")
  [ ${#parts[@]} -gt 0 ] || return 0
  local IFS=,
  echo ", with ${parts[*]}" | sed 's/,\([^ ]\)/, \1/g'
}

# One size on PostgreSQL: plain models or (expressions=1) with a check and a partial index per
# table that PostgreSQL rewrites, so that every table goes through the server's canonicalization.
measure() {
  local n=$1 expressions=$2 db="retort_bench_$1" label="plain"
  [ "$expressions" = 1 ] && label="with rewritten expressions on every table"
  label="$label$(objects_label)"
  export RETORT_BENCH_EXPRESSIONS=$expressions RETORT_BENCH_TABLES=$n
  PGOPTIONS="--client-min-messages=warning" psql -q "$server" -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
  local url="${server/\/postgres\?//$db?}"
  "$tool" setup --url "$url" >/dev/null
  "$tool" introspect --url "$url"
  if [ "$expressions" = 0 ]; then
    floor_of "$url" "$revisions.floor.sql"
    printf 'postgres  floor: what check asks of the server, by psql alone (%s): %5d tables: best of 5 = %.3f s\n' "$label" "$n" "$floor"
    best_of 5 "$tool" check --no-history --url "$url"; local check=$best
    printf 'postgres  check --no-history (%s): %5d tables, no change: best of 5 = %.3f s (%.2fx the floor; peak %s MiB)\n' \
      "$label" "$n" "$check" "$(echo "$check / $floor" | bc -l)" "$peak_mib"
  fi
  best_of 3 env RETORT_BENCH_CHANGED=40 "$tool" autogen -m bench --url "$url"
  local ops
  ops=$(cat "$revisions"/*.swift 2>/dev/null | grep -c "^        \\." || true)
  printf 'postgres  autogen (%s): %d tables, 40 changed: best of 3 = %.3f s (%s operation lines written; peak %s MiB)\n' "$label" "$n" "$best" "$ops" "$peak_mib"
  if [ "$expressions" = 0 ] && [ -z "$(objects_label)" ]; then
    # Alembic on the same database (its models are the tables): its URL form for a socket directory and port.
    local host port
    host=$(sed -n 's/.*host=\([^&]*\).*/\1/p' <<<"$url"); port=$(sed -n 's/.*port=\([0-9]*\).*/\1/p' <<<"$url")
    local runs=3; [ "$n" -ge 10000 ] && runs=1
    (cd "$alembic_dir" && BENCH_TABLES=$n ALEMBIC_URL="postgresql+psycopg2://postgres@/$db?host=$host&port=$port" \
      "$venv/bin/alembic" check >"$alembic_dir/out" 2>&1) || { echo "alembic check did not pass:"; tail -3 "$alembic_dir/out"; }
    best_of $runs env -C "$alembic_dir" BENCH_TABLES=$n ALEMBIC_URL="postgresql+psycopg2://postgres@/$db?host=$host&port=$port" \
      "$venv/bin/alembic" check
    printf 'postgres  alembic check: %5d tables: best of %d = %.3f s; retort check is %.1fx faster\n' "$n" "$runs" "$best" \
      "$(echo "$best / $check" | bc -l)"
  fi
  psql -q "$server" -c "DROP DATABASE $db"
}

# One size on SQLite (a file in a temporary folder).
measure_sqlite() {
  local n=$1 file
  file="$(mktemp -d)/bench.sqlite"
  export RETORT_BENCH_EXPRESSIONS=0 RETORT_BENCH_TABLES=$n
  sqlite3 "$file" "PRAGMA user_version = 0" 2>/dev/null || python3 -c "import sqlite3,sys; sqlite3.connect(sys.argv[1]).close()" "$file"
  "$tool" setup --url "sqlite:///$file" >/dev/null
  floor_of "sqlite:///$file" "$revisions.floor.sql"
  printf 'sqlite    floor: what check asks of the database, by sqlite3 alone (%s): %5d tables: best of 5 = %.3f s\n' "plain$(objects_label)" "$n" "$floor"
  best_of 5 "$tool" check --no-history --url "sqlite:///$file"
  local label="plain$(objects_label)"
  printf 'sqlite    check --no-history (%s): %5d tables, no change: best of 5 = %.3f s (%.2fx the floor; peak %s MiB)\n' \
    "$label" "$n" "$best" "$(echo "$best / $floor" | bc -l)" "$peak_mib"
  best_of 3 env RETORT_BENCH_CHANGED=40 "$tool" autogen -m bench --url "sqlite:///$file"
  printf 'sqlite    autogen (%s): %d tables, 40 changed: best of 3 = %.3f s (peak %s MiB)\n' "$label" "$n" "$best" "$peak_mib"
  rm -rf "$(dirname "$file")"
}

given_objects="${RETORT_BENCH_VIEWS:-}${RETORT_BENCH_FUNCTIONS:-}${RETORT_BENCH_TRIGGERS:-}"
for n in "${sizes[@]}"; do
  measure "$n" 0
  measure_sqlite "$n"
  [ -z "${RETORT_BENCH_PLAIN_ONLY:-}" ] || continue
  measure "$n" 1
  [ -z "$given_objects" ] || continue
  # Every object kind besides, in proportion: n/2 views, n/4 functions, n triggers
  # (2,000 tables: 1,000 views, 500 functions, 2,000 triggers).
  export RETORT_BENCH_VIEWS=$((n / 2)) RETORT_BENCH_FUNCTIONS=$((n / 4)) RETORT_BENCH_TRIGGERS=$n
  measure "$n" 0
  measure_sqlite "$n"
  unset RETORT_BENCH_VIEWS RETORT_BENCH_FUNCTIONS RETORT_BENCH_TRIGGERS
done
rm -rf "$revisions" "$revisions.floor.sql" "$alembic_dir" "$memfile"
