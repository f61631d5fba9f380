-- DropIndex
DROP INDEX "Interaction_analytics_idx";

-- AlterTable
ALTER TABLE "Interaction" ADD COLUMN     "providerPrice" DOUBLE PRECISION,
ADD COLUMN     "providerPriceUnit" TEXT;

-- CreateIndex
CREATE INDEX "Interaction_analytics_idx" ON "Interaction"("createdAt", "channel", "status", "agentId", "skillId", "direction", "successful", "sentiment", "needsPerson", "simulated", "promptTokens", "completionTokens", "durationSeconds", "providerPrice");

