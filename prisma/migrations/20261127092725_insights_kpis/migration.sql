-- CreateTable
CREATE TABLE "KpiDay" (
    "shop" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "grossSales" BIGINT NOT NULL DEFAULT 0,
    "discounts" BIGINT NOT NULL DEFAULT 0,
    "returns" BIGINT NOT NULL DEFAULT 0,
    "orders" INTEGER NOT NULL DEFAULT 0,
    "units" INTEGER NOT NULL DEFAULT 0,
    "returnedUnits" INTEGER NOT NULL DEFAULT 0,
    "sessions" INTEGER,
    "convertedSessions" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KpiDay_pkey" PRIMARY KEY ("shop","date")
);

-- CreateTable
CREATE TABLE "KpiProductDay" (
    "shop" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "netSales" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "KpiProductDay_pkey" PRIMARY KEY ("shop","date","productId")
);

-- CreateTable
CREATE TABLE "KpiOrderContribution" (
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "orderDate" TEXT NOT NULL,
    "orderUpdatedAt" TIMESTAMP(3),
    "rows" JSONB NOT NULL,

    CONSTRAINT "KpiOrderContribution_pkey" PRIMARY KEY ("shop","orderId")
);

-- CreateTable
CREATE TABLE "KpiSync" (
    "shop" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'idle',
    "mode" TEXT,
    "operationId" TEXT,
    "rangeFrom" TIMESTAMP(3),
    "rangeBefore" TIMESTAMP(3),
    "appliedOperation" TEXT,
    "startedAt" TIMESTAMP(3),
    "backfilledAt" TIMESTAMP(3),
    "repairedAt" TIMESTAMP(3),
    "lastWebhookAt" TIMESTAMP(3),
    "firstDate" TEXT,
    "ordersCounted" INTEGER NOT NULL DEFAULT 0,
    "report" JSONB,
    "error" TEXT,
    "sessionsReason" TEXT,
    "sessionsSyncedAt" TIMESTAMP(3),
    "annotationsImportedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KpiSync_pkey" PRIMARY KEY ("shop")
);

-- CreateIndex
CREATE INDEX "KpiProductDay_shop_productId_idx" ON "KpiProductDay"("shop", "productId");

-- CreateIndex
CREATE INDEX "KpiOrderContribution_shop_orderDate_idx" ON "KpiOrderContribution"("shop", "orderDate");

-- AddForeignKey
ALTER TABLE "KpiDay" ADD CONSTRAINT "KpiDay_shop_fkey" FOREIGN KEY ("shop") REFERENCES "Shop"("domain") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KpiProductDay" ADD CONSTRAINT "KpiProductDay_shop_fkey" FOREIGN KEY ("shop") REFERENCES "Shop"("domain") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KpiOrderContribution" ADD CONSTRAINT "KpiOrderContribution_shop_fkey" FOREIGN KEY ("shop") REFERENCES "Shop"("domain") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KpiSync" ADD CONSTRAINT "KpiSync_shop_fkey" FOREIGN KEY ("shop") REFERENCES "Shop"("domain") ON DELETE CASCADE ON UPDATE CASCADE;

