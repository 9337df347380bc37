CREATE TABLE "order items" ("item id" INTEGER PRIMARY KEY, "unit ""price""" REAL, "select" TEXT);
CREATE INDEX "ix order" ON "order items" ("select");
