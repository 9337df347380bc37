CREATE TABLE node (id integer PRIMARY KEY, parent_id integer REFERENCES node (id));
