CREATE FUNCTION greeting(who text) RETURNS text LANGUAGE sql STABLE AS $$ SELECT 'hi ' || who $$;
CREATE VIEW greetings AS SELECT greeting('world') AS g;
