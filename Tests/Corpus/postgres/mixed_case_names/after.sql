CREATE TABLE "UserAccounts" ("Id" integer PRIMARY KEY, "DisplayName" text, "eMail" text);
CREATE INDEX "IX_UserAccounts_eMail" ON "UserAccounts" ("eMail");
