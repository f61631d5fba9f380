-- AlterTable
ALTER TABLE "Skill" ADD COLUMN     "analysisFields" TEXT NOT NULL DEFAULT '[]',
ADD COLUMN     "successCriteria" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Interaction" ADD COLUMN     "analysis" TEXT,
ADD COLUMN     "sentiment" TEXT,
ADD COLUMN     "successful" BOOLEAN;

-- CreateIndex
CREATE INDEX "Interaction_sentiment_createdAt_idx" ON "Interaction"("sentiment", "createdAt");

-- CreateIndex
CREATE INDEX "Interaction_successful_createdAt_idx" ON "Interaction"("successful", "createdAt");

