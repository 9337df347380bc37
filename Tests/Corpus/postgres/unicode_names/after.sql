CREATE TABLE "pedidos_año" ("número" integer PRIMARY KEY, "descripción" text DEFAULT 'ñ');
