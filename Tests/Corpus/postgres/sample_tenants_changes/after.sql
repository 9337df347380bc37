-- The multi-tenant sample after a change set: a column type change under the policies, a new
-- status column the exclusion constraint now reads, a new policy, a policy's roles and USING changed.
-- A multi-tenant booking schema of our own: every tenant table under row-level security with
-- FORCE and a policy per command, citext and pg_trgm in use, and a booking table whose exclusion
-- constraint keeps one resource from being booked twice at once.
CREATE EXTENSION citext;
CREATE EXTENSION pg_trgm;
CREATE EXTENSION btree_gist;

CREATE FUNCTION current_tenant_id() RETURNS integer LANGUAGE sql STABLE AS $$
SELECT nullif(current_setting('app.tenant_id', true), '')::integer
$$;

CREATE TABLE tenant (
    id serial PRIMARY KEY,
    slug citext NOT NULL UNIQUE,
    name text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE app_user (
    id serial PRIMARY KEY,
    tenant_id integer NOT NULL DEFAULT current_tenant_id() REFERENCES tenant (id) ON DELETE CASCADE,
    email citext NOT NULL,
    full_name text NOT NULL,
    UNIQUE (tenant_id, email)
);
CREATE INDEX app_user_full_name_trgm ON app_user USING gin (full_name gin_trgm_ops);
CREATE TABLE resource (
    id serial PRIMARY KEY,
    tenant_id integer NOT NULL DEFAULT current_tenant_id() REFERENCES tenant (id) ON DELETE CASCADE,
    name text NOT NULL,
    capacity bigint NOT NULL DEFAULT 1 CHECK (capacity > 0)
);
CREATE INDEX resource_name_trgm ON resource USING gist (name gist_trgm_ops);
CREATE TABLE booking (
    id bigserial PRIMARY KEY,
    tenant_id bigint NOT NULL DEFAULT current_tenant_id() REFERENCES tenant (id) ON DELETE CASCADE,
    resource_id integer NOT NULL REFERENCES resource (id),
    status text NOT NULL DEFAULT 'confirmed',
    booked_by integer REFERENCES app_user (id) ON DELETE SET NULL,
    during tstzrange NOT NULL,
    cancelled boolean NOT NULL DEFAULT false,
    CONSTRAINT booking_no_overlap EXCLUDE USING gist (resource_id WITH =, during WITH &&) WHERE (NOT cancelled AND status <> 'tentative')
);
COMMENT ON CONSTRAINT booking_no_overlap ON booking IS 'a resource is booked once at a time';

ALTER TABLE app_user ENABLE ROW LEVEL SECURITY;
ALTER TABLE app_user FORCE ROW LEVEL SECURITY;
CREATE POLICY app_user_select ON app_user FOR SELECT USING (tenant_id = current_tenant_id());
CREATE POLICY app_user_insert ON app_user FOR INSERT WITH CHECK (tenant_id = current_tenant_id());
CREATE POLICY app_user_update ON app_user FOR UPDATE USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
CREATE POLICY app_user_delete ON app_user FOR DELETE USING (tenant_id = current_tenant_id());

ALTER TABLE resource ENABLE ROW LEVEL SECURITY;
ALTER TABLE resource FORCE ROW LEVEL SECURITY;
CREATE POLICY resource_select ON resource FOR SELECT USING (tenant_id = current_tenant_id() AND capacity > 0);
CREATE POLICY resource_shared ON resource FOR SELECT USING (tenant_id IS NULL);
CREATE POLICY resource_insert ON resource FOR INSERT WITH CHECK (tenant_id = current_tenant_id());
CREATE POLICY resource_update ON resource FOR UPDATE USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
CREATE POLICY resource_delete ON resource FOR DELETE USING (tenant_id = current_tenant_id());

ALTER TABLE booking ENABLE ROW LEVEL SECURITY;
ALTER TABLE booking FORCE ROW LEVEL SECURITY;
CREATE POLICY booking_select ON booking FOR SELECT USING (tenant_id = current_tenant_id());
CREATE POLICY booking_insert ON booking FOR INSERT WITH CHECK (tenant_id = current_tenant_id() AND NOT cancelled);
CREATE POLICY booking_update ON booking FOR UPDATE USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
CREATE POLICY booking_delete ON booking AS RESTRICTIVE FOR DELETE USING (tenant_id = current_tenant_id() AND upper(during) > now());
CREATE POLICY booking_delete_own ON booking FOR DELETE USING (tenant_id = current_tenant_id());
COMMENT ON POLICY booking_delete ON booking IS 'past bookings stay';
