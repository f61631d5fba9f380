-- CreateIndex
CREATE INDEX "Interaction_analytics_idx" ON "Interaction"("createdAt", "channel", "status", "agentId", "skillId", "direction", "successful", "sentiment", "needsPerson", "simulated", "promptTokens", "completionTokens", "durationSeconds");

