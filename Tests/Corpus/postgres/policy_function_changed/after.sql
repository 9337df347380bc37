CREATE FUNCTION current_tenant() RETURNS integer LANGUAGE sql STABLE AS $$ SELECT COALESCE(current_setting('app.tenant', true)::integer, 0) $$;
CREATE TABLE invoices (id integer PRIMARY KEY, tenant_id integer NOT NULL DEFAULT current_tenant(), total numeric(10,2));
ALTER TABLE invoices ENABLE ROW LEVEL SECURITY;
CREATE POLICY invoices_tenant ON invoices USING (tenant_id = current_tenant());
CREATE POLICY invoices_big ON invoices AS RESTRICTIVE FOR SELECT USING (total < 1000000 OR tenant_id = current_tenant());
