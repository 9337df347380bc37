CREATE FUNCTION describe(n integer) RETURNS text LANGUAGE sql AS $$ SELECT 'integer ' || n $$;
CREATE FUNCTION describe(s character varying) RETURNS text LANGUAGE sql AS $$ SELECT 'varchar ' || s $$;
CREATE FUNCTION describe(a integer, b integer) RETURNS text LANGUAGE sql AS $$ SELECT 'pair' $$;
