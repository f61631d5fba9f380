-- AlterTable
ALTER TABLE "Agent" ADD COLUMN     "emailSubject" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Interaction" ADD COLUMN     "subject" TEXT,
ADD COLUMN     "threadToken" TEXT;

-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "email" TEXT,
ADD COLUMN     "original" TEXT;

-- CreateTable
CREATE TABLE "EmailReceipt" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "interactionId" TEXT,
    "outcome" TEXT NOT NULL,
    "reason" TEXT,
    "fromAddress" TEXT NOT NULL DEFAULT '',
    "subject" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmailReceipt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmailAttachment" (
    "id" TEXT NOT NULL,
    "interactionId" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "content" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmailAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "EmailReceipt_key_key" ON "EmailReceipt"("key");

-- CreateIndex
CREATE INDEX "EmailReceipt_createdAt_idx" ON "EmailReceipt"("createdAt");

-- CreateIndex
CREATE INDEX "EmailAttachment_interactionId_idx" ON "EmailAttachment"("interactionId");

-- CreateIndex
CREATE UNIQUE INDEX "Interaction_threadToken_key" ON "Interaction"("threadToken");

-- AddForeignKey
ALTER TABLE "EmailAttachment" ADD CONSTRAINT "EmailAttachment_interactionId_fkey" FOREIGN KEY ("interactionId") REFERENCES "Interaction"("id") ON DELETE CASCADE ON UPDATE CASCADE;

