#!/usr/bin/env python3
"""Makes autotrainx's legacy SQLite database: the ML-training tracker as it grew for years.

usage: make_legacy_db.py PATH [EXECUTIONS]   (default 100000 executions)

Deterministic (seeded), so tests know every hard case it holds:
  - booleans stored as 0/1, 'true'/'false', 't'/'f', 'yes'/'no' in any case;
  - dates as ISO text (space or T, with Z or an offset, or none) and as Unix epochs in seconds
    and in milliseconds, some stored as text;
  - JSON stored as TEXT, some of it invalid;
  - numbers stored as text in INTEGER and FLOAT columns, and some strings that are not numbers;
  - NULLs, a row whose variation does not exist, rows whose variation is rejected.
Rows whose job_id starts with 'x' hold a value that cannot be converted exactly (the expected
rejects); 'c' rows reference a rejected variation; 'o' rows reference no variation at all.
"""
import random
import sqlite3
import sys

path = sys.argv[1]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
rng = random.Random(20261123)

db = sqlite3.connect(path)
db.executescript(
    """
    CREATE TABLE variations (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL,
        parameters TEXT,
        created_at DATETIME DEFAULT CURRENT_TIMESTAMP
    );
    CREATE TABLE executions (
        job_id VARCHAR(8) PRIMARY KEY,
        variation_id INTEGER REFERENCES variations(id),
        status TEXT NOT NULL DEFAULT 'pending',
        started_at DATETIME,
        finished_at DATETIME,
        duration FLOAT,
        success BOOLEAN,
        epochs INTEGER,
        metrics TEXT,
        notes TEXT
    );
    CREATE INDEX ix_executions_variation ON executions (variation_id);
    """
)

variations = []
for i in range(1, 201):
    params = '{"lr": %s, "batch": %d, "layers": [%d, %d]}' % (rng.choice(["0.1", "0.01", "0.001", "3e-4"]), rng.choice([16, 32, 64]), rng.randint(1, 8), rng.randint(1, 8))
    created = "2025-%02d-%02d %02d:%02d:%02d" % (rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59))
    variations.append((i, "variation %d" % i, params, created))
# Hard cases among the variations: 201's parameters are not JSON (rejected, and so are its executions).
variations.append((201, "broken", "{'lr': 0.1}", "2025-06-01 10:00:00"))
variations.append((202, "no parameters", None, None))
db.executemany("INSERT INTO variations VALUES (?, ?, ?, ?)", variations)

bool_spellings = [1, 0, "true", "false", "TRUE", "False", "t", "f", "T", "F", "yes", "no", "YES", "No", None]
statuses = ["pending", "running", "done", "failed"]


def started(k):
    base = 1_735_689_600 + k * 37  # 2025-01-01 onwards, seconds
    form = k % 7
    if form == 0:
        return base
    if form == 1:
        return base * 1000 + k % 1000  # milliseconds
    if form == 2:
        return str(base)  # an epoch stored as text
    import datetime
    t = datetime.datetime.fromtimestamp(base, datetime.timezone.utc)
    if form == 3:
        return t.strftime("%Y-%m-%d %H:%M:%S")
    if form == 4:
        return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03d" % (k % 1000) + "Z"
    if form == 5:
        return (t + datetime.timedelta(hours=2)).strftime("%Y-%m-%d %H:%M:%S") + "+02:00"
    return t.strftime("%Y-%m-%dT%H:%M")


rows = []
for k in range(count):
    job = "%08x" % k
    v = rng.randint(1, 200)
    start = started(k)
    finished = None if k % 5 == 0 else 1_735_689_600 + k * 37 + rng.randint(10, 5000)
    duration = None if finished is None else rng.choice([round(rng.uniform(1, 5000), 3), str(round(rng.uniform(1, 50), 2))])
    success = bool_spellings[k % len(bool_spellings)]
    epochs = rng.choice([rng.randint(1, 200), str(rng.randint(1, 200)), None])
    metrics = rng.choice(['{"loss": %.4f, "acc": %.3f}' % (rng.random(), rng.random()), "[]", "{}", None, '{"history": [1, 2.5, null, true]}'])
    notes = rng.choice([None, "", "first try", "tab\there", "line\nbreak", "back\\slash", "ünïcødé ✓"])
    rows.append((job, v, statuses[k % 4], start, finished, duration, success, epochs, metrics, notes))

# The rows that cannot be converted exactly, one reason each.
rows += [
    ("x0000001", 1, "done", "yesterday", None, None, 1, 5, "{}", "a date that is not one"),
    ("x0000002", 1, "done", "2025-01-01 10:00:00", None, None, "maybe", 5, "{}", "a boolean that is not one"),
    ("x0000003", 1, "done", "2025-01-01 10:00:00", None, None, 1, "twelve", "{}", "an integer that is not one"),
    ("x0000004", 1, "done", "2025-01-01 10:00:00", None, None, 1, 5, '{"loss": 0.1', "invalid JSON"),
    ("x0000005", 1, "done", "2025-01-01 10:00:00", None, "fast", 1, 5, "{}", "a float that is not one"),
    ("x0000006", 1, "done", "2025-02-30 10:00:00", None, None, 1, 5, "{}", "a day that does not exist"),
    ("x0000007", 1, "done", "2025-01-01 10:00:00", None, None, 1, 5, '{"a": 1, "a": 2}', "a duplicate JSON key"),
    ("x0000008", 1, "done", "2025-01-01 10:00:00", None, None, 1, 3000000000, "{}", "an integer too large"),
    ("c0000001", 201, "done", "2025-01-01 10:00:00", None, None, 1, 5, "{}", "its variation is rejected"),
    ("o0000001", 999, "done", "2025-01-01 10:00:00", None, None, 1, 5, "{}", "its variation does not exist"),
]
db.executemany("INSERT INTO executions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
db.commit()
db.close()
