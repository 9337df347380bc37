CREATE FUNCTION gone(integer) RETURNS integer LANGUAGE sql AS 'SELECT $1';
CREATE PROCEDURE gone_too() LANGUAGE sql AS 'SELECT 1';
CREATE AGGREGATE concat_all(text) (SFUNC = textcat, STYPE = text, INITCOND = '');
