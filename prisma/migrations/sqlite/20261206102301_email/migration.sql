-- AlterTable
ALTER TABLE "Interaction" ADD COLUMN "subject" TEXT;
ALTER TABLE "Interaction" ADD COLUMN "threadToken" TEXT;

-- AlterTable
ALTER TABLE "Message" ADD COLUMN "email" TEXT;
ALTER TABLE "Message" ADD COLUMN "original" TEXT;

-- CreateTable
CREATE TABLE "EmailReceipt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "interactionId" TEXT,
    "outcome" TEXT NOT NULL,
    "reason" TEXT,
    "fromAddress" TEXT NOT NULL DEFAULT '',
    "subject" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "EmailAttachment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "interactionId" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "content" BLOB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "EmailAttachment_interactionId_fkey" FOREIGN KEY ("interactionId") REFERENCES "Interaction" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable (an added column, not Prisma's table rebuild: a rebuild copies only the columns it knows of)
ALTER TABLE "Agent" ADD COLUMN "emailSubject" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE UNIQUE INDEX "EmailReceipt_key_key" ON "EmailReceipt"("key");

-- CreateIndex
CREATE INDEX "EmailReceipt_createdAt_idx" ON "EmailReceipt"("createdAt");

-- CreateIndex
CREATE INDEX "EmailAttachment_interactionId_idx" ON "EmailAttachment"("interactionId");

-- CreateIndex
CREATE UNIQUE INDEX "Interaction_threadToken_key" ON "Interaction"("threadToken");

