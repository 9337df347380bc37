CREATE TABLE marker (id integer);
