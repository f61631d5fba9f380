-- AlterTable
ALTER TABLE "Skill" ADD COLUMN "whatsappTemplateSid" TEXT;

-- AlterTable
ALTER TABLE "Message" ADD COLUMN "error" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Agent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "lastname" TEXT NOT NULL DEFAULT '',
    "nickname" TEXT NOT NULL DEFAULT '',
    "email" TEXT,
    "phone" TEXT,
    "language" TEXT NOT NULL DEFAULT 'en-US',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "voiceId" TEXT NOT NULL DEFAULT '',
    "voiceSpeed" REAL NOT NULL DEFAULT 1,
    "voiceStability" REAL NOT NULL DEFAULT 0.5,
    "roleText" TEXT NOT NULL DEFAULT '',
    "jobDescriptions" TEXT NOT NULL DEFAULT '',
    "baseInstructions" TEXT NOT NULL DEFAULT '',
    "initialMessage" TEXT NOT NULL DEFAULT '',
    "capabilities" TEXT NOT NULL DEFAULT '[]',
    "imageURL" TEXT,
    "llmModel" TEXT,
    "llmTemperature" REAL,
    "widgetSecret" TEXT,
    "transferNumber" TEXT,
    "voicemailMessage" TEXT NOT NULL DEFAULT '',
    "whatsappTemplateSid" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Agent" ("active", "baseInstructions", "capabilities", "createdAt", "email", "id", "imageURL", "initialMessage", "jobDescriptions", "language", "lastname", "llmModel", "llmTemperature", "name", "nickname", "phone", "roleText", "updatedAt", "voiceId", "voiceSpeed", "voiceStability", "widgetSecret") SELECT "active", "baseInstructions", "capabilities", "createdAt", "email", "id", "imageURL", "initialMessage", "jobDescriptions", "language", "lastname", "llmModel", "llmTemperature", "name", "nickname", "phone", "roleText", "updatedAt", "voiceId", "voiceSpeed", "voiceStability", "widgetSecret" FROM "Agent";
DROP TABLE "Agent";
ALTER TABLE "new_Agent" RENAME TO "Agent";
CREATE INDEX "Agent_active_name_idx" ON "Agent"("active", "name");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Interaction_externalId_idx" ON "Interaction"("externalId");

-- CreateIndex
CREATE INDEX "Interaction_provider_customerPhone_agentPhone_status_idx" ON "Interaction"("provider", "customerPhone", "agentPhone", "status");

-- CreateIndex
CREATE INDEX "Message_externalId_idx" ON "Message"("externalId");

