CREATE SEQUENCE invoice_no START WITH 1000 INCREMENT BY 2 MAXVALUE 999999 CYCLE;
CREATE TABLE invoices (id integer PRIMARY KEY, number bigint DEFAULT nextval('invoice_no'));
