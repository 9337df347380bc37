CREATE TABLE node (id integer PRIMARY KEY, parent_id integer REFERENCES node (id));
CREATE RECURSIVE VIEW lineage (id, depth) AS SELECT id, 0 FROM node WHERE parent_id IS NULL UNION ALL SELECT n.id, l.depth + 1 FROM node n JOIN lineage l ON n.parent_id = l.id;
