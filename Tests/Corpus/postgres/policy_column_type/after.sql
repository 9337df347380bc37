CREATE TABLE orders (id integer PRIMARY KEY, tenant_id bigint NOT NULL, region text);
ALTER TABLE orders ENABLE ROW LEVEL SECURITY;
CREATE POLICY orders_tenant ON orders USING (tenant_id = current_setting('app.tenant')::integer AND region <> 'xx');
