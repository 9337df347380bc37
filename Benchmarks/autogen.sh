#!/usr/bin/env bash
# Times `autogen` on a large PostgreSQL schema: for each size, N tables of ten mixed-type columns,
# two indexes and one foreign key; 40 of them changed in the models (a column added, a type
# changed, an index added); then again with a check and a partial index on every table whose
# expressions PostgreSQL rewrites, so the server canonicalizes every table (RETORT_BENCH_PLAIN_ONLY=1
# skips that run). Prints the whole autogen (process start to file written, best of 3),
# introspection alone, and the number of catalog queries.
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
rm -f "$here/.build/release.yaml"
rm -rf "$here/.build/release/retort_bench.build"
swift build -c release --package-path "$here" >"$here/.build-log" 2>&1 || { cat "$here/.build-log" >&2; exit 1; }
tool="$here/.build/release/retort-bench"
server="$RETORT_BENCH_POSTGRES_URL"
revisions=$(mktemp -d)
export RETORT_BENCH_REVISIONS="$revisions"

# One size, plain models or (expressions=1) with a check and a partial index per table that
# PostgreSQL rewrites, so that every table goes through the server's canonicalization.
measure() {
  local n=$1 expressions=$2 db="retort_bench_$1" label="plain"
  [ "$expressions" = 1 ] && label="with rewritten expressions on every table"
  export RETORT_BENCH_EXPRESSIONS=$expressions
  PGOPTIONS="--client-min-messages=warning" psql -q "$server" -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
  local url="${server/\/postgres\?//$db?}"
  RETORT_BENCH_TABLES=$n "$tool" setup --url "$url" >/dev/null
  RETORT_BENCH_TABLES=$n "$tool" introspect --url "$url"
  local best=""
  for _ in 1 2 3; do
    rm -rf "$revisions"/*
    local start end t
    start=$(date +%s.%N)
    RETORT_BENCH_TABLES=$n RETORT_BENCH_CHANGED=40 "$tool" autogen -m bench --url "$url" >/dev/null 2>&1
    end=$(date +%s.%N)
    t=$(echo "$end - $start" | bc)
    if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then best=$t; fi
  done
  local ops
  ops=$(cat "$revisions"/*.swift | grep -c "^        \\." || true)
  printf 'autogen (%s): %d tables, 40 changed: best of 3 = %.3f s (%s operation lines written)\n' "$label" "$n" "$best" "$ops"
  psql -q "$server" -c "DROP DATABASE $db"
}

for n in "${sizes[@]}"; do
  measure "$n" 0
  [ -n "${RETORT_BENCH_PLAIN_ONLY:-}" ] || measure "$n" 1
done
rm -rf "$revisions"
