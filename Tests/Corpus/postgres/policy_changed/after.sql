DO $$ BEGIN CREATE ROLE retort_app; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE TABLE documents (id integer PRIMARY KEY, tenant_id integer NOT NULL, body text);
ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
ALTER TABLE documents FORCE ROW LEVEL SECURITY;
CREATE POLICY p_tenant ON documents TO retort_app USING (tenant_id IN (1, 2)) WITH CHECK (tenant_id = 1);
CREATE POLICY p_read ON documents FOR UPDATE USING (body IS NOT NULL);
CREATE TABLE notes (id integer PRIMARY KEY);
