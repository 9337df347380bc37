CREATE TABLE "UserAccounts" ("Id" integer PRIMARY KEY, "DisplayName" text NOT NULL, "LastSeen" timestamptz);
