CREATE TABLE t (id integer PRIMARY KEY, first text, last text, full_name text GENERATED ALWAYS AS (coalesce(first, '') || ' ' || coalesce(last, '')) STORED);
CREATE INDEX t_full ON t (lower(full_name));
