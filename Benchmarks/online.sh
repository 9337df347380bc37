#!/usr/bin/env bash
# Online migration benchmark: a PostgreSQL table of ROWS rows (default 1,000,000; fsync on), a
# steady write load from a second process (RATE writes a second, half updates of random rows of the
# migrated table, half inserts), while `upgrade head` runs (a) one plain transactional revision and
# (b) the `autogen --safe` plan, for the seed story: a NOT NULL `categoria` whose existing rows get
# 'General', and an index on `nombre`. Prints, for each, the longest time a single write waited
# and the total migration time. Goal: with the safe plan no write waits longer than 100 ms.
#
#   Benchmarks/online.sh [ROWS] [RATE]
# Starts a throwaway server with fsync on (it does not use a server of yours).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
rows=${1:-1000000}; rate=${2:-500}

. "$here/throwaway-postgres.sh"
port=55498
start_throwaway_postgres $port -c fsync=on
dir=$pg_dir; server=$pg_server

rm -f "$here/.build/release.yaml"
swift build -c release --package-path "$here" --product retort-online >"$here/.build-log" 2>&1 || { cat "$here/.build-log" >&2; exit 1; }
tool="$here/.build/release/retort-online"

for plan in plain safe; do
  db="online_$plan"
  psql -q "$server" -c "CREATE DATABASE $db"
  url="postgresql:///$db?host=$dir&port=$port&user=postgres"
  "$tool" setup --url "$url" --rows "$rows" >/dev/null
  # The load runs a little before, during and after the migration.
  rm -f "$dir/stop"
  "$tool" load --url "$url" --rate "$rate" --stop-file "$dir/stop" > "$dir/load-$plan" 2>&1 &
  load=$!
  sleep 2
  "$tool" migrate --url "$url" --plan "$plan"
  sleep 2
  touch "$dir/stop"
  wait $load
  cat "$dir/load-$plan"
done
