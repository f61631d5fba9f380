-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ApiCredential" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "secretHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" DATETIME,
    "revokedAt" DATETIME,
    "createdById" TEXT,
    "createdByName" TEXT,
    "createdByEmail" TEXT,
    CONSTRAINT "ApiCredential_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "StaffUser" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_ApiCredential" ("createdAt", "id", "lastUsedAt", "name", "revokedAt", "secretHash", "username") SELECT "createdAt", "id", "lastUsedAt", "name", "revokedAt", "secretHash", "username" FROM "ApiCredential";
DROP TABLE "ApiCredential";
ALTER TABLE "new_ApiCredential" RENAME TO "ApiCredential";
CREATE UNIQUE INDEX "ApiCredential_username_key" ON "ApiCredential"("username");
CREATE INDEX "ApiCredential_createdById_idx" ON "ApiCredential"("createdById");
CREATE TABLE "new_WebhookEndpoint" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "url" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "events" TEXT,
    "secret" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "disabledReason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "createdById" TEXT,
    "createdByName" TEXT,
    "createdByEmail" TEXT,
    CONSTRAINT "WebhookEndpoint_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "StaffUser" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_WebhookEndpoint" ("createdAt", "description", "disabledReason", "enabled", "events", "id", "secret", "updatedAt", "url") SELECT "createdAt", "description", "disabledReason", "enabled", "events", "id", "secret", "updatedAt", "url" FROM "WebhookEndpoint";
DROP TABLE "WebhookEndpoint";
ALTER TABLE "new_WebhookEndpoint" RENAME TO "WebhookEndpoint";
CREATE INDEX "WebhookEndpoint_createdAt_idx" ON "WebhookEndpoint"("createdAt");
CREATE INDEX "WebhookEndpoint_createdById_idx" ON "WebhookEndpoint"("createdById");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Written by hand: every account that exists now was created already (by a start or in the dashboard).
-- Recording that keeps a start from recreating one from ADMIN_EMAIL or API_USERNAME once it is removed.
INSERT INTO "Setting" ("key", "value") SELECT 'bootstrap_admin:' || "email", "email" FROM "StaffUser";
INSERT INTO "Setting" ("key", "value") SELECT 'bootstrap_api_credential:' || "username", "username" FROM "ApiCredential";
