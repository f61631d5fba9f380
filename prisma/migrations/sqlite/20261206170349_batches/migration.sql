-- CreateTable
CREATE TABLE "Batch" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "agentId" TEXT NOT NULL,
    "skillId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "startAt" DATETIME NOT NULL,
    "timezone" TEXT NOT NULL,
    "callingWindows" TEXT NOT NULL DEFAULT '[]',
    "concurrency" INTEGER NOT NULL,
    "pacingPerSecond" REAL NOT NULL,
    "retryPolicy" TEXT NOT NULL DEFAULT '{}',
    "simulate" BOOLEAN NOT NULL DEFAULT false,
    "taskCount" INTEGER NOT NULL,
    "nextStartAt" DATETIME,
    "progressAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "completedAt" DATETIME
);

-- CreateTable
CREATE TABLE "BatchTask" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "batchId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "state" TEXT NOT NULL,
    "input" TEXT NOT NULL,
    "customerName" TEXT,
    "customerPhone" TEXT,
    "customerEmail" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "runAt" DATETIME NOT NULL,
    "interactionId" TEXT,
    "outcome" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "BatchTask_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "Batch" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Batch_status_idx" ON "Batch"("status");

-- CreateIndex
CREATE INDEX "Batch_createdAt_idx" ON "Batch"("createdAt");

-- CreateIndex
CREATE INDEX "BatchTask_batchId_state_runAt_idx" ON "BatchTask"("batchId", "state", "runAt");

-- CreateIndex
CREATE INDEX "BatchTask_state_interactionId_idx" ON "BatchTask"("state", "interactionId");

-- CreateIndex
CREATE UNIQUE INDEX "BatchTask_batchId_seq_key" ON "BatchTask"("batchId", "seq");

