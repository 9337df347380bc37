CREATE TABLE "order items" ("item ""id""" integer PRIMARY KEY, "unit price" numeric(10,2) CONSTRAINT "price ""ok""" CHECK ("unit price" >= 0));
