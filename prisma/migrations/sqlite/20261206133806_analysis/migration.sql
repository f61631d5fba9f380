-- AlterTable
ALTER TABLE "Interaction" ADD COLUMN "analysis" TEXT;
ALTER TABLE "Interaction" ADD COLUMN "sentiment" TEXT;
ALTER TABLE "Interaction" ADD COLUMN "successful" BOOLEAN;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Skill" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "language" TEXT NOT NULL DEFAULT 'en-US',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "whatsappTemplateSid" TEXT,
    "successCriteria" TEXT NOT NULL DEFAULT '',
    "analysisFields" TEXT NOT NULL DEFAULT '[]',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Skill" ("active", "createdAt", "description", "id", "language", "name", "updatedAt", "whatsappTemplateSid") SELECT "active", "createdAt", "description", "id", "language", "name", "updatedAt", "whatsappTemplateSid" FROM "Skill";
DROP TABLE "Skill";
ALTER TABLE "new_Skill" RENAME TO "Skill";
CREATE INDEX "Skill_active_name_idx" ON "Skill"("active", "name");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Interaction_sentiment_createdAt_idx" ON "Interaction"("sentiment", "createdAt");

-- CreateIndex
CREATE INDEX "Interaction_successful_createdAt_idx" ON "Interaction"("successful", "createdAt");

