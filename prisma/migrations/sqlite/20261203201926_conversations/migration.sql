-- AlterTable
ALTER TABLE "Agent" ADD COLUMN "llmModel" TEXT;
ALTER TABLE "Agent" ADD COLUMN "llmTemperature" REAL;
ALTER TABLE "Agent" ADD COLUMN "widgetSecret" TEXT;

-- CreateTable
CREATE TABLE "AgentAction" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "agentId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "parameters" TEXT NOT NULL DEFAULT '{"type":"object","properties":{}}',
    "url" TEXT NOT NULL,
    "timeoutMs" INTEGER NOT NULL DEFAULT 10000,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "AgentAction_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "Agent" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Interaction" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "channel" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "agentId" TEXT NOT NULL,
    "skillId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "customerName" TEXT NOT NULL,
    "customerPhone" TEXT,
    "customerEmail" TEXT,
    "agentPhone" TEXT,
    "agentEmail" TEXT,
    "effectiveAgent" TEXT NOT NULL,
    "customFields" TEXT NOT NULL DEFAULT '[]',
    "initialMessage" TEXT NOT NULL DEFAULT '',
    "prompt" TEXT NOT NULL DEFAULT '',
    "unresolvedVariables" TEXT NOT NULL DEFAULT '[]',
    "transcription" TEXT,
    "hasRecording" BOOLEAN NOT NULL DEFAULT false,
    "durationSeconds" INTEGER,
    "note" TEXT,
    "provider" TEXT NOT NULL DEFAULT 'simulator',
    "simulated" BOOLEAN NOT NULL DEFAULT true,
    "direction" TEXT NOT NULL DEFAULT 'outbound',
    "externalId" TEXT,
    "brain" TEXT NOT NULL DEFAULT 'scripted',
    "persona" TEXT,
    "takenOverById" TEXT,
    "takenOverByName" TEXT,
    "needsPerson" BOOLEAN NOT NULL DEFAULT false,
    "handoffReason" TEXT,
    "promptTokens" INTEGER NOT NULL DEFAULT 0,
    "completionTokens" INTEGER NOT NULL DEFAULT 0,
    "endReason" TEXT,
    "searchText" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "startedAt" DATETIME,
    "endedAt" DATETIME,
    "lastActivityAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Interaction_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "Agent" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Interaction_skillId_fkey" FOREIGN KEY ("skillId") REFERENCES "Skill" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Interaction_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Interaction" ("agentEmail", "agentId", "agentPhone", "channel", "createdAt", "customFields", "customerEmail", "customerId", "customerName", "customerPhone", "durationSeconds", "effectiveAgent", "endReason", "endedAt", "hasRecording", "id", "initialMessage", "lastActivityAt", "note", "prompt", "provider", "searchText", "simulated", "skillId", "startedAt", "status", "transcription", "unresolvedVariables", "updatedAt") SELECT "agentEmail", "agentId", "agentPhone", "channel", "createdAt", "customFields", "customerEmail", "customerId", "customerName", "customerPhone", "durationSeconds", "effectiveAgent", "endReason", "endedAt", "hasRecording", "id", "initialMessage", "lastActivityAt", "note", "prompt", "provider", "searchText", "simulated", "skillId", "startedAt", "status", "transcription", "unresolvedVariables", "updatedAt" FROM "Interaction";
DROP TABLE "Interaction";
ALTER TABLE "new_Interaction" RENAME TO "Interaction";
CREATE INDEX "Interaction_createdAt_idx" ON "Interaction"("createdAt");
CREATE INDEX "Interaction_status_createdAt_idx" ON "Interaction"("status", "createdAt");
CREATE INDEX "Interaction_channel_createdAt_idx" ON "Interaction"("channel", "createdAt");
CREATE INDEX "Interaction_agentId_createdAt_idx" ON "Interaction"("agentId", "createdAt");
CREATE INDEX "Interaction_customerId_createdAt_idx" ON "Interaction"("customerId", "createdAt");
CREATE INDEX "Interaction_status_lastActivityAt_idx" ON "Interaction"("status", "lastActivityAt");
CREATE INDEX "Interaction_needsPerson_status_idx" ON "Interaction"("needsPerson", "status");
CREATE INDEX "Interaction_direction_createdAt_idx" ON "Interaction"("direction", "createdAt");
CREATE TABLE "new_Message" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "interactionId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "sid" TEXT NOT NULL,
    "sender" TEXT NOT NULL,
    "senderName" TEXT,
    "internal" BOOLEAN NOT NULL DEFAULT false,
    "content" TEXT NOT NULL,
    "mediaUrl" TEXT,
    "status" TEXT NOT NULL,
    "externalId" TEXT,
    "promptTokens" INTEGER,
    "completionTokens" INTEGER,
    "timestamp" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Message_interactionId_fkey" FOREIGN KEY ("interactionId") REFERENCES "Interaction" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Message" ("content", "id", "interactionId", "mediaUrl", "sender", "seq", "sid", "status", "timestamp") SELECT "content", "id", "interactionId", "mediaUrl", "sender", "seq", "sid", "status", "timestamp" FROM "Message";
DROP TABLE "Message";
ALTER TABLE "new_Message" RENAME TO "Message";
CREATE UNIQUE INDEX "Message_sid_key" ON "Message"("sid");
CREATE UNIQUE INDEX "Message_interactionId_seq_key" ON "Message"("interactionId", "seq");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "AgentAction_agentId_name_key" ON "AgentAction"("agentId", "name");

