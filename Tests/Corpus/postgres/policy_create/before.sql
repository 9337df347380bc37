DO $$ BEGIN CREATE ROLE retort_app; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE TABLE documents (id integer PRIMARY KEY, tenant_id integer NOT NULL, owner text NOT NULL DEFAULT current_user, body text);
