-- CreateEnum
CREATE TYPE "CollectionChangeStatus" AS ENUM ('PLANNED', 'QUEUED', 'APPLYING', 'SUCCEEDED', 'PARTIAL', 'FAILED', 'DISCARDED');

-- CreateEnum
CREATE TYPE "CollectionChangeItemStatus" AS ENUM ('PENDING', 'SENT', 'DONE', 'FAILED', 'SKIPPED');

-- CreateTable
CREATE TABLE "CollectionChange" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" "CollectionChangeStatus" NOT NULL DEFAULT 'PLANNED',
    "input" JSONB NOT NULL,
    "summary" JSONB NOT NULL,
    "snapshot" JSONB,
    "collectionIds" TEXT[],
    "totalItems" INTEGER NOT NULL DEFAULT 0,
    "totalUnits" INTEGER NOT NULL DEFAULT 0,
    "doneUnits" INTEGER NOT NULL DEFAULT 0,
    "failedUnits" INTEGER NOT NULL DEFAULT 0,
    "taskId" TEXT,
    "actionId" TEXT,
    "undoOfId" TEXT,
    "undoneById" TEXT,
    "createdBy" TEXT,
    "appliedBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "queuedAt" TIMESTAMP(3),
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CollectionChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CollectionChangeItem" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "changeId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "op" TEXT NOT NULL,
    "collectionId" TEXT,
    "productIds" TEXT[],
    "data" JSONB,
    "status" "CollectionChangeItemStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "failures" JSONB,
    "error" TEXT,
    "jobId" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CollectionChangeItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CollectionLock" (
    "shop" TEXT NOT NULL,
    "collectionId" TEXT NOT NULL,
    "changeId" TEXT NOT NULL,
    "lockedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CollectionLock_pkey" PRIMARY KEY ("shop","collectionId")
);

-- CreateIndex
CREATE INDEX "CollectionChange_shop_createdAt_idx" ON "CollectionChange"("shop", "createdAt");

-- CreateIndex
CREATE INDEX "CollectionChangeItem_shop_changeId_status_idx" ON "CollectionChangeItem"("shop", "changeId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "CollectionChangeItem_changeId_seq_key" ON "CollectionChangeItem"("changeId", "seq");

-- CreateIndex
CREATE INDEX "CollectionLock_changeId_idx" ON "CollectionLock"("changeId");

-- AddForeignKey
ALTER TABLE "CollectionChange" ADD CONSTRAINT "CollectionChange_shop_fkey" FOREIGN KEY ("shop") REFERENCES "Shop"("domain") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollectionChangeItem" ADD CONSTRAINT "CollectionChangeItem_shop_fkey" FOREIGN KEY ("shop") REFERENCES "Shop"("domain") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollectionChangeItem" ADD CONSTRAINT "CollectionChangeItem_changeId_fkey" FOREIGN KEY ("changeId") REFERENCES "CollectionChange"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollectionLock" ADD CONSTRAINT "CollectionLock_shop_fkey" FOREIGN KEY ("shop") REFERENCES "Shop"("domain") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollectionLock" ADD CONSTRAINT "CollectionLock_changeId_fkey" FOREIGN KEY ("changeId") REFERENCES "CollectionChange"("id") ON DELETE CASCADE ON UPDATE CASCADE;

