CREATE SEQUENCE invoice_no START WITH 1000 INCREMENT BY 5 CACHE 10;
CREATE TABLE invoices (id integer PRIMARY KEY, number bigint NOT NULL DEFAULT nextval('invoice_no'));
