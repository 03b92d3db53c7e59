-- AlterTable
ALTER TABLE "HomepageCampaign" ADD COLUMN     "previewExpiresAt" TIMESTAMP(3),
ADD COLUMN     "previewToken" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "HomepageCampaign_previewToken_key" ON "HomepageCampaign"("previewToken");

