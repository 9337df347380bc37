DO $$ BEGIN CREATE ROLE retort_app; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE TABLE documents (id integer PRIMARY KEY, tenant_id integer NOT NULL, body text);
ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
CREATE POLICY p_tenant ON documents USING (tenant_id = 1);
CREATE POLICY p_read ON documents FOR SELECT USING (body IS NOT NULL);
CREATE POLICY p_gone ON documents FOR DELETE USING (false);
CREATE TABLE notes (id integer PRIMARY KEY);
ALTER TABLE notes ENABLE ROW LEVEL SECURITY;
