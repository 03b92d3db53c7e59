-- CreateEnum
CREATE TYPE "ActionSource" AS ENUM ('MERCHDESK', 'MANUAL', 'EXTERNAL');

-- CreateEnum
CREATE TYPE "ActionOutcome" AS ENUM ('SUCCEEDED', 'PARTIAL', 'FAILED');

-- CreateEnum
CREATE TYPE "ActionResourceType" AS ENUM ('COLLECTION', 'PRODUCT', 'CAMPAIGN', 'THEME', 'DISCOUNT');

-- CreateTable
CREATE TABLE "Action" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "source" "ActionSource" NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "note" TEXT,
    "category" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),
    "actor" TEXT,
    "outcome" "ActionOutcome" NOT NULL DEFAULT 'SUCCEEDED',
    "detailsPath" TEXT,
    "expectedKpi" TEXT,
    "expectedDirection" TEXT,
    "expectedSize" DOUBLE PRECISION,
    "externalKey" TEXT,
    "annotationId" TEXT,
    "annotationSyncedAt" TIMESTAMP(3),
    "annotationError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Action_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActionResource" (
    "actionId" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "type" "ActionResourceType" NOT NULL,
    "resourceId" TEXT NOT NULL,

    CONSTRAINT "ActionResource_pkey" PRIMARY KEY ("actionId","type","resourceId")
);

-- CreateIndex
CREATE INDEX "Action_shop_startedAt_idx" ON "Action"("shop", "startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Action_shop_externalKey_key" ON "Action"("shop", "externalKey");

-- CreateIndex
CREATE INDEX "ActionResource_shop_type_resourceId_idx" ON "ActionResource"("shop", "type", "resourceId");

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_shop_fkey" FOREIGN KEY ("shop") REFERENCES "Shop"("domain") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionResource" ADD CONSTRAINT "ActionResource_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE CASCADE ON UPDATE CASCADE;

