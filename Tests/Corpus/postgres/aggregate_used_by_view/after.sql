CREATE TABLE actor (actor_id serial PRIMARY KEY, name text NOT NULL);
CREATE FUNCTION _group_concat(text, text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
SELECT CASE WHEN $2 IS NULL THEN $1 WHEN $1 IS NULL THEN $2 ELSE $1 || ', ' || $2 END
$$;
CREATE AGGREGATE group_concat(text) (SFUNC = _group_concat, STYPE = text);
COMMENT ON AGGREGATE group_concat(text) IS 'names joined';
CREATE VIEW actor_names AS SELECT group_concat(name) AS names FROM actor;
