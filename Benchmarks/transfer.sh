#!/usr/bin/env bash
# Transfer benchmark: ROWS rows (default 1,000,000) of autotrainx's `executions` shape, clean data,
# from an SQLite file into PostgreSQL on a local socket, by `retort transfer` and by pgloader (the
# Debian package, unpacked into Benchmarks/.tools, never installed system-wide), both loading into
# the same pre-created schema on the same throwaway server in the same run. Prints rows per second
# and peak memory (max RSS) for each, Retort's at ROWS/4 too (memory must stay flat in the row
# count), and checks both targets with the same row counts and checksums (`transfer --verify-only`).
#
#   Benchmarks/transfer.sh [ROWS]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
rows=${1:-1000000}
tools="$here/.tools"

. "$here/throwaway-postgres.sh"
port=55497
start_throwaway_postgres $port
server=$pg_server; dir=$pg_dir

# pgloader from Debian's archive, unpacked (not installed) into a git-ignored folder.
if [ ! -x "$tools/pgloader/usr/bin/pgloader" ]; then
  mkdir -p "$tools/pgloader"
  (cd "$tools" && apt-get download pgloader >/dev/null 2>&1 || { apt-get update -qq >/dev/null && apt-get download pgloader >/dev/null; })
  dpkg -x "$tools"/pgloader_*.deb "$tools/pgloader"
fi
pgloader="$tools/pgloader/usr/bin/pgloader"

echo "building retort (release)…" >&2
swift build -c release --package-path "$root" --product retort --scratch-path "$root/.build-release" >"$here/.build-log" 2>&1 \
  || { cat "$here/.build-log" >&2; exit 1; }
retort="$root/.build-release/release/retort"

make_source() {  # make_source PATH ROWS: clean data, every value in the form its column declares
  python3 - "$1" "$2" <<'PY'
import random, sqlite3, sys, datetime
path, n = sys.argv[1], int(sys.argv[2])
rng = random.Random(7)
db = sqlite3.connect(path)
db.executescript("""
CREATE TABLE executions (job_id VARCHAR(8) PRIMARY KEY, variation_id INTEGER, status TEXT NOT NULL,
  started_at DATETIME, finished_at DATETIME, duration FLOAT, success BOOLEAN, epochs INTEGER, metrics TEXT, notes TEXT);
""")
base = datetime.datetime(2025, 1, 1)
def rows():
    for k in range(n):
        t = base + datetime.timedelta(seconds=k * 3)
        yield ("%08x" % k, rng.randint(1, 200), rng.choice(["pending", "running", "done", "failed"]),
               t.strftime("%Y-%m-%d %H:%M:%S"), (t + datetime.timedelta(seconds=rng.randint(10, 5000))).strftime("%Y-%m-%d %H:%M:%S"),
               round(rng.uniform(1, 5000), 3), rng.randint(0, 1), rng.randint(1, 200),
               '{"loss": %.4f, "acc": %.3f, "history": [%d, %d]}' % (rng.random(), rng.random(), rng.randint(0, 9), rng.randint(0, 9)),
               rng.choice([None, "first try", "tuned lr", "ünïcødé"]))
db.executemany("INSERT INTO executions VALUES (?,?,?,?,?,?,?,?,?,?)", rows())
db.commit()
PY
}

schema="CREATE TABLE executions (job_id varchar(8) PRIMARY KEY, variation_id bigint, status text NOT NULL,
  started_at timestamptz, finished_at timestamptz, duration double precision, success boolean, epochs bigint, metrics jsonb, notes text);"

measure() {  # measure LABEL COMMAND…: wall seconds and max RSS (KiB) into $seconds / $rss
  local out="$dir/time-$1"
  /usr/bin/time -f "%e %M" -o "$out" "${@:2}" >"$dir/out-$1" 2>&1 || { cat "$dir/out-$1" >&2; exit 1; }
  read -r seconds rss <"$out"
}

report() {  # report LABEL ROWS SECONDS RSS
  awk -v l="$1" -v n="$2" -v s="$3" -v m="$4" 'BEGIN { printf "%-34s %9d rows  %7.2f s  %9.0f rows/s  peak memory %6.1f MiB\n", l, n, s, n / s, m / 1024 }'
}

quarter=$((rows / 4))
for n in $quarter $rows; do
  src="$dir/source-$n.db"
  echo "making the source: $n rows…" >&2
  make_source "$src" "$n"
  psql -q "$server" -c "CREATE DATABASE retort_$n" -c "CREATE DATABASE pgloader_$n"
  for db in retort_$n pgloader_$n; do psql -q "postgresql:///$db?host=$dir&port=$port&user=postgres" -c "$schema"; done
  url="postgresql:///retort_$n?host=$dir&port=$port&user=postgres"

  measure "retort-$n" "$retort" transfer --from "sqlite:///$src" --to "$url" --format json
  report "retort transfer (copy + verify)" "$n" "$seconds" "$rss"
  copy_rate=$(grep -o '"rowsPerSecond" : [0-9.]*' "$dir/out-retort-$n" | awk '{print int($3)}')
  echo "  of which the copy alone: $copy_rate rows/s"

  [ "$n" = "$quarter" ] && continue
  cat >"$dir/load.pgl" <<PGL
LOAD DATABASE
  FROM sqlite://$src
  INTO postgresql://postgres@unix:$dir:$port/pgloader_$n
  WITH data only, create no tables, create no indexes, reset no sequences, workers = 2, concurrency = 1
  SET work_mem to '64MB';
PGL
  measure "pgloader-$n" "$pgloader" --no-ssl-cert-verification "$dir/load.pgl"
  report "pgloader (copy only)" "$n" "$seconds" "$rss"

  # The same checks, by the same code, on both targets: row counts and checksums per table.
  for db in retort_$n pgloader_$n; do
    if "$retort" transfer --from "sqlite:///$src" --to "postgresql:///$db?host=$dir&port=$port&user=postgres" --verify-only >"$dir/verify-$db" 2>&1; then
      echo "  $db: verified ($(awk 'NR==2 {print $4 " rows, checksum " $5}' "$dir/verify-$db"))"
    else
      echo "  $db: DIFFERS"; cat "$dir/verify-$db"
    fi
  done
done
