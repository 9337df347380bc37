CREATE FUNCTION greeting(who text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT 'hello ' || who $$;
CREATE VIEW greetings AS SELECT greeting('world') AS g;
