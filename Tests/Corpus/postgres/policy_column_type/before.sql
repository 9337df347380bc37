CREATE TABLE orders (id integer PRIMARY KEY, tenant_id integer NOT NULL, region varchar(10));
ALTER TABLE orders ENABLE ROW LEVEL SECURITY;
CREATE POLICY orders_tenant ON orders USING (tenant_id = current_setting('app.tenant')::integer AND region <> 'xx');
INSERT INTO orders VALUES (1, 7, 'eu');
