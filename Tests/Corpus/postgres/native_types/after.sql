CREATE TABLE t (id integer PRIMARY KEY, ip inet, net cidr, mac macaddr, t time, tz timetz, span interval, amount money, n numeric, v varchar, bits bit(8));
