CREATE TABLE t (id integer PRIMARY KEY, a numeric(10, 2) DEFAULT numeric '1.5', b integer DEFAULT int '1', c boolean DEFAULT boolean 'true', d text DEFAULT text 'x');
