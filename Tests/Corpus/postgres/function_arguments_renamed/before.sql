CREATE FUNCTION add_days(d date, n integer) RETURNS date LANGUAGE sql AS $$ SELECT d + n $$;
