-- AlterTable
ALTER TABLE "Agent" ADD COLUMN     "transferNumber" TEXT,
ADD COLUMN     "voicemailMessage" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "whatsappTemplateSid" TEXT;

-- AlterTable
ALTER TABLE "Skill" ADD COLUMN     "whatsappTemplateSid" TEXT;

-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "error" TEXT;

-- CreateIndex
CREATE INDEX "Interaction_externalId_idx" ON "Interaction"("externalId");

-- CreateIndex
CREATE INDEX "Interaction_provider_customerPhone_agentPhone_status_idx" ON "Interaction"("provider", "customerPhone", "agentPhone", "status");

-- CreateIndex
CREATE INDEX "Message_externalId_idx" ON "Message"("externalId");

