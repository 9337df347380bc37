CREATE FUNCTION add_days(since date, days integer DEFAULT 1) RETURNS date LANGUAGE sql AS $$ SELECT since + days $$;
