-- CreateTable
CREATE TABLE "ActionEffect" (
    "shop" TEXT NOT NULL,
    "actionId" TEXT NOT NULL,
    "kpi" TEXT NOT NULL,
    "verdict" TEXT NOT NULL,
    "point" DOUBLE PRECISION,
    "lower" DOUBLE PRECISION,
    "upper" DOUBLE PRECISION,
    "reason" TEXT,
    "explanation" TEXT NOT NULL,
    "windowStart" TEXT NOT NULL,
    "windowEnd" TEXT NOT NULL,
    "dataThrough" TEXT NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ActionEffect_pkey" PRIMARY KEY ("actionId","kpi")
);

-- CreateIndex
CREATE INDEX "ActionEffect_shop_idx" ON "ActionEffect"("shop");

-- AddForeignKey
ALTER TABLE "ActionEffect" ADD CONSTRAINT "ActionEffect_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE CASCADE ON UPDATE CASCADE;

