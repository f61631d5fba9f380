-- AlterTable
ALTER TABLE "Agent" ADD COLUMN     "llmModel" TEXT,
ADD COLUMN     "llmTemperature" DOUBLE PRECISION,
ADD COLUMN     "widgetSecret" TEXT;

-- AlterTable
ALTER TABLE "Interaction" ADD COLUMN     "brain" TEXT NOT NULL DEFAULT 'scripted',
ADD COLUMN     "completionTokens" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "direction" TEXT NOT NULL DEFAULT 'outbound',
ADD COLUMN     "externalId" TEXT,
ADD COLUMN     "handoffReason" TEXT,
ADD COLUMN     "needsPerson" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "persona" TEXT,
ADD COLUMN     "promptTokens" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "takenOverById" TEXT,
ADD COLUMN     "takenOverByName" TEXT;

-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "completionTokens" INTEGER,
ADD COLUMN     "externalId" TEXT,
ADD COLUMN     "internal" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "promptTokens" INTEGER,
ADD COLUMN     "senderName" TEXT;

-- CreateTable
CREATE TABLE "AgentAction" (
    "id" TEXT NOT NULL,
    "agentId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "parameters" TEXT NOT NULL DEFAULT '{"type":"object","properties":{}}',
    "url" TEXT NOT NULL,
    "timeoutMs" INTEGER NOT NULL DEFAULT 10000,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AgentAction_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AgentAction_agentId_name_key" ON "AgentAction"("agentId", "name");

-- CreateIndex
CREATE INDEX "Interaction_needsPerson_status_idx" ON "Interaction"("needsPerson", "status");

-- CreateIndex
CREATE INDEX "Interaction_direction_createdAt_idx" ON "Interaction"("direction", "createdAt");

-- AddForeignKey
ALTER TABLE "AgentAction" ADD CONSTRAINT "AgentAction_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "Agent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

