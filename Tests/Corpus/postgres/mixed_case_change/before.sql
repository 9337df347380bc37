CREATE TABLE "UserAccounts" ("Id" integer PRIMARY KEY, "DisplayName" text);
