-- CreateEnum
CREATE TYPE "HomepageDeliveryMode" AS ENUM ('APP_BLOCK', 'TEMPLATE');

-- CreateEnum
CREATE TYPE "HomepageCampaignStatus" AS ENUM ('SCHEDULED', 'PAUSED', 'LIVE', 'ENDED', 'CANCELLED', 'FAILED');

-- CreateEnum
CREATE TYPE "HomepageSwitchDirection" AS ENUM ('ON', 'OFF');

-- CreateEnum
CREATE TYPE "HomepageSwitchStatus" AS ENUM ('PENDING', 'RUNNING', 'DONE', 'SKIPPED', 'FAILED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "HomepageSnapshotKind" AS ENUM ('CAMPAIGN', 'PREVIOUS', 'DRIFTED');

-- CreateTable
CREATE TABLE "HomepageCampaign" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "mode" "HomepageDeliveryMode" NOT NULL DEFAULT 'APP_BLOCK',
    "status" "HomepageCampaignStatus" NOT NULL DEFAULT 'SCHEDULED',
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3),
    "notes" TEXT,
    "heading" TEXT NOT NULL DEFAULT '',
    "text" TEXT NOT NULL DEFAULT '',
    "buttonLabel" TEXT NOT NULL DEFAULT '',
    "buttonLink" TEXT NOT NULL DEFAULT '',
    "imageUrl" TEXT NOT NULL DEFAULT '',
    "collectionId" TEXT,
    "metaobjectId" TEXT,
    "metaobjectHandle" TEXT NOT NULL,
    "sourceThemeId" TEXT,
    "preflight" JSONB,
    "verification" JSONB,
    "alert" TEXT,
    "wentLiveAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "createdBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HomepageCampaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HomepageSwitch" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "direction" "HomepageSwitchDirection" NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "status" "HomepageSwitchStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "leaseUntil" TIMESTAMP(3),
    "startedAt" TIMESTAMP(3),
    "appliedAt" TIMESTAMP(3),
    "lateMs" INTEGER,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "wrote" BOOLEAN NOT NULL DEFAULT false,
    "error" TEXT,
    "verifiedAt" TIMESTAMP(3),
    "verifiedOk" BOOLEAN,
    "verifyNote" TEXT,
    "actionId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HomepageSwitch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HomepageSnapshot" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "kind" "HomepageSnapshotKind" NOT NULL,
    "themeId" TEXT NOT NULL,
    "files" JSONB NOT NULL,
    "checksum" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HomepageSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "HomepageCampaign_shop_startsAt_idx" ON "HomepageCampaign"("shop", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "HomepageCampaign_shop_metaobjectHandle_key" ON "HomepageCampaign"("shop", "metaobjectHandle");

-- CreateIndex
CREATE INDEX "HomepageSwitch_status_dueAt_idx" ON "HomepageSwitch"("status", "dueAt");

-- CreateIndex
CREATE INDEX "HomepageSwitch_shop_dueAt_idx" ON "HomepageSwitch"("shop", "dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "HomepageSwitch_campaignId_direction_key" ON "HomepageSwitch"("campaignId", "direction");

-- CreateIndex
CREATE INDEX "HomepageSnapshot_shop_idx" ON "HomepageSnapshot"("shop");

-- CreateIndex
CREATE UNIQUE INDEX "HomepageSnapshot_campaignId_kind_key" ON "HomepageSnapshot"("campaignId", "kind");

-- AddForeignKey
ALTER TABLE "HomepageCampaign" ADD CONSTRAINT "HomepageCampaign_shop_fkey" FOREIGN KEY ("shop") REFERENCES "Shop"("domain") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HomepageSwitch" ADD CONSTRAINT "HomepageSwitch_shop_fkey" FOREIGN KEY ("shop") REFERENCES "Shop"("domain") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HomepageSwitch" ADD CONSTRAINT "HomepageSwitch_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "HomepageCampaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HomepageSnapshot" ADD CONSTRAINT "HomepageSnapshot_shop_fkey" FOREIGN KEY ("shop") REFERENCES "Shop"("domain") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HomepageSnapshot" ADD CONSTRAINT "HomepageSnapshot_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "HomepageCampaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

