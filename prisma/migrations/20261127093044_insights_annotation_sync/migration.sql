-- AlterTable
ALTER TABLE "Action" ADD COLUMN     "annotationDirty" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "AnnotationDeletion" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "annotationId" TEXT NOT NULL,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AnnotationDeletion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AnnotationDeletion_shop_annotationId_key" ON "AnnotationDeletion"("shop", "annotationId");

-- AddForeignKey
ALTER TABLE "AnnotationDeletion" ADD CONSTRAINT "AnnotationDeletion_shop_fkey" FOREIGN KEY ("shop") REFERENCES "Shop"("domain") ON DELETE CASCADE ON UPDATE CASCADE;

