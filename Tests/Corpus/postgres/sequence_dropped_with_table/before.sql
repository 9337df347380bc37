CREATE SEQUENCE invoice_no;
CREATE TABLE invoices (id integer PRIMARY KEY, number bigint DEFAULT nextval('invoice_no'));
