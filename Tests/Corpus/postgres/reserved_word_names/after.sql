CREATE TABLE "select" ("from" integer PRIMARY KEY, "where" text, "order" integer);
CREATE INDEX "group" ON "select" ("order");
