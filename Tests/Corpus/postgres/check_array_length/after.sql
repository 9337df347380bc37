CREATE TABLE t (id integer PRIMARY KEY, tags text[] CONSTRAINT few_tags CHECK (cardinality(tags) <= 5));
