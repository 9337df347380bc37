CREATE TABLE marker (id integer, name text);
