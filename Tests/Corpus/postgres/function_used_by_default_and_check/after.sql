CREATE FUNCTION next_code() RETURNS text LANGUAGE sql AS $$ SELECT 'C' || floor(random() * 1000)::int $$;
CREATE FUNCTION is_code(t text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT t ~ '^C[0-9]+$' $$;
CREATE TABLE coupon (id serial PRIMARY KEY, code text NOT NULL DEFAULT next_code() CHECK (is_code(code)));
CREATE INDEX coupon_lower ON coupon (is_code(code));
