CREATE TABLE orders (id integer NOT NULL, note text);
CREATE SEQUENCE orders_number_seq AS integer START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
ALTER TABLE orders ADD COLUMN number integer NOT NULL;
ALTER SEQUENCE orders_number_seq OWNED BY orders.number;
ALTER TABLE ONLY orders ALTER COLUMN number SET DEFAULT nextval('orders_number_seq'::regclass);
ALTER TABLE ONLY orders ADD CONSTRAINT orders_pkey PRIMARY KEY (id);
