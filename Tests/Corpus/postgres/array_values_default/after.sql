CREATE TABLE t (id integer PRIMARY KEY, levels integer[] DEFAULT '{1,2,3}', names text[] DEFAULT ARRAY['a', 'b']);
