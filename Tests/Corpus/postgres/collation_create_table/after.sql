CREATE TABLE other (id integer PRIMARY KEY);
CREATE TABLE t (id integer PRIMARY KEY, code text COLLATE "C" NOT NULL DEFAULT 'x', tags text[] COLLATE "POSIX");
