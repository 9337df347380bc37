CREATE FUNCTION describe(n integer) RETURNS text LANGUAGE sql AS $$ SELECT 'int ' || n $$;
CREATE FUNCTION describe(s text) RETURNS text LANGUAGE sql AS $$ SELECT 'text ' || s $$;
CREATE FUNCTION describe(a integer, b integer) RETURNS text LANGUAGE sql AS $$ SELECT 'pair' $$;
