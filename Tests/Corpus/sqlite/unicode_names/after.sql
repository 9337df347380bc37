CREATE TABLE "pedidos_año" ("número" INTEGER PRIMARY KEY, "descripción" TEXT DEFAULT 'ñ');
