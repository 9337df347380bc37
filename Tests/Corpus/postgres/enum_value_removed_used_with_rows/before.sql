CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE t (id integer PRIMARY KEY, m mood NOT NULL DEFAULT 'ok', ms mood[]);
CREATE TABLE u (id integer PRIMARY KEY, m mood CONSTRAINT m_not_happy CHECK (m <> 'happy'));
CREATE INDEX u_ok ON u (id) WHERE m = 'ok';
CREATE INDEX t_m ON t (m);
INSERT INTO t VALUES (1, 'ok', '{ok,happy}'), (2, 'happy', NULL); INSERT INTO u VALUES (1, 'ok');
