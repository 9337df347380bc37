CREATE TABLE t (id integer PRIMARY KEY, settings jsonb DEFAULT '{"a": 1, "b": [true, null]}'::jsonb);
