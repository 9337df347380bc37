CREATE SEQUENCE invoice_no START WITH 1000;
CREATE TABLE invoices (id integer PRIMARY KEY, number bigint DEFAULT nextval('invoice_no'));
