-- AlterTable
ALTER TABLE "KpiSync" ADD COLUMN     "membershipOperationId" TEXT,
ADD COLUMN     "membershipSyncedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "KpiCollection" (
    "shop" TEXT NOT NULL,
    "collectionId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "productCount" INTEGER NOT NULL DEFAULT 0,
    "refreshedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KpiCollection_pkey" PRIMARY KEY ("shop","collectionId")
);

-- CreateTable
CREATE TABLE "CollectionMember" (
    "shop" TEXT NOT NULL,
    "collectionId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,

    CONSTRAINT "CollectionMember_pkey" PRIMARY KEY ("shop","collectionId","productId")
);

-- CreateTable
CREATE TABLE "KpiCollectionDay" (
    "shop" TEXT NOT NULL,
    "collectionId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "netSales" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "KpiCollectionDay_pkey" PRIMARY KEY ("shop","collectionId","date")
);

-- CreateIndex
CREATE INDEX "CollectionMember_shop_productId_idx" ON "CollectionMember"("shop", "productId");

-- AddForeignKey
ALTER TABLE "KpiCollection" ADD CONSTRAINT "KpiCollection_shop_fkey" FOREIGN KEY ("shop") REFERENCES "KpiSync"("shop") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollectionMember" ADD CONSTRAINT "CollectionMember_shop_fkey" FOREIGN KEY ("shop") REFERENCES "KpiSync"("shop") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KpiCollectionDay" ADD CONSTRAINT "KpiCollectionDay_shop_fkey" FOREIGN KEY ("shop") REFERENCES "KpiSync"("shop") ON DELETE CASCADE ON UPDATE CASCADE;

