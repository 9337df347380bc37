CREATE TABLE account (account_id integer NOT NULL, email text NOT NULL, kind text) PARTITION BY LIST (lower(kind));
CREATE TABLE account_people PARTITION OF account FOR VALUES IN ('person', NULL);
CREATE TABLE account_firms PARTITION OF account FOR VALUES IN ('company', 'ngo');
CREATE TABLE event (event_id bigint NOT NULL, happened_at timestamp NOT NULL, weight integer NOT NULL) PARTITION BY RANGE (happened_at, (weight + 1));
CREATE TABLE event_low PARTITION OF event FOR VALUES FROM ('2020-01-01', MINVALUE) TO ('2030-01-01', 10);
CREATE TABLE session (session_id uuid NOT NULL, data jsonb) PARTITION BY HASH (session_id);
CREATE TABLE session_0 PARTITION OF session FOR VALUES WITH (MODULUS 3, REMAINDER 0);
CREATE TABLE session_1 PARTITION OF session FOR VALUES WITH (MODULUS 3, REMAINDER 1);
CREATE TABLE session_2 PARTITION OF session FOR VALUES WITH (MODULUS 3, REMAINDER 2);
