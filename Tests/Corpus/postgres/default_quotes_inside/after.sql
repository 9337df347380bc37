CREATE TABLE t (id integer PRIMARY KEY, phrase text DEFAULT 'it''s "quoted"', empty text DEFAULT '');
