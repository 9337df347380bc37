create table t (id integer primary key, a integer, b integer as (a * 2));
