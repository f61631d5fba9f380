-- AlterTable
ALTER TABLE "ApiCredential" ADD COLUMN     "createdByEmail" TEXT,
ADD COLUMN     "createdById" TEXT,
ADD COLUMN     "createdByName" TEXT;

-- AlterTable
ALTER TABLE "WebhookEndpoint" ADD COLUMN     "createdByEmail" TEXT,
ADD COLUMN     "createdById" TEXT,
ADD COLUMN     "createdByName" TEXT;

-- CreateIndex
CREATE INDEX "ApiCredential_createdById_idx" ON "ApiCredential"("createdById");

-- CreateIndex
CREATE INDEX "WebhookEndpoint_createdById_idx" ON "WebhookEndpoint"("createdById");

-- AddForeignKey
ALTER TABLE "ApiCredential" ADD CONSTRAINT "ApiCredential_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookEndpoint" ADD CONSTRAINT "WebhookEndpoint_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Written by hand: every account that exists now was created already (by a start or in the dashboard).
-- Recording that keeps a start from recreating one from ADMIN_EMAIL or API_USERNAME once it is removed.
INSERT INTO "Setting" ("key", "value") SELECT 'bootstrap_admin:' || "email", "email" FROM "StaffUser";
INSERT INTO "Setting" ("key", "value") SELECT 'bootstrap_api_credential:' || "username", "username" FROM "ApiCredential";
