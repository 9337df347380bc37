CREATE TABLE node (id bigint PRIMARY KEY, parent bigint REFERENCES node (id));
