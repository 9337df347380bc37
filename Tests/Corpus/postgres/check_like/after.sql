CREATE TABLE t (id integer PRIMARY KEY, code text CONSTRAINT code_prefix CHECK (code LIKE 'X-%' AND length(code) < 20));
