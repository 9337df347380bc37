DO $$ BEGIN CREATE ROLE retort_app; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE TABLE documents (id integer PRIMARY KEY, tenant_id integer NOT NULL, owner text NOT NULL DEFAULT current_user, body text);
ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
ALTER TABLE documents FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON documents USING (tenant_id = current_setting('app.tenant')::int) WITH CHECK (tenant_id = current_setting('app.tenant')::int);
CREATE POLICY docs_read ON documents FOR SELECT TO PUBLIC USING (true);
CREATE POLICY no_foreign_delete ON documents AS RESTRICTIVE FOR DELETE USING (owner = current_user);
CREATE POLICY docs_insert ON documents FOR INSERT TO retort_app WITH CHECK (body IS NOT NULL AND tenant_id > 0);
COMMENT ON POLICY tenant_isolation ON documents IS 'one tenant per session';
