create table t (id integer primary key, a integer, b bigint generated always as (a * 2 + 1) stored);
